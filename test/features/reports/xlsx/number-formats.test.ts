import { describe, expect, it } from 'vitest';
import { scoreEvaluation } from '../../../../src/domain/scoring/score-evaluation';
import { buildReports } from '../../../../src/features/reports/build-reports';
import { formatAmount, formatScore } from '../../../../src/features/reports/numbers';
import { allReports, seed } from '../../../fixtures';
import { loadWorkbook, renderedCells, renderCell, textAt } from '../../../helpers/xlsx-cells';

const REPORTS = allReports();

describe('numbers print as a person writes them, in Excel (rendered by ssf)', () => {
  it('ssf renders the formats the review found wrong the way Excel does — the check can fail', () => {
    expect(renderCell(10, '0.##')).toBe('10.');
    expect(renderCell(0.85, '0.##%')).toBe('85.%');
    expect(renderCell(0, '0.00##;-0.00##;""')).toBe('');
  });

  it.each(REPORTS)('%s: no number on any visible sheet of either workbook prints a stray dot, and a 0 prints as 0', async (_name, data) => {
    const files = await buildReports(data);
    for (const file of [files.xlsx, files.explanations]) {
      const cells = renderedCells(await loadWorkbook(file.data)).filter((c) => typeof c.value === 'number');
      expect(cells.length).toBeGreaterThan(0);
      for (const c of cells) {
        const where = `${file.name} ${c.ref} ${String(c.value)} [${c.numFmt}] → “${c.text}”`;
        expect(c.text, where).not.toMatch(/\.(?!\d)/); // "10." or "85.%"
        expect(c.text, where).not.toBe('');
        const v = c.value as number;
        if (c.numFmt.endsWith('%')) {
          expect(c.text, where).toMatch(Number.isInteger(Math.round(v * 1e8) / 1e6) ? /^-?\d+%$/ : /^-?\d+\.\d{1,4}%$/);
        } else if (Number.isInteger(v)) {
          expect(c.text, where).toBe(String(v)); // 10, 16000, 0
        } else {
          expect(c.text, where).toMatch(/^-?\d+\.\d{1,4}$/);
          expect(Number(c.text), where).toBeCloseTo(v, 4);
        }
      }
    }
  });

  it.each(REPORTS)('%s: every score and amount on the 自评表 prints as the report prints it (96.80, 8.13, 10)', async (_name, data) => {
    const wb = await loadWorkbook((await buildReports(data)).xlsx.data);
    const cells = renderedCells(wb).filter((c) => typeof c.value === 'number');
    for (const c of cells) {
      if (c.numFmt.endsWith('%')) continue;
      const v = c.value as number;
      // amounts sit in C–E of the funding block; scores and weights everywhere else
      const funding = c.row >= 6 && c.row <= 9 && c.col >= 3 && c.col <= 5;
      if (funding) expect(c.text, c.ref).toBe(formatAmount(v));
      else if (c.col >= 6) expect([formatScore(v), String(v)], c.ref).toContain(c.text);
    }
  });

  it('seed 000 (demo): the cells the review quoted print 81.34%, 8.13, 16000, 85%, 10 and 98.13', async () => {
    const [, demo] = REPORTS[0]!;
    const wb = await loadWorkbook((await buildReports(demo)).xlsx.data);
    const s = wb.worksheets[0]!.name;
    expect(['E6', 'F6', 'G6', 'H6'].map((r) => textAt(wb, s, r))).toEqual(['53.84', '10', '81.34%', '8.13']);
    const rows = renderedCells(wb).filter((c) => c.sheet === s);
    const at = (row: number, col: number) => rows.find((c) => c.row === row && c.col === col)?.text;
    const first = rows.find((c) => c.text === '组织培训次数')!.row;
    expect([at(first, 6), at(first, 7), at(first, 8)]).toEqual(['1', '10', '10']);
    expect(at(first + 1, 6)).toBe('16000');
    expect(at(first + 3, 6)).toBe('85%');
    const total = rows.find((c) => c.text === '总分')!.row;
    expect([at(total, 7), at(total, 8)]).toEqual(['100', '98.13']);
  });

  it('003-t7: the total prints 96.80, not 96.8', async () => {
    const wb = await loadWorkbook((await buildReports(REPORTS.find(([n]) => n === '003-t7')![1])).xlsx.data);
    const rows = renderedCells(wb);
    const total = rows.find((c) => c.text === '总分')!.row;
    expect(rows.find((c) => c.row === total && c.col === 8)!.text).toBe('96.80');
  });

  it('a 全年执行数 of 0 prints 0 (not a blank cell), its rate 0% and its score 0', async () => {
    const input = seed('t6');
    input.budget.executed = 0;
    input.budget.deviationReason = '项目暂停';
    const files = await buildReports({ input, result: scoreEvaluation(input), generatedAt: new Date('2020-05-20T02:00:00Z') });
    const wb = await loadWorkbook(files.xlsx.data);
    const s = wb.worksheets[0]!.name;
    expect(['E6', 'G6', 'H6'].map((r) => textAt(wb, s, r))).toEqual(['0', '0%', '0']);
  });
});
