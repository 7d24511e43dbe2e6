import { describe, expect, it } from 'vitest';
import { scoredLeaves } from '../../../src/domain/department/result';
import { scoreDepartment } from '../../../src/domain/department/score-department';
import { copy, seed004 } from './seed';

const result = scoreDepartment(seed004());
const leaf = (name: string) => scoredLeaves(result.levels).find((l) => l.name === name)!;
const warning = (code: string, node?: string) => result.warnings.filter((w) => w.code === code && (node === undefined || w.node === node));

describe('seed 004: 万州区金融办 2019 部门整体支出绩效评价', () => {
  it('scores 97.00, 优, from 投入 17 + 过程 61 + 产出及效益 19', () => {
    expect(result.total).toBe(97);
    expect(result.grade).toBe('优');
    expect(result.levels.map((l) => [l.name, l.weight, l.score])).toEqual([
      ['投入', 17, 17],
      ['过程', 63, 61],
      ['产出及效益', 20, 19],
    ]);
    expect(result.totalExplanation).toBe('总分 = 投入 17 + 过程 61 + 产出及效益 19 = 97.00，等级 优');
    expect(result.complete).toBe(true);
    expect(result.inputErrors).toEqual([]);
  });

  it('computes the formula indicators from the figures and shows the formula', () => {
    expect(leaf('在职人员控制率')).toMatchObject({ kind: 'formula', score: 5, formula: { rate: 100 } });
    expect(leaf('在职人员控制率').explanation).toBe('在职人员控制率 = 在职人员数 7 ÷ 编制数 7 × 100% = 100.00%；≤100%，得满分 5 分');
    expect(leaf('重点支出安排率').explanation).toContain('重点项目支出 308 ÷ 项目总支出 308 × 100% = 100.00%；≥90% 一档，得 5 分');
    expect(leaf('预算完成率').explanation).toContain('（上年结转 0 + 年初预算 402.03 + 本年调整 0 − 年末结余 0） ÷ （上年结转 0 + 年初预算 402.03 + 本年调整 0） × 100% = 100.00%');
    expect(leaf('预算调整率')).toMatchObject({ score: 5, formula: { rate: 0 } });
    expect(leaf('公用经费控制率')).toMatchObject({ score: 5, formula: { rate: 100 } });
    expect(leaf('“三公”经费控制率')).toMatchObject({ score: 9, formula: { rate: 100 } });
    expect(leaf('固定资产利用率')).toMatchObject({ score: 3, formula: { rate: 100 } });
    // The report gives no 计划工作数 / 实际完成工作数: its own 2 is kept, and said so.
    expect(leaf('实际完成率')).toMatchObject({ kind: 'formula', score: 2, formula: { rate: null } });
  });

  it('takes judged indicators as given, with their 说明 in the explanation', () => {
    expect(leaf('资产管理安全性')).toMatchObject({ kind: 'judged', weight: 5, score: 3 });
    expect(leaf('资产管理安全性').explanation).toMatch(/^评价组评定 3 分（分值 5）：本部门的资产保存完整/);
    expect(leaf('打击非法金融活动')).toMatchObject({ kind: 'judged', weight: 8, score: 8 });
    expect(leaf('资产管理安全性').standard).toContain('评价要点共 5 项，每项 1 分');
  });

  it('flags 目标设定 labelled 6分 whose items add to 7', () => {
    expect(warning('weight-sum-mismatch')).toEqual([
      expect.objectContaining({ node: '投入/目标设定', stated: 6, computed: 7, severity: 'red' }),
    ]);
    expect(warning('weight-sum-mismatch')[0]!.message).toBe('“目标设定”标明 6 分，其下各项分值合计 7 分（绩效目标合理性 3 + 绩效指标明确性 4），得分 7 超过标明的 6 分');
  });

  it('flags 过程 reported as 63 after the deduction inside it', () => {
    expect(warning('stated-subtotal-mismatch')).toEqual([expect.objectContaining({ node: '过程', stated: 63, computed: 61 })]);
    expect(warning('stated-subtotal-mismatch')[0]!.message).toContain('资产管理安全性（5 分得 3 分），表上得分未扣除这些扣分');
  });

  it('flags the total of 99 whose items make 97', () => {
    expect(warning('stated-total-mismatch')).toEqual([expect.objectContaining({ node: '总分', stated: 99, computed: 97 })]);
    expect(warning('stated-total-mismatch')[0]!.message).toContain('表上总分是表上各一级指标得分 17 + 63 + 19 之和');
  });

  it('flags the two different 日常公用经费 figures and the 21.97 the 说明 computes with', () => {
    expect(warning('figure-conflict', '日常公用经费')).toEqual([expect.objectContaining({ stated: 16.29, computed: 38.27 })]);
    expect(warning('figure-conflict', '公用经费预算数')).toEqual([expect.objectContaining({ stated: 16.29, computed: 38.27 })]);
    expect(warning('figure-conflict', '公用经费·商品和服务支出')).toEqual([expect.objectContaining({ stated: 16.29, computed: 21.97 })]);
    expect(warning('note-figure-mismatch')).toEqual([expect.objectContaining({ node: '过程/预算管理情况/公用经费控制率', stated: 21.97, computed: 38.27 })]);
  });

  it('flags 日常公用经费 38.27 ≠ 21.97 + 16.29 as a probable rounding difference', () => {
    expect(warning('figure-sum-mismatch')).toEqual([
      expect.objectContaining({ node: '日常公用经费', stated: 38.27, computed: 38.26, severity: 'yellow' }),
    ]);
  });

  it('flags the 3 of 5 on 资产管理安全性 whose 说明 names no shortfall', () => {
    expect(warning('deduction-unexplained')).toEqual([expect.objectContaining({ node: '过程/资产管理/资产管理安全性', stated: 3 })]);
  });

  it('flags 政府采购执行率 reached 90% against 100% with no word in the scoring', () => {
    expect(warning('goal-shortfall')).toEqual([expect.objectContaining({ node: '产出目标·指标1', stated: 90, computed: 100 })]);
  });

  it('raises nothing else', () => {
    expect(result.warnings.map((w) => w.code).sort()).toEqual(
      [
        'deduction-unexplained',
        'figure-conflict',
        'figure-conflict',
        'figure-conflict',
        'figure-sum-mismatch',
        'formula-inputs-missing',
        'goal-shortfall',
        'note-figure-mismatch',
        'stated-subtotal-mismatch',
        'stated-total-mismatch',
        'weight-sum-mismatch',
      ].sort(),
    );
    expect(warning('formula-inputs-missing')).toEqual([expect.objectContaining({ node: '产出及效益/职责履行情况/实际完成率', severity: 'info' })]);
    expect(result.checks.filter((c) => c.ok).map((c) => c.id)).toEqual([
      'income-total',
      'expenditure-total',
      'basic',
      'balance',
      'three-public-budget',
      'three-public-actual',
      'fixed-assets',
      'project-items',
    ]);
  });

  it('scores the same without naming the template: the framework gives the formulas', () => {
    const input = copy(seed004());
    delete input.template;
    const plain = scoreDepartment(input);
    expect(plain.total).toBe(97);
    expect(plain.warnings.map((w) => w.code)).toEqual(result.warnings.map((w) => w.code));
  });

  it('a corrected report is clean', () => {
    const input = copy(seed004());
    const fixSeed = input.criteria!;
    fixSeed[0]!.children![0]!.weight = 7;
    fixSeed[1]!.score = 61;
    fixSeed[1]!.children![2]!.children![2]!.note = '资产账务管理基本合规，但有 2 台设备未及时登记入账，账实不完全相符。';
    input.stated = { total: 97.7, grade: '优' };
    input.statements = [];
    input.figures!.expenditure!.publicOperating = 38.26;
    input.figures!.expenditure!.basic = 94.02;
    input.figures!.expenditure!.total = 402.02;
    input.figures!.income!.total = 402.02;
    input.figures!.income!.fiscal = 402.02;
    input.figures!.expenditure!.balanceCurrent = 0;
    input.figures!.budget!.publicOperating = 38.26;
    fixSeed[1]!.children![1]!.children![0]!.note = '实际支出公用经费38.26万元，预算安排公用经费38.26万元，控制率100%。';
    input.goals = {};
    input.figures!.work = { planned: 10, completed: 9 };
    fixSeed[2]!.score = 19.7;
    fixSeed[2]!.children![0]!.children![0]!.score = 2.7;
    fixSeed[2]!.children![0]!.children![0]!.note = '计划工作 10 项，完成 9 项，有 1 项未完成。';
    const clean = scoreDepartment(input);
    expect(clean.warnings).toEqual([]);
    // 9 of 10 planned tasks: 3 × 90% = 2.70 instead of the report's own 2.
    expect(clean.total).toBe(97.7);
  });
});
