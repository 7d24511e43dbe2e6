import { describe, expect, it } from 'vitest';
import type { EvaluationInput } from '../../../src/domain/evaluation';
import { getProfile } from '../../../src/domain/scoring/profiles';
import { scoreEvaluation } from '../../../src/domain/scoring/score-evaluation';
import { seed } from '../../fixtures';

/** A 100-point table whose rows are all met exactly, with the given 全年执行数 of a 100 万元 budget. */
function executed(amount: number): EvaluationInput {
  return {
    project: { name: '测试项目', year: 2023 },
    budget: { fullYear: 100, executed: amount, weight: 10, deviationReason: '原因已说明' },
    indicators: [
      { level1: '产出指标', level2: '数量指标', name: '培训次数', target: '≥10次', weight: 50, actual: '10' },
      { level1: '效益指标', level2: '社会效益指标', name: '覆盖率', target: '≥80%', weight: 30, actual: '80%' },
      { level1: '满意度指标', level2: '满意度指标', name: '满意度', target: '≥90%', weight: 10, actual: '95%' },
    ],
  };
}

describe('profile yitihua (预算管理一体化 practice)', () => {
  it('is listed with its title', () => {
    expect(getProfile('yitihua')?.title).toBe('预算管理一体化平台绩效自评规则');
  });

  it.each([
    [80, 98, null],
    [79.99, 89, 'execution-cap'],
    [70, 89, 'execution-cap'],
    [69.99, 79, 'execution-cap'],
    [60, 79, 'execution-cap'],
    [59.99, 69, 'execution-cap'],
    [50, 69, 'execution-cap'],
    [49.99, 59, 'execution-cap'],
  ])('execution %s %% caps the total at %s', (amount, total, code) => {
    const r = scoreEvaluation(executed(amount), { profile: 'yitihua' });
    expect(r.total).toBe(total);
    expect(r.adjustments?.map((a) => a.code) ?? []).toEqual(code ? [code] : []);
    if (code) expect(r.totalExplanation).toContain(`总分不超过 ${total} 分`);
    // the national rules never cap
    expect(scoreEvaluation(executed(amount)).adjustments).toBeUndefined();
  });

  it('003-T1: four rows ≥ 30 % above target lose 2 points each (94 → 86), and 54.29 % execution caps the total at 69 · 中', () => {
    const national = scoreEvaluation(seed(1));
    expect([national.total, national.grade]).toEqual([94, '优']);
    const r = scoreEvaluation(seed(1), { profile: 'yitihua' });
    const deductions = r.adjustments!.filter((a) => a.code === 'overshoot-deduction');
    expect(deductions.map((a) => r.indicators[a.indicator!]!.name)).toEqual([
      '对全区非法集资工作督导检查，互联网金融行业五大领域摸排检查、督导整改',
      '贯彻落实自治区服务实体经济、防控金融风险、深化金融改革实施意见情况调研次数',
      '召开自治区处置非法集资座谈会暨业务培训交流会',
      '自治区扶贫小额信贷实施细则落实情况调研次数',
    ]);
    expect(deductions.map((a) => a.points)).toEqual([2, 2, 2, 2]);
    // a 2-point row cannot go below 0
    const twoPointRow = r.indicators.find((x) => x.name.startsWith('贯彻落实'))!;
    expect(twoPointRow.score).toBe(0);
    expect(twoPointRow.explanation).toContain('完成值为年度指标值的 200.00%');
    expect(twoPointRow.explanation).toContain('按预算管理一体化平台绩效自评规则减 2 分：2.00 − 2 = 0.00');
    expect(r.adjustments!.at(-1)).toMatchObject({ code: 'execution-cap', points: 17 });
    expect(r.totalExplanation).toContain('预算执行率 54.29% 低于 60%，按预算管理一体化平台绩效自评规则总分不超过 69 分：86.00 调整为 69.00');
    expect([r.total, r.grade]).toEqual([69, '中']);
  });

  it('keeps 003-T2 (81.34 %, no overshoot) at 98.13', () => {
    const r = scoreEvaluation(seed(2), { profile: 'yitihua' });
    expect(r.total).toBe(98.13);
    expect(r.adjustments).toBeUndefined();
  });

  it('does not cap a table whose 全年执行数 is still missing', () => {
    const input = executed(0);
    input.budget.executed = null;
    expect(scoreEvaluation(input, { profile: 'yitihua' }).adjustments).toBeUndefined();
  });
});
