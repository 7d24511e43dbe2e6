import { describe, expect, it } from 'vitest';
import { buildReports } from '../../../../src/features/reports/build-reports';
import { allFindings } from '../../../../src/features/reports/findings';
import { EXPLANATION_SHEET_NAME } from '../../../../src/features/reports/xlsx/explanation-workbook';
import { readZipEntry } from '../../../helpers/zip';
import { halfFilledReport, seedReport } from '../../../fixtures';
import { loadWorkbook, renderedCells, visibleSheets } from '../../../helpers/xlsx-cells';

describe('评分说明与核查 (.xlsx, for the clerk)', () => {
  it('003-t1: a separate, titled file that explains every score and lists every finding of the data check', async () => {
    const data = seedReport('t1');
    const files = await buildReports(data);
    expect(files.explanations.name).toBe('2019年度金融监管专项经费-评分说明与核查.xlsx');
    const wb = await loadWorkbook(files.explanations.data);
    expect(visibleSheets(wb).map((s) => s.name)).toEqual([EXPLANATION_SHEET_NAME]);
    const ws = wb.getWorksheet(EXPLANATION_SHEET_NAME)!;
    expect(ws.getCell('A1').value).toBe('2019年度金融监管专项经费评分说明与核查');
    expect(String(ws.getCell('A3').value)).toContain('不随自评表报送');
    const texts = renderedCells(wb).map((c) => c.text);
    expect(texts).toContain(data.result.budget.explanation);
    for (const row of data.result.indicators) expect(texts).toContain(row.explanation);
    expect(texts).toContain(data.result.totalExplanation);
    const findings = allFindings(data);
    expect(findings.length).toBe(data.result.warnings.length);
    for (const w of data.result.warnings) expect(texts).toContain(w.message);
    expect(texts).toContain(`数据核查（${findings.length} 条）`);
  });

  it('003-t1: every row has a height set and wrapped text, so long names and findings do not print over each other', async () => {
    const bytes = (await buildReports(seedReport('t1'))).explanations.data;
    const sheet = readZipEntry(bytes, 'xl/worksheets/sheet1.xml');
    const rows = [...sheet.matchAll(/<row r="(\d+)"([^>]*)>/g)];
    expect(rows.length).toBeGreaterThan(20);
    for (const [, r, attrs] of rows) expect(attrs, `row ${r}`).toMatch(/ ht="\d+(\.\d+)?" customHeight="1"/);
    // the 13-finding block of T1 is the case the review saw overlapping
    const heights = rows.map(([, , attrs]) => Number(/ ht="([\d.]+)"/.exec(attrs!)![1]));
    expect(Math.max(...heights)).toBeGreaterThan(18);
    expect(sheet).toMatch(/<pageSetup [^>]*orientation="landscape"[^>]*fitToWidth="1"[^>]*fitToHeight="0"/);
  });

  it('a draft says so at the top, and the 资金来源 check reports lines that do not add up', async () => {
    const data = halfFilledReport();
    data.input.budget.sources!.currentYear = { initial: 30, fullYear: 30, executed: null };
    data.input.budget.sources!.carryOver = { initial: 36.19, fullYear: 30, executed: null };
    const files = await buildReports(data);
    expect(files.explanations.name).toContain('（草稿）');
    const texts = renderedCells(await loadWorkbook(files.explanations.data)).map((c) => c.text);
    expect(texts.some((t) => t.startsWith('未完成（草稿）：全年执行数尚未填报'))).toBe(true);
    expect(texts).toContain('资金来源分项的全年预算数合计60万元，与年度资金总额的全年预算数66.19万元不符');
  });
});
