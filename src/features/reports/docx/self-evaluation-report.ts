import type { ReportData } from '../model';
import { composeReport } from './compose';
import { packDocument, renderDocument } from './render';

/** The .docx 自评报告 draft as bytes (no file system: the caller uploads or writes it). */
export async function buildSelfEvaluationReport(data: ReportData): Promise<Uint8Array> {
  const blocks = composeReport(data);
  const title = blocks[0]?.kind === 'title' ? blocks[0].text : data.input.project.name;
  return packDocument(renderDocument(blocks, title, 'jixiao 绩效自评助手'));
}
