import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { EvaluationInput } from '../../../src/domain/evaluation';
import { scoreEvaluation } from '../../../src/domain/scoring/score-evaluation';
import { formatTableError, readPastedTable, readTable, type ReadTableResult } from '../../../src/import/tables/read-table';
import { buildTemplateWorkbook } from '../../../src/import/tables/template';
import { buildAll, OWNERS } from '../../fixtures/seeds/make-xlsx';
import { seed, SEED_DIR } from '../../fixtures';

const bytes = (name: string) => new Uint8Array(readFileSync(join(SEED_DIR, name)));

function evaluation(r: ReadTableResult): EvaluationInput {
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.evaluation;
}

/** What must agree between two readings of one table: every figure the engine and the audit produce. */
function scoredFigures(e: EvaluationInput) {
  const r = scoreEvaluation(e);
  return {
    total: r.total,
    grade: r.grade,
    budget: { rate: r.budget.rate, score: r.budget.score },
    rows: r.indicators.map((i) => ({ name: i.name, kind: i.kind, score: i.score, band: i.band, deviationRequired: i.deviationRequired })),
    warnings: r.warnings.map((w) => `${w.code}@${w.indicator ?? '-'}`).sort(),
  };
}

const TABLE_FIELDS = (e: EvaluationInput) => ({
  project: e.project,
  budget: { ...e.budget, printedRate: String(e.budget.printedRate) },
  goals: e.goals,
  printedTotal: e.printedTotal,
  indicators: e.indicators.map((i) => ({
    level1: i.level1,
    level2: i.level2,
    name: i.name,
    target: i.target,
    weight: Number(i.weight),
    actual: i.actual == null ? null : String(i.actual),
    printedScore: i.printedScore,
    deviationReason: i.deviationReason ?? null,
  })),
});

describe('seed tables as .xlsx in the seeds’ layout (merged 一级/二级 cells)', () => {
  it.each([1, 2, 3, 4, 5, 6, 7])('003-t%i.xlsx reads to the same table and score as the JSON', async (n) => {
    const fromXlsx = evaluation(await readTable(bytes(`003-t${n}.xlsx`), `003-t${n}.xlsx`));
    const fromJson = seed(n);
    expect(TABLE_FIELDS(fromXlsx)).toEqual(TABLE_FIELDS(fromJson));
    expect(scoredFigures(fromXlsx)).toEqual(scoredFigures(fromJson));
  });

  it('003-t1.xlsx carries three 责任人 on the indicator rows; the copy without them reads the same otherwise', async () => {
    const withOwner = evaluation(await readTable(bytes('003-t1.xlsx'), '003-t1.xlsx'));
    expect(new Set(withOwner.indicators.map((i) => i.owner))).toEqual(new Set(OWNERS));
    const without = evaluation(await readTable(bytes('003-t1-no-owner.xlsx'), '003-t1-no-owner.xlsx'));
    expect(without.indicators.every((i) => i.owner == null)).toBe(true);
    expect(scoredFigures(without)).toEqual(scoredFigures(withOwner));
  });

  it('the merged cells really are merged in the committed files', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes('003-t2.xlsx') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('B14').isMerged).toBe(true);
    expect(ws.getCell('B14').master.address).toBe('B13');
    expect(ws.getCell('C14').master.address).toBe('C13');
  });

  it('the committed files match their generator', async () => {
    for (const [name, data] of Object.entries(await buildAll())) {
      const fresh = evaluation(await readTable(data, name));
      const committed = evaluation(await readTable(bytes(name), name));
      expect(committed, name).toEqual(fresh);
    }
  });
});

describe('other formats', () => {
  it('reads the JSON input format and explains schema errors by item', async () => {
    const ok = await readTable(bytes('003-t2.json'), '003-t2.json');
    expect(evaluation(ok).project.name).toBe('防范和处置非法集资专项业务经费');

    const bad = JSON.parse(readFileSync(join(SEED_DIR, '003-t2.json'), 'utf8'));
    delete bad.indicators[2].target;
    const r = await readTable(new TextEncoder().encode(JSON.stringify(bad)), 'x.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toContain('第 3 项指标的年度指标值（target）缺失');

    const broken = await readTable(new TextEncoder().encode('{"project":'), 'x.json');
    expect(broken).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining('JSON 格式错误') }] });
  });

  it('reads the T2 table pasted from the seed text (tab-separated, as copied from Excel)', () => {
    const text = readFileSync(join(SEED_DIR, '003_c0ead808851a3b9c.txt'), 'utf8');
    const tables = text.split(/\n(?=项目支出绩效自评表)/).filter((t) => t.includes('总分'));
    expect(tables).toHaveLength(7);
    const e = evaluation(readPastedTable(tables[1]!));
    expect(e.project).toMatchObject({ name: '防范和处置非法集资专项业务经费', year: 2019 });
    expect(e.budget).toMatchObject({ fullYear: 66.19, executed: 53.84, printedScore: 8, sources: { carryOver: { executed: 36.19 } } });
    expect(e.indicators).toHaveLength(7);
    expect(e.indicators[3]).toMatchObject({ level1: '产出指标', level2: '质量指标', name: '宣传覆盖率' });
    expect(scoreEvaluation(e).total).toBe(98.13);
  });

  it('reads CSV in UTF-8 and in GBK (Excel on Chinese Windows)', async () => {
    const csv = [
      '项目名称,测试项目,,,,,',
      '全年预算数,100,全年执行数,90,预算执行率分值,10',
      '一级指标,二级指标,三级指标,年度指标值,分值,责任人,实际完成值',
      '产出指标,数量指标,"宣传品数量, 含海报",≥15000份,50,张伟,"16,000"',
      '效益指标,社会效益指标,群众满意,有效提高,30,李娜,达成',
      '满意度指标,满意度指标,满意度,≥80%,10,王芳,85%',
    ].join('\r\n');
    const utf8 = evaluation(await readTable(new TextEncoder().encode(`\uFEFF${csv}`), 'a.csv'));
    expect(utf8.indicators[0]).toMatchObject({ name: '宣传品数量, 含海报', actual: '16,000', owner: '张伟' });
    expect(scoreEvaluation(utf8).total).toBe(99);

    const gbk = iconvGbk(csv);
    const fromGbk = evaluation(await readTable(gbk, 'a.csv'));
    expect(fromGbk).toEqual(utf8);
  });

  it('joins a target split into 指标性质 | 指标值 | 度量单位 (Sichuan / Yunnan tables)', () => {
    const text = [
      '项目名称\t乡村道路养护',
      '全年预算数\t200\t全年执行数\t190',
      '一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t完成值\t权重\t未完成原因分析',
      '产出指标\t数量指标\t养护里程\t≧\t120\t公里\t126\t50\t',
      '效益指标\t社会效益指标\t通行条件\t\t明显改善\t\t达成\t30\t',
      '满意度指标\t服务对象满意度指标\t群众满意度\t≧\t90\t%\t88%\t10\t部分群众反映施工期间出行不便',
    ].join('\n');
    const e = evaluation(readPastedTable(text));
    expect(e.indicators.map((i) => i.target)).toEqual(['≧120公里', '明显改善', '≧90%']);
    expect(e.indicators[2]).toMatchObject({ actual: '88%', weight: 10, deviationReason: '部分群众反映施工期间出行不便' });
    // 9.5 + 50 + 30 + 10 × 88/90
    expect(scoreEvaluation(e).total).toBe(99.28);
  });

  it('stops at a note merged across the sheet below the table', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes('003-t2.xlsx') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    ws.getCell('A20').value = null; // the 总分 row
    ws.unMergeCells('A20:F20');
    ws.getCell('G20').value = null;
    ws.getCell('H20').value = null;
    ws.mergeCells('A20:I20');
    ws.getCell('A20').value = '注：定量指标若为正向指标，得分 = 全年实际值 ÷ 年度指标值 × 分值。';
    const e = evaluation(await readTable(new Uint8Array(await wb.xlsx.writeBuffer()), 'noted.xlsx'));
    expect(e.indicators).toHaveLength(7);
    expect(e.printedTotal).toBeUndefined();
  });

  it('refuses .xls and unknown types with what to do instead', async () => {
    expect(await readTable(new Uint8Array([1]), 'a.xls')).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining('.xlsx') }] });
    expect(await readTable(new Uint8Array([1]), 'a.pdf')).toMatchObject({ ok: false });
    expect(await readTable(new Uint8Array([1, 2, 3]), 'a.xlsx')).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining('无法打开') }] });
  });
});

describe('the project template', () => {
  it('builds a workbook that reads back once filled in', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildTemplateWorkbook()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('自评表')!;
    ws.getCell('B3').value = '宣传经费';
    ws.getCell('G3').value = 2025;
    ws.getCell('B4').value = '某局';
    ws.getCell('E4').value = '某中心';
    ws.getCell('B5').value = 20;
    ws.getCell('D5').value = 20;
    [
      ['产出指标', '数量指标', '宣传品数量', '≥15000份', 50, '张伟'],
      ['效益指标', '社会效益指标', '群众防范意识', '有效提高', 30, '李娜'],
      ['满意度指标', '满意度指标', '宣传满意度', '≥80%', 10, '王芳'],
    ].forEach((values, i) => values.forEach((v, c) => (ws.getRow(8 + i).getCell(c + 1).value = v)));
    const r = await readTable(new Uint8Array(await wb.xlsx.writeBuffer()), '模板.xlsx');
    const e = evaluation(r);
    expect(e.project).toEqual({ name: '宣传经费', department: '某局', implementingUnit: '某中心', year: 2025 });
    expect(e.budget).toMatchObject({ fullYear: 20, initial: 20, executed: null, weight: 10 });
    expect(e.indicators.map((i) => [i.level1, i.name, i.target, i.weight, i.owner, i.actual])).toEqual([
      ['产出指标', '宣传品数量', '≥15000份', 50, '张伟', null],
      ['效益指标', '群众防范意识', '有效提高', 30, '李娜', null],
      ['满意度指标', '宣传满意度', '≥80%', 10, '王芳', null],
    ]);
    const scored = scoreEvaluation(e);
    expect(scored.complete).toBe(false);
    expect(scored.warnings.map((w) => w.code)).not.toContain('weights-sum');
  });

  it('reads the 截止日期 when the clerk filled it in, and leaves it out when not', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildTemplateWorkbook()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('自评表')!;
    ws.getCell('B3').value = '宣传经费';
    ws.getCell('D5').value = 20;
    [['产出指标', '数量指标', '宣传品数量', '≥15000份', 100, '张伟']].forEach((values, i) =>
      values.forEach((v, c) => (ws.getRow(8 + i).getCell(c + 1).value = v)),
    );
    const without = await readTable(new Uint8Array(await wb.xlsx.writeBuffer()), '模板.xlsx');
    expect(without).toMatchObject({ ok: true });
    expect(without.ok && without.deadline).toBeFalsy();

    ws.getCell('B6').value = new Date(Date.UTC(2026, 9, 9));
    const withDate = await readTable(new Uint8Array(await wb.xlsx.writeBuffer()), '模板.xlsx');
    expect(withDate).toMatchObject({ ok: true, deadline: '2026-10-09' });
  });

  it('names the cell of a bad value', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildTemplateWorkbook()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('自评表')!;
    ws.getCell('B3').value = '宣传经费';
    ws.getCell('D5').value = 20;
    ['产出指标', '数量指标', '宣传品数量', '≥15000份', '五分'].forEach((v, c) => (ws.getRow(8).getCell(c + 1).value = v));
    ['产出指标', '数量指标', '培训次数', '≥', 5].forEach((v, c) => (ws.getRow(9).getCell(c + 1).value = v));
    ['产出指标', '数量指标', '覆盖率', '≥80%', 5, '', '85次'].forEach((v, c) => (ws.getRow(10).getCell(c + 1).value = v));
    const r = await readTable(new Uint8Array(await wb.xlsx.writeBuffer()), 't.xlsx');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    // A weight that is not a number and an unreadable target block the rows; the unit clash of an actual is flagged on
    // its row (actuals are not imported, and `jixiao score` leaves that row unscored) but does not refuse the file.
    expect(r.errors.map((e) => e.cell)).toEqual(['E8', 'D9']);
    expect(formatTableError(r.errors[0]!)).toMatch(/^E8：“宣传品数量”的分值“五分”不是数字。请填写该指标的分值，例如：5。$/);
    const row10 = r.reading!.rows.find((row) => row.row === 10)!;
    expect(row10).toMatchObject({ status: 'indicator', flags: [{ code: 'unit-mismatch', cell: 'G10', blocking: false }] });
    expect(row10.flags[0]!.message).toContain('单位不一致');
  });

  it('refuses a sheet only when it holds no indicator table, and reads one without a budget (weight 0, said)', () => {
    expect(readPastedTable('项目名称\t甲\n一级指标\t二级指标\t三级指标\t年度指标值\t分值\n')).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringContaining('下面没有指标') }],
    });
    expect(readPastedTable('项目名称\t甲\n全年预算数\t10\n')).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining('没有找到绩效指标表') }] });
    expect(readPastedTable('just text')).toMatchObject({ ok: false });

    const noBudget = readPastedTable('项目名称\t甲\n一级指标\t二级指标\t三级指标\t年度指标值\t分值\n产出指标\t数量指标\t培训次数\t≥2次\t100\n');
    expect(noBudget).toMatchObject({ ok: true, evaluation: { budget: { absent: true, weight: 0 } } });
    expect(noBudget.ok && noBudget.notes.join('')).toContain('预算执行率按 0 分计');
  });
});

/** GBK bytes for a string, via the runtime's own GB18030 tables (TextDecoder), so the test needs no iconv. */
function iconvGbk(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else out.push(...(table.get(ch) ?? (() => { throw new Error(`no GBK for ${ch}`); })()));
  }
  return new Uint8Array(out);
}
