import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreEvaluation } from '../../../src/domain/scoring/score-evaluation';
import { applyCorrections } from '../../../src/import/tables/corrections';
import { collectionGate } from '../../../src/import/tables/gate';
import { parseFix } from '../../../src/import/tables/parse-fix';
import { readTable, readTableFile } from '../../../src/import/tables/read-table';
import type { TableReading } from '../../../src/import/tables/reading';
import { evaluationOf } from '../../../src/import/tables/to-evaluation';
import { buildAll } from '../../fixtures/tables/make-tables';

const DIR = join(import.meta.dirname, '../../fixtures/tables');

async function reading(name: string): Promise<TableReading> {
  const r = await readTableFile(new Uint8Array(readFileSync(join(DIR, name))), name);
  if (!r.ok || r.kind !== 'sheet') throw new Error(r.ok ? 'not a sheet' : r.errors.map((e) => e.message).join('\n'));
  return r.reading;
}

const indicators = (r: TableReading) => r.rows.filter((row) => row.status !== 'skipped');
const skipped = (r: TableReading) => r.rows.filter((row) => row.status === 'skipped').map((row) => [row.row, row.skip!.code]);
const fixes = (...texts: string[]) =>
  texts.flatMap((t) => {
    const p = parseFix(t);
    if (!p.ok) throw new Error(p.message);
    return p.corrections;
  });

function fixed(r: TableReading, ...texts: string[]): TableReading {
  const out = applyCorrections(r, fixes(...texts));
  if (!out.ok) throw new Error(out.message);
  return out.reading;
}

function scored(r: TableReading, profile?: string) {
  const built = evaluationOf(r);
  if (!built.ok) throw new Error(built.gate.message);
  return scoreEvaluation(built.evaluation, { profile });
}

interface Expected {
  layout: string;
  /** Indicator rows: name, target, weight (null = missing). */
  rows: [string, string, number | null][];
  skipped: [number, string][];
  /** Reading-wide flags expected, by code. */
  flags?: string[];
}

const EXPECTED: Record<string, Expected> = {
  'anhui-town-2022.xlsx': {
    layout: 'standard',
    rows: [
      ['委托测绘村庄数量', '≥40个', 8],
      ['测绘成果合格率', '≥100百分比', 8],
      ['经费支出合规性', '严格执行相关制度规定', 8],
      ['成果提交及时性', '在项目计划完成时间内完成', 8],
      ['项目总成本', '≤90万元', 8],
      ['单项业务成本', '符合相关规定', 10],
      ['对规范村庄建设的影响', '效果明显', 10],
      ['对耕地保护的影响', '效果明显', 10],
      ['对村庄规划持续实施的影响', '效果明显', 10],
      ['村民满意度', '≥90%', 10],
    ],
    skipped: [
      [22, 'level-label'],
      [24, 'total'],
    ],
    flags: ['budget-total-zero', 'budget-executed-mismatch'],
  },
  'sichuan-county-2023.xlsx': {
    layout: 'split-target',
    rows: [
      ['购置终端设备数量', '≥13台', 20],
      ['设备验收合格率', '=100%', 20],
      ['资金支付完成时间', '12月底前', 10],
      ['成本控制数', '≤3.36万元', 10],
      ['政法业务办理效率', '提高', 20],
      ['使用人员满意度', '≥90%', 10],
    ],
    skipped: [
      [20, 'total'],
      [21, 'text-box'],
      [22, 'text-box'],
      [23, 'text-box'],
      [24, 'signature'],
    ],
  },
  'sichuan-blank-2023.xlsx': {
    layout: 'split-target',
    rows: [
      ['工资发放覆盖率', '=100%', 60],
      ['社保足额缴纳率', '=100%', 30],
    ],
    skipped: [
      [17, 'total'],
      [18, 'text-box'],
      [19, 'text-box'],
      [20, 'text-box'],
      [21, 'signature'],
    ],
  },
  'hunan-special-fund-2020.xlsx': {
    layout: 'standard',
    rows: [
      ['农村公路养护里程', '≥320公里', null],
      ['养护路段优良率', '≥85%', null],
      ['路面病害处置率', '100%', null],
      ['汛期水毁修复时间', '10月前', null],
      ['每公里养护成本', '≤0.65万元', null],
      ['群众出行条件', '明显改善', null],
      ['养护长效机制', '有效', null],
      ['沿线群众满意度', '≥90%', null],
    ],
    skipped: [
      [19, 'note'],
      [20, 'note'],
    ],
  },
  'sichuan-transfer-2022.xlsx': {
    layout: 'transfer',
    rows: [
      ['新建集中供水点', '≥6处', 10],
      ['铺设供水管网', '≥3.5公里', 10],
      ['项目(工程)验收合格率', '100%', 20],
      ['及时(按期)开工率', '≥90%', 10],
      ['工程完工时间', '9月前', 10],
      ['项目计划总投资', '≤36万元', 10],
      ['受益脱贫(含监测对象)人口数', '≥800人', 10],
      ['群众饮水条件改善状况', '显著提升', 10],
      ['受益群众满意度', '≥95%', 10],
    ],
    skipped: [
      [19, 'level-label'],
      [23, 'placeholder'],
      [24, 'total'],
      [25, 'note'],
    ],
    flags: ['weights-sum'],
  },
  'hebei-school-2019.xlsx': {
    layout: 'standard',
    rows: [
      ['改造面积', '1200平方米', 10],
      ['工程完工率', '100', 10],
      ['工程验收合格率', '100', 10],
      ['项目完成及时率', '100', 10],
      ['成本控制率', '≤100%', 10],
      ['教学条件改善', '明显改善', 20],
      ['设施使用年限', '≥15年', 10],
      ['师生满意度', '95', 10],
    ],
    skipped: [
      [14, 'template-line'],
      [15, 'placeholder'],
      [18, 'placeholder'],
      [20, 'template-line'],
      [22, 'template-line'],
      [26, 'total'],
    ],
  },
  'anhui-targets-in-names-2022.xlsx': {
    layout: 'standard',
    rows: [
      ['补助发放户数', '≥350户', 10],
      ['资金拨付及时率', '100%', 10],
      ['验收合格', '验收合格', 10],
      ['资金拨付时间', '11月前', 10],
      ['户均补助标准', '≤1500元', 10],
      ['困难群众基本生活', '提高', 15],
      ['帮扶政策知晓率', '', 15],
      ['受助群众满意度', '≥90%', 10],
    ],
    skipped: [[21, 'total']],
  },
  'ningxia-no-budget-2022.xlsx': {
    layout: 'transfer',
    rows: [
      ['育苗基地面积', '≥500亩', 10],
      ['壮苗产量', '≥1000万株', 10],
      ['种苗合格率', '100%', 10],
      ['种苗供应时间', '2022年3月至5月', 5],
      ['每亩育苗成本', '≤1200元', 5],
      ['带动农户增收', '≥800元/户', 20],
      ['减少农药使用量', '不适用', 5],
      ['种植户技术水平', '有效提高', 15],
      ['种植户满意度', '≥90%', 20],
    ],
    skipped: [
      [14, 'total'],
      [15, 'signature'],
    ],
    flags: ['budget-absent'],
  },
  'hubei-filled-2020.xlsx': {
    layout: 'standard',
    rows: [
      ['退捕渔船回收数', '≥120艘', 10],
      ['转产培训人次', '≥300人次', 10],
      ['补助资金发放准确率', '100%', 10],
      ['人均培训成本', '≤800元', 10],
      ['禁捕水域秩序', '明显好转', 15],
      ['水生生物资源', '逐步恢复', 15],
      ['退捕渔民满意度', '≥90%', 10],
    ],
    skipped: [
      [16, 'total'],
      [17, 'text-box'],
      [18, 'text-box'],
      [19, 'note'],
    ],
  },
  'yunnan-filled-2020.xlsx': {
    layout: 'split-target',
    rows: [
      ['督查补助经费', '﹦126000元', 10],
      ['督查图斑核查数', '≥350个', 10],
      ['核查结果准确率', '≧95%', 20],
      ['核查完成及时率', '═100%', 20],
      ['违法用地整改率', '≥90%', 20],
      ['群众满意度', '≥90%', 10],
    ],
    skipped: [[19, 'total']],
  },
  'special-fund-in-yuan-2021.xlsx': {
    layout: 'standard',
    rows: [
      ['管网疏通长度', '≥180公里', 15],
      ['出水水质达标率', '90%-100%', 15],
      ['管网维护总成本', '≤4753.66万元', 10],
      ['汛前清淤完成时间', '5月底前', 10],
      ['城区内涝点数量', '≤5个', 15],
      ['管网运行状况', '良好', 15],
      ['市民满意度', '≥85%', 10],
    ],
    skipped: [[20, 'total']],
    flags: ['budget-in-yuan'],
  },
  'sichuan-percent-weights-2023.xlsx': {
    layout: 'split-target',
    rows: [
      ['足额保障率', '=100%', 22.5],
      ['科目调整次数', '≤10次', 22.5],
      ['按时发放率', '=100%', 22.5],
      ['结余率（计算方法为：结余数/预算数）', '≤5%', 22.5],
    ],
    skipped: [
      [10, 'placeholder'],
      [13, 'total'],
      [14, 'text-box'],
      [15, 'text-box'],
      [16, 'text-box'],
      [17, 'signature'],
      [18, 'signature'],
    ],
  },
};

describe('twelve tables in the layouts units publish', () => {
  it('the committed files match their generator', async () => {
    const built = await buildAll();
    expect(Object.keys(built).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const [name, data] of Object.entries(built)) {
      const fresh = await readTableFile(data, name);
      expect(await reading(name), name).toEqual(fresh.ok && fresh.kind === 'sheet' ? fresh.reading : null);
    }
  });

  it.each(Object.entries(EXPECTED))('%s: every indicator row with its target and weight, the other rows skipped and listed', async (name, e) => {
    const r = await reading(name);
    expect(r.layout.kind).toBe(e.layout);
    expect(indicators(r).map((row) => [row.name, row.target, row.weight])).toEqual(e.rows);
    expect(skipped(r)).toEqual(e.skipped);
    expect(r.flags.map((f) => f.code).sort()).toEqual([...(e.flags ?? [])].sort());
    // Every skipped row says why, in Chinese.
    for (const row of r.rows.filter((x) => x.status === 'skipped')) expect(row.skip!.reason).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('what the shapes need before collection, and how they score', () => {
  it('Anhui town: a 年度资金总额 of zeros blocks until the budget is corrected; then it scores 100', async () => {
    const r = await reading('anhui-town-2022.xlsx');
    const gate = collectionGate(r);
    expect(gate.ok).toBe(false);
    expect(gate.blockers).toEqual([expect.objectContaining({ where: '预算', problems: [expect.stringContaining('其中各行合计 89.974 万元')] })]);
    const ok = fixed(r, '预算 全年预算数=89.974；全年执行数=89.974');
    expect(collectionGate(ok).ok).toBe(true);
    expect(ok.flags).toEqual([]);
    expect(scored(ok)).toMatchObject({ total: 100, complete: true, inputErrors: [] });
  });

  it('Hunan: no 分值 column — every row is read and waits for its weight; with weights it scores', async () => {
    const r = await reading('hunan-special-fund-2020.xlsx');
    expect(indicators(r).every((row) => row.status === 'blocked' && row.flags[0]!.code === 'weight-missing')).toBe(true);
    // The actuals that cannot be scored are flagged on their rows, not a reason to refuse.
    expect(r.rows.find((x) => x.row === 11)!.flags.map((f) => f.code)).toEqual(['weight-missing', 'actual-unreadable']);
    expect(r.rows.find((x) => x.row === 12)!.flags.map((f) => f.code)).toEqual(['weight-missing', 'unit-mismatch']);
    expect(collectionGate(r).message).toContain('第 11 行：“农村公路养护里程”没有分值');
    const weights = [20, 10, 5, 5, 10, 20, 10, 10].map((w, i) => `第${11 + i}行 分值=${w}`);
    const ok = fixed(r, ...weights, '第11行 实际=326公里', '第12行 实际=88%');
    expect(collectionGate(ok).ok).toBe(true);
    expect(ok.flags.map((f) => f.code)).toEqual([]);
    // Without a 得分 column, a qualitative row described in words needs its band: that row stays unscored until given.
    const words = scored(ok);
    expect(words.inputErrors!.map((e) => [e.indicator, e.code])).toEqual([
      [5, 'band-required'],
      [6, 'band-required'],
    ]);
    // 198.3 / 210.5 × 10 = 9.42; every row met.
    expect(scored(fixed(ok, '第16行 实际=达成', '第17行 实际=达成'))).toMatchObject({ total: 99.42, complete: true });
  });

  it('Sichuan transfer: 110 points as published are flagged and never rescaled', async () => {
    const r = await reading('sichuan-transfer-2022.xlsx');
    expect(r.flags[0]!.message).toContain('分值合计 110');
    expect(r.level1Weights).toEqual([
      { label: '产出指标', stated: 70, sum: 70 },
      { label: '效益指标', stated: 20, sum: 20 },
      { label: '满意度指标', stated: 10, sum: 10 },
    ]);
    const s = scored(r);
    expect(s.total).toBe(110);
    expect(s.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['weights-sum', 'printed-total-mismatch']));
    expect(s.indicators.find((i) => i.name === '工程完工时间')!.explanation).toContain('目标“9月前”，实际 7月，按时完成');
  });

  it('Anhui: targets taken from names are marked ℹ; the blank one blocks until written; the late deadline scores at its printed 7', async () => {
    const r = await reading('anhui-targets-in-names-2022.xlsx');
    expect(r.rows.filter((x) => x.flags.some((f) => f.code === 'target-from-name')).map((x) => x.row)).toEqual([13, 14, 15]);
    expect(collectionGate(r).blockers.map((b) => b.row)).toEqual([19]);
    const ok = fixed(r, '第19行 目标=≥95%');
    const s = scored(ok);
    expect(s.total).toBe(95.05);
    const late = s.indicators.find((i) => i.name === '资金拨付时间')!;
    expect(late).toMatchObject({ score: 7, band: '部分达成', met: false });
    expect(late.explanation).toContain('逾期完成');
    expect(s.indicators.find((i) => i.name === '困难群众基本生活')!.explanation).toContain('按表上得分 13.5');
    expect(s.warnings.find((w) => w.code === 'printed-total-rounded')).toBeDefined();
  });

  it('Ningxia: no budget block — the budget weighs 0, the 不适用 row is dropped and the rest rescaled', async () => {
    const r = await reading('ningxia-no-budget-2022.xlsx');
    expect(r.budget.present).toBe(false);
    expect(r.rows.find((x) => x.row === 11)).toMatchObject({ applicable: false, status: 'indicator' });
    const built = evaluationOf(r);
    expect(built.ok && built.evaluation.budget).toEqual({ fullYear: 0, weight: 0, absent: true });
    const s = scored(r);
    expect(s).toMatchObject({ total: 100, complete: true });
    expect(s.budget.weight).toBe(0);
    expect(s.totalExplanation).toContain('有 1 项不适用');
  });

  it('Hebei: one-decimal printed scores are read as rounding', async () => {
    const s = scored(await reading('hebei-school-2019.xlsx'));
    expect(s.total).toBe(98.65);
    expect(s.warnings.map((w) => w.code)).not.toContain('printed-score-mismatch');
    expect(s.warnings.map((w) => w.code)).not.toContain('printed-total-mismatch');
    expect(s.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['printed-score-rounded', 'printed-total-rounded']));
  });

  it('Hubei (filled, 预算 20 分): scores exactly, qualitative rows at their printed 得分 with the band derived', async () => {
    const s = scored(await reading('hubei-filled-2020.xlsx'), 'hubei-2020');
    expect(s.total).toBe(92.02);
    expect(s.budget).toMatchObject({ weight: 20, score: 19 });
    expect(s.indicators.map((i) => i.score)).toEqual([9.83, 10, 10, 9.41, 10.5, 13.5, 9.78]);
    expect(s.indicators[4]).toMatchObject({ band: '部分达成' });
    expect(s.indicators[4]!.explanation).toContain('没有完成档次，按表上得分 10.5（分值的 70%）定为“部分达成”档');
    expect(s.warnings.filter((w) => w.severity === 'red')).toEqual([]);
  });

  it('Yunnan (filled, two-row header, 元 under a 万元 budget): scores 100 and flags the point docked from a met row', async () => {
    const s = scored(await reading('yunnan-filled-2020.xlsx'));
    expect(s.total).toBe(100);
    expect(s.indicators[0]).toMatchObject({ unit: '元', score: 10 });
    expect(s.warnings.map((w) => `${w.code}@${w.indicator ?? '-'}`)).toEqual(expect.arrayContaining(['printed-score-mismatch@2', 'printed-total-mismatch@-']));
    expect(s.warnings.map((w) => w.code)).not.toContain('spending-exceeds-execution');
  });

  it('a 专项 block in 元 with 按收入性质 / 按支出性质 lines: the 合计 is the total, converted to 万元', async () => {
    const r = await reading('special-fund-in-yuan-2021.xlsx');
    expect(r.budget).toMatchObject({ unit: '元', initial: 4500, fullYear: 4753.66, executed: 4515.977, weight: 10 });
    expect(r.budget.sources.map((s) => [s.group, s.label])).toEqual([
      ['按收入性质', '一般公共预算'],
      ['按收入性质', '纳入专户管理的非税收入'],
      ['按收入性质', '其他资金'],
      ['按支出性质', '基本支出'],
      ['按支出性质', '项目支出'],
    ]);
    expect(scored(r)).toMatchObject({ total: 99.5, budget: { rate: 0.95, score: 9.5 } });
  });

  it('Sichuan percent weights: a 22.5% 权重 is 22.5 points', async () => {
    expect(scored(await reading('sichuan-percent-weights-2023.xlsx')).total).toBe(100);
  });

  it('the one-step readTable keeps refusing what blocks collection, naming the cell, and lists the skipped rows in its notes', async () => {
    const anhui = await readTable(new Uint8Array(readFileSync(join(DIR, 'anhui-targets-in-names-2022.xlsx'))), 'a.xlsx');
    expect(anhui).toMatchObject({ ok: false, errors: [{ cell: 'E19', message: expect.stringContaining('没有年度指标值') }] });
    const sichuan = await readTable(new Uint8Array(readFileSync(join(DIR, 'sichuan-county-2023.xlsx'))), 's.xlsx');
    expect(sichuan.ok).toBe(true);
    if (sichuan.ok) {
      expect(sichuan.evaluation.indicators).toHaveLength(6);
      expect(sichuan.notes.join('\n')).toContain('跳过 5 行非指标：第 20 行（合计行）');
    }
  });
});
