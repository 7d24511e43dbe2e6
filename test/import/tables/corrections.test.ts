import { describe, expect, it } from 'vitest';
import { applyCorrection, applyCorrections, correctionSchema, describeCorrection, type Correction } from '../../../src/import/tables/corrections';
import { collectionGate } from '../../../src/import/tables/gate';
import { parseFix } from '../../../src/import/tables/parse-fix';
import { readPastedReading } from '../../../src/import/tables/read-table';
import { tableReadingSchema, type TableReading } from '../../../src/import/tables/reading';
import { evaluationOf } from '../../../src/import/tables/to-evaluation';

/** A pasted table with one of each problem: a weight that is no number, a missing weight, a blank target, a 合计 line. */
const TABLE = [
  '项目名称\t乡村道路养护',
  '全年预算数\t200\t全年执行数\t190',
  '一级指标\t二级指标\t三级指标\t年度指标值\t分值\t实际完成值',
  '产出指标\t数量指标\t养护里程\t≥120公里\t五分\t126',
  '产出指标\t质量指标\t路面优良率\t≥85%\t\t88%',
  '效益指标\t社会效益指标\t群众出行\t\t30\t达成',
  '满意度指标\t服务对象满意度指标\t群众满意度\t≥90%\t10\t92%',
  '合计\t\t\t\t100\t',
  '填报人：张某\t联系电话：0000',
].join('\n');

function read(): TableReading {
  const r = readPastedReading(TABLE);
  if (!r.ok || r.kind !== 'sheet') throw new Error('unreadable');
  return r.reading;
}

function apply(reading: TableReading, ...texts: string[]): TableReading {
  const list = texts.flatMap((t) => {
    const p = parseFix(t);
    if (!p.ok) throw new Error(p.message);
    return p.corrections;
  });
  const out = applyCorrections(reading, list);
  if (!out.ok) throw new Error(out.message);
  return out.reading;
}

describe('parseFix: the --fix syntax', () => {
  it.each([
    ['第3行 目标=≥95%', [{ kind: 'row-field', row: 3, field: 'target', value: '≥95%' }]],
    ['第 3 行 年度指标值 = ≥95%', [{ kind: 'row-field', row: 3, field: 'target', value: '≥95%' }]],
    ['3行 分值=5', [{ kind: 'row-field', row: 3, field: 'weight', value: '5' }]],
    ['第３行 权重＝20%', [{ kind: 'row-field', row: 3, field: 'weight', value: '20%' }]],
    [
      '第12行 目标=有效提高，群众满意；分值=10',
      [
        { kind: 'row-field', row: 12, field: 'target', value: '有效提高,群众满意' },
        { kind: 'row-field', row: 12, field: 'weight', value: '10' },
      ],
    ],
    [
      '第12行 名称=资金拨付及时率 目标=100%',
      [
        { kind: 'row-field', row: 12, field: 'name', value: '资金拨付及时率' },
        { kind: 'row-field', row: 12, field: 'target', value: '100%' },
      ],
    ],
    ['第5行 不适用', [{ kind: 'row-applicable', row: 5, applicable: false }]],
    ['第5行 适用', [{ kind: 'row-applicable', row: 5, applicable: true }]],
    ['第20行 非指标', [{ kind: 'row-skip', row: 20, reason: null }]],
    ['第20行 跳过 原因=重复的表头', [{ kind: 'row-skip', row: 20, reason: '重复的表头' }]],
    [
      '第20行 恢复 分值=5',
      [
        { kind: 'row-restore', row: 20 },
        { kind: 'row-field', row: 20, field: 'weight', value: '5' },
      ],
    ],
    ['第7行 责任人=李娜', [{ kind: 'row-field', row: 7, field: 'owner', value: '李娜' }]],
    [
      '预算 全年预算数=89.974；全年执行数=89.974',
      [
        { kind: 'budget', field: 'fullYear', value: '89.974' },
        { kind: 'budget', field: 'executed', value: '89.974' },
      ],
    ],
    ['预算 调整后预算数=4753.66万元', [{ kind: 'budget', field: 'fullYear', value: '4753.66万元' }]],
    ['预算 分值=0', [{ kind: 'budget', field: 'weight', value: '0' }]],
  ] as const)('%s', (text, corrections) => {
    expect(parseFix(text)).toEqual({ ok: true, corrections });
    for (const c of corrections) expect(correctionSchema.parse(c)).toEqual(c);
  });

  it.each(['', '目标=≥95%', '第0行 目标=1', '第3行', '第3行 颜色=红', '预算 目标=5', '预算 不适用', 'x'.repeat(700)])('refuses %j and shows the syntax', (text) => {
    const r = parseFix(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('--fix 的写法');
  });
});

describe('applying corrections', () => {
  it('reads the problems row by row and lets each be fixed', () => {
    const r = read();
    expect(r.rows.map((x) => [x.row, x.status])).toEqual([
      [4, 'blocked'],
      [5, 'blocked'],
      [6, 'blocked'],
      [7, 'indicator'],
      [8, 'skipped'],
      [9, 'skipped'],
    ]);
    expect(collectionGate(r).blockers.map((b) => [b.row, b.cell])).toEqual([
      [4, 'E4'],
      [5, 'E5'],
      [6, 'D6'],
    ]);
    const ok = apply(r, '第4行 分值=10', '第5行 分值=10', '第6行 目标=有效改善');
    expect(collectionGate(ok)).toEqual({ ok: true, blockers: [], message: '' });
    expect(ok.rows.find((x) => x.row === 6)).toMatchObject({ target: '有效改善', kind: 'qualitative', corrected: ['target'] });
    const built = evaluationOf(ok);
    expect(built.ok && built.evaluation.indicators.map((i) => [i.name, i.weight])).toEqual([
      ['养护里程', 10],
      ['路面优良率', 10],
      ['群众出行', 30],
      ['群众满意度', 10],
    ]);
  });

  it('never rescales weights: a sum that is not 100 is flagged, not blocked', () => {
    const ok = apply(read(), '第4行 分值=10', '第5行 分值=10', '第6行 目标=有效改善');
    expect(ok.flags.map((f) => f.code)).toEqual(['weights-sum']);
    expect(ok.flags[0]!.message).toContain('分值合计 70（三级指标 60 + 预算执行率 10）');
    expect(collectionGate(ok).ok).toBe(true);
  });

  it('keeps the strictness: a weight that is not a number stays an error, a unit clash of an actual stays flagged', () => {
    const r = apply(read(), '第4行 分值=十分', '第7行 实际=92次');
    expect(r.rows.find((x) => x.row === 4)!.flags.map((f) => [f.code, f.blocking])).toEqual([['weight-not-number', true]]);
    expect(r.rows.find((x) => x.row === 7)!.flags.map((f) => [f.code, f.blocking])).toEqual([['unit-mismatch', false]]);
  });

  it('marks a row 不适用 (it no longer blocks) and back', () => {
    const na = apply(read(), '第5行 不适用');
    expect(na.rows.find((x) => x.row === 5)).toMatchObject({ applicable: false, status: 'indicator' });
    expect(collectionGate(na).blockers.map((b) => b.row)).toEqual([4, 6]);
    expect(apply(na, '第5行 适用').rows.find((x) => x.row === 5)!.status).toBe('blocked');
  });

  it('skips a row and restores it — a skipped row of the file too, with what its cells said', () => {
    const skippedByClerk = apply(read(), '第6行 非指标');
    expect(skippedByClerk.rows.find((x) => x.row === 6)).toMatchObject({ status: 'skipped', skip: { code: 'clerk', reason: '导入人标记为非指标' } });
    expect(apply(skippedByClerk, '第6行 恢复').rows.find((x) => x.row === 6)).toMatchObject({ status: 'blocked', name: '群众出行', weight: 30 });
    const total = apply(read(), '第8行 恢复');
    expect(total.rows.find((x) => x.row === 8)).toMatchObject({ status: 'blocked', name: '', weight: 100, corrected: ['restored'] });
  });

  it('says why a correction cannot apply', () => {
    const r = read();
    const cases: [Correction, string][] = [
      [{ kind: 'row-field', row: 40, field: 'weight', value: '5' }, '第 40 行不在指标表里（指标表在第 4–9 行）'],
      [{ kind: 'row-field', row: 8, field: 'weight', value: '5' }, '第 8 行已跳过（合计行：合计 100）。如果它是指标，请先恢复：第 8 行 恢复。'],
      [{ kind: 'row-restore', row: 7 }, '第 7 行没有被跳过，不用恢复。'],
      [{ kind: 'row-field', row: 7, field: 'target', value: ' ' }, '年度指标值不能为空'],
      [{ kind: 'budget', field: 'fullYear', value: '一百' }, '全年预算数“一百”不是金额'],
    ];
    for (const [c, message] of cases) {
      const out = applyCorrection(r, c);
      expect(out.ok, describeCorrection(c)).toBe(false);
      if (!out.ok) expect(out.message).toContain(message);
    }
  });

  it('changes the budget figures; a table without a budget gets one when given its 全年预算数', () => {
    const noBudget = readPastedReading('一级指标\t二级指标\t三级指标\t年度指标值\t分值\n产出指标\t数量指标\t培训\t≥2次\t90\n');
    if (!noBudget.ok || noBudget.kind !== 'sheet') throw new Error('unreadable');
    // 90 points and no budget: both said. Given its 全年预算数, the budget line weighs the profile's 10 and the sum is 100.
    expect(noBudget.reading.flags.map((f) => f.code)).toEqual(['budget-absent', 'weights-sum']);
    const weightOnly = apply(noBudget.reading, '预算 分值=10');
    expect(weightOnly.budget.present).toBe(false);
    const withBudget = apply(noBudget.reading, '预算 全年预算数=105');
    expect(withBudget.budget).toMatchObject({ present: true, fullYear: 105, corrected: ['fullYear'] });
    expect(withBudget.flags.map((f) => f.code)).toEqual([]);
    const zero = apply(withBudget, '预算 全年预算数=0');
    expect(collectionGate(zero).blockers.map((b) => b.where)).toEqual(['预算']);
  });

  it('records every correction in order, and replaying them on the first reading gives the same reading', () => {
    const first = read();
    const texts = ['第4行 分值=10', '第6行 非指标', '第6行 恢复 目标=有效改善', '第5行 不适用', '预算 全年执行数=195', '第7行 名称=群众满意率'];
    const last = apply(first, ...texts);
    expect(last.corrections.map(describeCorrection)).toEqual([
      '第 4 行 分值改为“10”',
      '第 6 行 标记为非指标',
      '第 6 行 恢复为指标',
      '第 6 行 年度指标值改为“有效改善”',
      '第 5 行 标记为不适用',
      '预算 全年执行数改为“195”（万元）',
      '第 7 行 名称改为“群众满意率”',
    ]);
    // Stored as JSON (history, draft) and read back, the corrections replay to the same reading.
    const stored = JSON.parse(JSON.stringify(last.corrections)) as unknown[];
    const replayed = applyCorrections(first, stored.map((c) => correctionSchema.parse(c)));
    expect(replayed).toEqual({ ok: true, reading: last });
    expect(tableReadingSchema.parse(JSON.parse(JSON.stringify(last)))).toEqual(last);
    // The first reading is untouched: corrections are pure.
    expect(first.corrections).toEqual([]);
    expect(first.rows.find((x) => x.row === 4)!.weightText).toBe('五分');
  });
});
