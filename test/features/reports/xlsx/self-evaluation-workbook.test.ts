import { describe, expect, it } from 'vitest';
import { scoreEvaluation } from '../../../../src/domain/scoring/score-evaluation';
import { buildReports } from '../../../../src/features/reports/build-reports';
import { buildSelfEvaluationWorkbook, SHEET_NAME } from '../../../../src/features/reports/xlsx/self-evaluation-workbook';
import { readZipEntry } from '../../../helpers/zip';
import { allReports, demoReport, halfFilledReport, SEED_TABLES, seed, seedReport } from '../../../fixtures';
import { loadWorkbook, renderedCells, visibleSheets } from '../../../helpers/xlsx-cells';

/** Finds the row whose column holds `label` (layout rows are found by content, not by number). */
function rowWith(ws: import('exceljs').Worksheet, col: number, label: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, col).value === label) return r;
  throw new Error(`no row with ${label} in column ${col}`);
}

describe('项目支出绩效自评表 (.xlsx)', () => {
  it.each(allReports())('%s: the deliverable holds exactly one visible sheet, the official table', async (_name, data) => {
    const wb = await loadWorkbook(await buildSelfEvaluationWorkbook(data));
    expect(visibleSheets(wb).map((ws) => ws.name)).toEqual([SHEET_NAME]);
    expect(wb.worksheets).toHaveLength(1);
    const text = renderedCells(wb).map((c) => c.text).join('\n');
    expect(text).not.toMatch(/评分说明|核查|表上得分|按规则计算/);
  });

  it.each(SEED_TABLES)('003-%s: every cell read back equals the computed value', async (table) => {
    const data = seedReport(table);
    const { input, result } = data;
    const wb = await loadWorkbook(await buildSelfEvaluationWorkbook(data));
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
    expect(ws.getCell(funding, 8).value).toBe(result.budget.score);
    expect(ws.getCell(funding + 1, 2).value).toBe('其中：当年财政拨款');
    expect(ws.getCell(funding + 1, 4).value).toBe(Number(input.budget.sources?.currentYear?.fullYear));
    // 全年执行数 per source line, as seed 000 prints 17.65 / 36.19
    expect(ws.getCell(funding + 1, 5).value).toBe(input.budget.sources?.currentYear?.executed ?? null);

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
      if (row.deviationReason) expect(String(ws.getCell(r, 9).value)).toContain(row.deviationReason);
    });

    const total = rowWith(ws, 1, '总分');
    expect(total).toBe(header + result.indicators.length + 1);
    expect(ws.getCell(total, 7).value).toBe(100);
    expect(ws.getCell(total, 8).value).toBe(result.total);
    expect(ws.getCell(total, 9).value).toBe(`绩效等级：${result.grade}`);
  });

  it('003-t2: the 年度总体目标 block prints 预期目标 and 实际完成情况', async () => {
    const data = seedReport('t2');
    const ws = (await loadWorkbook(await buildSelfEvaluationWorkbook(data))).getWorksheet(SHEET_NAME)!;
    const goals = rowWith(ws, 1, '年度总体目标');
    expect(ws.getCell(goals + 1, 2).value).toBe(data.input.goals!.expected);
    expect(ws.getCell(goals + 1, 6).value).toBe(data.input.goals!.actual);
  });

  it('merges 一级 and 二级 cells over their runs of rows (seed 000 layout)', async () => {
    const bytes = await buildSelfEvaluationWorkbook(seedReport('t2'));
    const sheetXml = readZipEntry(bytes, 'xl/worksheets/sheet1.xml');
    const merges = [...sheetXml.matchAll(/<mergeCell ref="([A-Z]+\d+:[A-Z]+\d+)"/g)].map((m) => m[1]);
    const ws = (await loadWorkbook(bytes)).getWorksheet(SHEET_NAME)!;
    const first = rowWith(ws, 2, '一级指标') + 1;
    // 产出指标 spans the five output rows; 数量指标 the first three, 质量指标 the next two
    expect(merges).toContain(`B${first}:B${first + 4}`);
    expect(merges).toContain(`C${first}:C${first + 2}`);
    expect(merges).toContain(`C${first + 3}:C${first + 4}`);
    // single-row groups (效益指标 / 社会效益指标) are not merged with their neighbours
    expect(merges.some((m) => m?.startsWith(`B${first + 5}:`))).toBe(false);
  });

  it('demo: a long qualitative 实际完成值 prints as its band, the description goes to 偏差/说明 (no sliver)', async () => {
    const data = demoReport();
    const ws = (await loadWorkbook(await buildSelfEvaluationWorkbook(data))).getWorksheet(SHEET_NAME)!;
    const r = rowWith(ws, 4, '提高群众风险防范意识');
    expect(ws.getCell(r, 6).value).toBe('达成');
    expect(String(ws.getCell(r, 9).value)).toBe(`完成情况：${data.input.indicators[5]!.actual}`);
    // the budget reason the clerk typed sits beside the funding block
    expect(ws.getCell(rowWith(ws, 2, '年度资金总额'), 9).value).toBe(data.input.budget.deviationReason);
  });

  it('a band with its chosen score (部分达成 11) prints the band only: the score has its own column', async () => {
    const input = seed('t7');
    input.indicators[7] = { ...input.indicators[7]!, actual: '部分达成 7', band: null, score: null, deviationReason: '市值波动' };
    const data = { input, result: scoreEvaluation(input), generatedAt: new Date('2020-05-20T02:00:00Z') };
    expect(data.result.indicators[7]!.score).toBe(7);
    const ws = (await loadWorkbook(await buildSelfEvaluationWorkbook(data))).getWorksheet(SHEET_NAME)!;
    const r = rowWith(ws, 4, input.indicators[7]!.name);
    expect([ws.getCell(r, 6).value, ws.getCell(r, 8).value]).toEqual(['部分达成', 7]);
  });

  it('a finished evaluation carries no draft mark; a half-filled one says 未完成（草稿） in the title area and the 总分 row', async () => {
    const done = renderedCells(await loadWorkbook(await buildSelfEvaluationWorkbook(demoReport()))).map((c) => c.text).join('\n');
    expect(done).not.toMatch(/草稿|未完成/);

    const wb = await loadWorkbook(await buildSelfEvaluationWorkbook(halfFilledReport()));
    const ws = wb.getWorksheet(SHEET_NAME)!;
    const titleArea = [1, 2].flatMap((r) => Array.from({ length: 9 }, (_, c) => String(ws.getCell(r, c + 1).value ?? '')));
    expect(titleArea).toContain('未完成（草稿）');
    const total = rowWith(ws, 1, '总分');
    expect(String(ws.getCell(total, 9).value)).toBe(
      '未完成（草稿）：全年执行数尚未填报，2项指标的实际完成值尚未填报，填报结果尚未全部审核确认，不评定等级',
    );
    // nothing invented: 全年执行数, its rate and score stay empty, 实际完成情况 says it was not given
    const funding = rowWith(ws, 2, '年度资金总额');
    expect([5, 7, 8].map((c) => ws.getCell(funding, c).value ?? '')).toEqual(['', '', '']);
    expect(ws.getCell(rowWith(ws, 1, '年度总体目标') + 1, 6).value).toBe('（未填写）');
  });

  it('a project whose name starts with its year prints the year once, in the sheet and the file names', async () => {
    const data = seedReport('t3');
    const files = await buildReports(data);
    const text = renderedCells(await loadWorkbook(files.xlsx.data)).map((c) => c.text).join('\n');
    expect(text).not.toMatch(/(\d{4})年度?\s*\1年/);
    for (const f of [files.xlsx, files.docx, files.explanations]) {
      expect(f.name).not.toMatch(/(\d{4})年度?\s*\1年/);
      expect(f.name.startsWith('2019年学前双语支教干部生活补助和南疆工作补贴-')).toBe(true);
    }
  });

  it('text that XML cannot carry (U+FFFE, U+FFFF, lone surrogates, C0 controls) is stripped before it reaches the file', async () => {
    const input = seed('t2');
    input.project.name = `防范\u0000和处置\ufffe非法\uffff集资\ud800专项\udc00业务\u0007经费`;
    input.indicators[0] = { ...input.indicators[0]!, name: `组织培训\u001b次数`, deviationReason: 'a\u0008b' };
    const data = { input, result: scoreEvaluation(input), generatedAt: new Date('2020-05-20T02:00:00Z') };
    const files = await buildReports(data);
    for (const f of [files.xlsx, files.explanations]) {
      const sheet = readZipEntry(f.data, 'xl/sharedStrings.xml');
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for the characters XML 1.0 forbids
      expect(sheet).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/);
      expect(sheet).toContain('防范和处置非法集资专项业务经费');
      expect((await loadWorkbook(f.data)).worksheets.length).toBe(1);
    }
    expect(files.xlsx.name).toBe('2019年度防范和处置非法集资专项业务经费-绩效自评表.xlsx');
  });
});
