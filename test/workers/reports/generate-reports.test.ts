import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { evaluationInputSchema } from '../../../src/domain/evaluation';
import { scoreEvaluation } from '../../../src/domain/scoring/score-evaluation';
import { buildReports } from '../../../src/features/reports/build-reports';
import type { ReportData } from '../../../src/features/reports/model';
import { SHEET_NAME } from '../../../src/features/reports/xlsx/self-evaluation-workbook';
import t1 from '../../fixtures/seeds/003-t1.json';
import t2 from '../../fixtures/seeds/003-t2.json';
import { docxParagraphs, readZipEntry } from '../../helpers/zip';

// The summary posts both documents from the Worker too: the project's own builders (exceljs, docx)
// and the scoring engine, run inside workerd on the seed tables. Layout details: test/reports/**.
function seed(json: unknown): ReportData {
  const input = evaluationInputSchema.parse(json);
  return { input, result: scoreEvaluation(input), generatedAt: new Date('2020-05-20T02:00:00Z') };
}

describe('reports generated inside workerd', () => {
  it('003-T2 (seed 000): the engine gives 98.13 · 优 and the .docx says so', async () => {
    const data = seed(t2);
    expect([data.result.total, data.result.grade]).toEqual([98.13, '优']);
    const { docx } = await buildReports(data);
    expect(docx.name).toMatch(/\.docx$/);
    const paragraphs = docxParagraphs(readZipEntry(docx.data, 'word/document.xml'));
    expect(paragraphs[0]).toBe('2019年度防范和处置非法集资专项业务经费绩效自评报告');
    expect(paragraphs.some((p) => p.includes('评分结果为98.13分，绩效评级为“优”。'))).toBe(true);
    for (const row of data.result.indicators) expect(paragraphs.join('\n')).toContain(row.name);
  });

  it.each([
    ['003-T1', t1],
    ['003-T2', t2],
  ])('%s: the .xlsx 自评表 reads back with the project, every row and the total', async (_name, json) => {
    const data = seed(json);
    const { xlsx } = await buildReports(data);
    expect(xlsx.name).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.data.buffer.slice(xlsx.data.byteOffset, xlsx.data.byteOffset + xlsx.data.byteLength) as ArrayBuffer);
    const ws = wb.getWorksheet(SHEET_NAME)!;
    expect(ws.getCell('A1').value).toBe('项目支出绩效自评表');
    expect(ws.getCell('C3').value).toBe(data.input.project.name);
    const cells = (col: number) => Array.from({ length: ws.rowCount }, (_, i) => ws.getCell(i + 1, col).value);
    for (const row of data.result.indicators) expect(cells(4)).toContain(row.name);
    const totalRow = cells(1).indexOf('总分') + 1;
    expect(totalRow).toBeGreaterThan(0);
    expect(ws.getCell(totalRow, 8).value).toBe(data.result.total);
  });
});
