import ExcelJS from 'exceljs';
import type { ReportData } from '../model';
import { writeExplanationSheet } from './explanation-sheet';
import { writeSelfEvaluationSheet } from './self-evaluation-sheet';

export const SHEET_NAME = '项目支出绩效自评表';
export const EXPLANATION_SHEET_NAME = '评分说明';

/** The .xlsx 自评表 as bytes (no file system: the caller uploads or writes it). */
export async function buildSelfEvaluationWorkbook(data: ReportData): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao 绩效自评助手';
  wb.created = data.generatedAt;
  wb.modified = data.generatedAt;
  writeSelfEvaluationSheet(wb.addWorksheet(SHEET_NAME), data);
  writeExplanationSheet(wb.addWorksheet(EXPLANATION_SHEET_NAME), data);
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
