import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildSelfEvaluationWorkbook, EXPLANATION_SHEET_NAME, SHEET_NAME } from '../../../../src/features/reports/xlsx/self-evaluation-workbook';
import { readZipEntry } from '../../../helpers/zip';
import { SEED_TABLES, seedReport } from '../../../fixtures';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** Finds the row whose column A or B holds `label` (layout rows are found by content, not by number). */
function rowWith(ws: ExcelJS.Worksheet, col: number, label: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, col).value === label) return r;
  throw new Error(`no row with ${label} in column ${col}`);
}

describe('项目支出绩效自评表 (.xlsx)', () => {
  it.each(SEED_TABLES)('003-%s: every cell read back equals the computed value', async (table) => {
    const data = seedReport(table);
    const { input, result } = data;
    const wb = await load(await buildSelfEvaluationWorkbook(data));
    const ws = wb.getWorksheet(SHEET_NAME)!;

    expect(ws.getCell('A1').value).toBe('项目支出绩效自评表');
    expect(ws.getCell('A2').value).toBe(`（${input.project.year}年度）`);
    expect(ws.getCell('C3').value).toBe(input.project.name);
    expect(ws.getCell('C4').value).toBe(input.project.department);
    expect(ws.getCell('H4').value).toBe(input.project.implementingUnit);

    const funding = rowWith(ws, 2, '年度资金总额');
    expect(ws.getCell(funding, 4).value).toBe(result.budget.fullYear);
    expect(ws.getCell(funding, 5).value).toBe(result.budget.executed);
    expect(ws.getCell(funding, 6).value).toBe(result.budget.weight);
    expect(ws.getCell(funding, 7).value).toBe(result.budget.rate);
    expect(ws.getCell(funding, 7).numFmt).toBe('0.00%');
    expect(ws.getCell(funding, 8).value).toBe(result.budget.score);
    expect(ws.getCell(funding + 1, 2).value).toBe('其中：当年财政拨款');
    expect(ws.getCell(funding + 1, 4).value).toBe(Number(input.budget.sources?.currentYear?.fullYear));

    const header = rowWith(ws, 2, '一级指标');
    expect(ws.getCell(header, 9).value).toBe('偏差原因分析及改进措施');
    result.indicators.forEach((row, i) => {
      const r = header + 1 + i;
      // merged cells report the master's value, so 一级/二级 read back on every row
      expect(ws.getCell(r, 2).value).toBe(row.level1);
      expect(ws.getCell(r, 3).value).toBe(row.level2);
      expect(ws.getCell(r, 4).value).toBe(row.name);
      expect(ws.getCell(r, 5).value).toBe(row.target);
      expect(ws.getCell(r, 7).value).toBe(row.weight);
      expect(ws.getCell(r, 8).value).toBe(row.score);
      expect(ws.getCell(r, 9).value).toBe(row.deviationReason ?? '');
    });

    const total = rowWith(ws, 1, '总分');
    expect(total).toBe(header + result.indicators.length + 1);
    expect(ws.getCell(total, 7).value).toBe(100);
    expect(ws.getCell(total, 8).value).toBe(result.total);

    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.fitToWidth).toBe(1);
  });

  it('003-t2: actual values are numbers, percentages are percentages', async () => {
    const data = seedReport('t2');
    const ws = (await load(await buildSelfEvaluationWorkbook(data))).getWorksheet(SHEET_NAME)!;
    const header = rowWith(ws, 2, '一级指标');
    expect(ws.getCell(header + 2, 6).value).toBe(16000); // 宣传品数量
    expect(ws.getCell(header + 4, 6).value).toBe(0.85); // 宣传覆盖率 85%
    expect(ws.getCell(header + 4, 6).numFmt).toContain('%');
    expect(ws.getCell(rowWith(ws, 1, '总分'), 8).value).toBe(98.13);
  });

  it('merges 一级 and 二级 cells over their runs of rows (seed 000 layout)', async () => {
    const data = seedReport('t2');
    const bytes = await buildSelfEvaluationWorkbook(data);
    const sheetXml = readZipEntry(bytes, 'xl/worksheets/sheet1.xml');
    const merges = [...sheetXml.matchAll(/<mergeCell ref="([A-Z]+\d+:[A-Z]+\d+)"/g)].map((m) => m[1]);
    const ws = (await load(bytes)).getWorksheet(SHEET_NAME)!;
    const first = rowWith(ws, 2, '一级指标') + 1;
    // 产出指标 spans the five output rows; 数量指标 the first three, 质量指标 the next two
    expect(merges).toContain(`B${first}:B${first + 4}`);
    expect(merges).toContain(`C${first}:C${first + 2}`);
    expect(merges).toContain(`C${first + 3}:C${first + 4}`);
    // single-row groups (效益指标 / 社会效益指标) are not merged with their neighbours
    expect(merges.some((m) => m?.startsWith(`B${first + 5}:`))).toBe(false);
  });

  it('003-t1: the 评分说明 sheet explains every score and lists the audit findings', async () => {
    const data = seedReport('t1');
    const ws = (await load(await buildSelfEvaluationWorkbook(data))).getWorksheet(EXPLANATION_SHEET_NAME)!;
    const texts: string[] = [];
    ws.eachRow((row) => texts.push(String(row.getCell(5).value ?? '')));
    expect(texts).toContain(data.result.budget.explanation);
    for (const row of data.result.indicators) expect(texts).toContain(row.explanation);
    for (const w of data.result.warnings) expect(texts).toContain(w.message);
  });
});
