import ExcelJS from 'exceljs';
import type { ReportData } from '../model';
import { writeSelfEvaluationSheet } from './self-evaluation-sheet';

export const SHEET_NAME = '项目支出绩效自评表';

/**
 * The .xlsx 自评表 as bytes (no file system: the caller uploads or writes it). It holds the official table and
 * nothing else: the score explanations and the data check go to the clerk in a file of their own
 * (`explanation-workbook.ts`), never to the finance bureau.
 */
export async function buildSelfEvaluationWorkbook(data: ReportData): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao 绩效自评助手';
  wb.created = data.generatedAt;
  wb.modified = data.generatedAt;
  writeSelfEvaluationSheet(wb.addWorksheet(SHEET_NAME), data);
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
