import { buildSelfEvaluationReport } from './docx/self-evaluation-report';
import { reportFileNames } from './file-names';
import type { ReportData } from './model';
import { buildSelfEvaluationWorkbook } from './xlsx/self-evaluation-workbook';

export interface ReportFiles {
  xlsx: { name: string; data: Uint8Array };
  docx: { name: string; data: Uint8Array };
}

/** Both documents the finance bureau expects, named for the project and year. */
export async function buildReports(data: ReportData): Promise<ReportFiles> {
  const names = reportFileNames(data.input);
  const [xlsx, docx] = await Promise.all([buildSelfEvaluationWorkbook(data), buildSelfEvaluationReport(data)]);
  return { xlsx: { name: names.xlsx, data: xlsx }, docx: { name: names.docx, data: docx } };
}
