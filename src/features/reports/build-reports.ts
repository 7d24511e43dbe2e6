import { buildSelfEvaluationReport } from './docx/self-evaluation-report';
import { reportFileNames } from './file-names';
import type { ReportData } from './model';
import { isDraft } from './model';
import { buildExplanationWorkbook } from './xlsx/explanation-workbook';
import { buildSelfEvaluationWorkbook } from './xlsx/self-evaluation-workbook';

export interface ReportFile {
  name: string;
  data: Uint8Array;
}

export interface ReportFiles {
  /** The official 自评表: one sheet, for the finance bureau. */
  xlsx: ReportFile;
  /** The 自评报告. */
  docx: ReportFile;
  /** 评分说明与核查: how each score was reached and what the data check found, for the clerk only. */
  explanations: ReportFile;
  /** True while the evaluation is incomplete or not yet approved: every file is marked 未完成（草稿）. */
  draft: boolean;
}

/** The documents of one evaluation, named for the project and year (and 草稿 while it is one). */
export async function buildReports(data: ReportData): Promise<ReportFiles> {
  const draft = isDraft(data);
  const names = reportFileNames(data.input, { draft });
  const [xlsx, docx, explanations] = await Promise.all([
    buildSelfEvaluationWorkbook(data),
    buildSelfEvaluationReport(data),
    buildExplanationWorkbook(data),
  ]);
  return {
    xlsx: { name: names.xlsx, data: xlsx },
    docx: { name: names.docx, data: docx },
    explanations: { name: names.explanations, data: explanations },
    draft,
  };
}
