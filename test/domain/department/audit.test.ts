import { describe, expect, it } from 'vitest';
import type { DepartmentEvaluation } from '../../../src/domain/department/evaluation';
import { goalShortfalls, namedRates } from '../../../src/domain/department/goals';
import { scoreDepartment } from '../../../src/domain/department/score-department';
import { admittedShortfall, quotedAmounts } from '../../../src/domain/department/shortfall';
import { copy, seed004 } from './seed';

const codes = (r: ReturnType<typeof scoreDepartment>) => r.warnings.map((w) => w.code);

function small(leaves: DepartmentEvaluation['criteria'], extra: Partial<DepartmentEvaluation> = {}): DepartmentEvaluation {
  return { unit: { name: '某局' }, criteria: [{ name: '产出', children: leaves }], ...extra };
}

describe('audit of judged indicators', () => {
  it('full marks whose 说明 admits a shortfall: 实际完成率 3/3 with 有少量指标未达到100%', () => {
    const input = copy(seed004());
    const row = input.criteria![2]!.children![0]!.children![0]!;
    row.score = 3;
    const r = scoreDepartment(input);
    const w = r.warnings.find((x) => x.code === 'full-score-shortfall')!;
    expect(w).toMatchObject({ node: '产出及效益/职责履行情况/实际完成率', severity: 'red', stated: 3 });
    expect(w.message).toContain('得满分 3 分，但评分说明写有“');
    expect(w.message).toContain('未达到100%');
    expect(r.total).toBe(98);
  });

  it('below full marks without a 说明 is red, with one that names no shortfall yellow', () => {
    const r = scoreDepartment(
      small([
        { name: '管理制度健全性', weight: 50, score: 40 },
        { name: '资金使用合规性', weight: 50, score: 45, note: '支出符合财经法规，审批手续完整。' },
      ]),
    );
    expect(r.warnings.map((w) => [w.code, w.severity, w.node])).toEqual([
      ['note-required', 'red', '产出/管理制度健全性'],
      ['deduction-unexplained', 'yellow', '产出/资金使用合规性'],
    ]);
  });

  it('a score above the 分值 counts as the 分值 and is flagged (the seeds’ 15 on a 10-point row)', () => {
    const r = scoreDepartment(small([{ name: '打击非法金融活动', weight: 10, score: 15, note: '完成' }, { name: '其他', weight: 90, score: 90, note: '完成' }]));
    expect(r.total).toBe(100);
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'score-above-weight', stated: 15, computed: 10 })]);
    expect(r.levels[0]!.children[0]!.explanation).toBe('评价组评定 10 分（分值 10），表上 15 分超出范围，按 10 分计：完成');
  });

  it('an unscored judged indicator waits and the evaluation is incomplete', () => {
    const r = scoreDepartment(small([{ name: '社会效益', weight: 100 }]));
    expect(r.complete).toBe(false);
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'score-missing', node: '产出/社会效益' })]);
    expect(r.levels[0]!.children[0]!.standard).toContain('达成年度指标的，计分值的 80%–100%');
  });
});

describe('audit of formula indicators', () => {
  it('a printed score that differs from the formula', () => {
    const r = scoreDepartment(
      small([{ name: '在职人员控制率', weight: 100, score: 100 }], { figures: { staff: { authorized: 10, actual: 12 } } }),
    );
    expect(r.total).toBe(0);
    const w = r.warnings.find((x) => x.code === 'formula-score-mismatch')!;
    expect(w).toMatchObject({ stated: 100, computed: 0 });
    expect(w.message).toContain('在职人员控制率 = 在职人员数 12 ÷ 编制数 10 × 100% = 120.00%');
  });

  it('a formula the row itself asks for, with the unit’s own rule', () => {
    const r = scoreDepartment(
      small([{ name: '采购执行', weight: 100, formula: 'procurementExecution', rule: { kind: 'ceiling', limit: 100, step: 1, deduct: 1, per: 100 } }], {
        figures: { procurement: { budget: 100, actual: 103 } },
      }),
    );
    expect(r.total).toBe(97);
  });

  it('`judged: true` overrides the framework formula', () => {
    const r = scoreDepartment(small([{ name: '实际完成率', weight: 100, score: 90, judged: true, note: '有 1 项工作未完成' }]));
    expect(r.levels[0]!.children[0]!.kind).toBe('judged');
    expect(r.warnings).toEqual([]);
  });
});

describe('audit of the whole report', () => {
  it('weights that do not add up to 100 and a grade that does not match the total', () => {
    const r = scoreDepartment(small([{ name: '社会效益', weight: 90, score: 85, note: '部分目标未达成' }], { stated: { total: 85, grade: '良' } }));
    expect(r.grade).toBe('良');
    expect(codes(r)).toEqual(['weights-total']);
    const r2 = scoreDepartment(small([{ name: '社会效益', weight: 100, score: 85, note: '部分目标未达成' }], { stated: { grade: '优' } }));
    expect(r2.warnings).toEqual([expect.objectContaining({ code: 'stated-grade-mismatch', message: '表上评价等次“优”，按总分 85.00 应为“良”' })]);
  });

  it('grades at the 90 / 80 / 60 cut-offs', () => {
    const grade = (score: number) => scoreDepartment(small([{ name: '社会效益', weight: 100, score, note: '未全部达成' }])).grade;
    expect([grade(100), grade(90), grade(89.99), grade(80), grade(60), grade(59.99)]).toEqual(['优', '优', '良', '良', '中', '差']);
  });

  it('input that cannot be read is reported by node, not thrown', () => {
    const r = scoreDepartment({
      unit: { name: '某局' },
      template: 'nowhere',
      figures: { staff: { authorized: '七', actual: 7 } },
      statements: [{ account: 'staff.total', value: 1, where: '表1' }],
      criteria: [{ name: '投入', children: [{ name: '在职人员控制率', score: 5 }, { name: '绩效目标合理性', weight: '三分', score: 3 }] }],
    });
    expect(r.inputErrors.map((e) => e.message)).toEqual([
      '没有名为“nowhere”的指标体系模板。可用：mof-2013、cq-wanzhou-2019。',
      '人员编制“七”不是数字。请填写数字（单位：人），例如：7。',
      '“staff.total”不是已知的科目。科目名称见 README“部门整体 JSON”一节。',
      '“在职人员控制率”缺少分值。请填写该指标的分值，例如：5。',
      '“绩效目标合理性”的分值“三分”不是数字。请填写数字，例如：5。',
    ]);
    expect(r.complete).toBe(false);
  });

  it('reads weights written into the labels', () => {
    const r = scoreDepartment({
      unit: { name: '某局' },
      criteria: [{ name: '投入（100分）', children: [{ name: '目标设定（60分）', children: [{ name: '绩效目标合理性（100分）', score: 100, note: '符合' }] }] }],
    });
    expect(r.levels[0]).toMatchObject({ name: '投入', statedWeight: 100, weight: 100 });
    expect(codes(r)).toEqual(['weight-sum-mismatch']);
  });
});

describe('reading a 说明', () => {
  it.each([
    ['完成区委区政府2019年度绩效考核，但有少量指标未达到100%。', true],
    ['已完成，担有少量指标未达到100%。', true],
    ['资产账务管理基本合规，但有 2 台设备未及时入账。', true],
    ['预算信息已按要求公开（对于按保密规定不作公开部分不予公开）。', false],
    ['资金使用无截留、挤占、挪用、虚列支出等情况。', false],
    ['非法集资案件化解率达45%。', false],
    ['相关制度不健全，扣1分。', true],
  ])('%s → shortfall %s', (text, expected) => {
    expect(admittedShortfall(text) != null).toBe(expected);
  });

  it('quotes the amounts a 说明 uses', () => {
    expect(quotedAmounts('实际公用经费支出为21.97万元，预算安排公用经费为21.97万元，在职7人').map((a) => `${a.value.toFixed()}${a.unit}`)).toEqual(['21.97万元', '21.97万元', '7人']);
  });

  it('reads named rates in 定量目标 and finds the ones reached below target', () => {
    expect([...namedRates('重点工作完成率100%、政府采购执行率90%。')].map(([k, v]) => `${k}=${v.toFixed()}`)).toEqual(['重点工作完成率=100', '政府采购执行率=90']);
    expect(goalShortfalls([{ name: '指标1', target: '投标招标备案率实现100%。', actual: '已完成' }])).toEqual([]);
  });
});
