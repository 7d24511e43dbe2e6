/** The reports feature's public entry (nothing outside this folder imports its internals). */
export { buildReports, type ReportFiles } from './build-reports';
export type { ReportData } from './model';
export { buildSelfEvaluationWorkbook } from './xlsx/self-evaluation-workbook';
export { buildSelfEvaluationReport } from './docx/self-evaluation-report';
export { draftReasons } from './model';
export { formatScore } from './numbers';
