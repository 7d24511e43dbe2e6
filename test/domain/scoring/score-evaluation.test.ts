import { describe, expect, it } from 'vitest';
import type { EvaluationInput } from '../../../src/domain/evaluation';
import { gradeFor, getProfile, resolveProfile } from '../../../src/domain/scoring/profiles';
import type { ScoreResult } from '../../../src/domain/scoring/result';
import { scoreEvaluation } from '../../../src/domain/scoring/score-evaluation';
import { seed } from '../../fixtures';

const codes = (r: ScoreResult) => r.warnings.map((w) => (w.indicator === undefined ? w.code : `${w.code}@${w.indicator}`)).sort();

/**
 * The seed tables of 003_c0ead808851a3b9c.txt with their hand-checked totals and inconsistencies
 * (plus the deviation notes 财预〔2020〕10号 requires). Each list is the complete set the engine must report.
 */
const EXPECTED: Record<number, { total: number; budget: number; rate: number; warnings: string[] }> = {
  1: {
    total: 94,
    budget: 5.43,
    rate: 0.5429,
    warnings: [
      'printed-score-mismatch', // budget printed 6 vs 5.43
      'printed-rate-mismatch', // 54.30 % printed vs 54.29 %
      'printed-score-rounded@7', // 召开…培训会议 4 vs 3.57
      'printed-total-mismatch', // 95 vs 94.00
      'deviation-missing', // no reason for a 54 % execution
      'deviation-missing@1', // overshoots ≥ 130 % without reasons
      'deviation-missing@4',
      'deviation-missing@8',
      'deviation-missing@10',
      'completion-ahead-of-execution',
      'execution-low',
      'qualitative-degree-full-score@11', // 80 % read as 达成, full 30
      'qualitative-degree-full-score@12',
    ],
  },
  2: {
    total: 98.13,
    budget: 8.13,
    rate: 0.8134,
    warnings: ['printed-score-rounded', 'printed-total-rounded', 'deviation-missing', 'completion-ahead-of-execution', 'qualitative-degree-full-score@5'],
  },
  3: {
    total: 98.64,
    budget: 8.64,
    rate: 0.8641,
    warnings: [
      'printed-score-rounded',
      'printed-total-rounded',
      'duplicate-indicator@12', // 教育水平 twice
      'budget-rate-reused@8', // 预算执行率 100 % vs header 86.41 %
      'budget-rate-contradiction@8',
      'deviation-missing',
      'completion-ahead-of-execution',
      'spending-exceeds-execution', // 4.53 + 3.12 paid out of 6.61 executed
    ],
  },
  4: { total: 100, budget: 10, rate: 1, warnings: ['budget-rate-reused@5', 'deviation-missing@10', 'multi-year-target@10', 'qualitative-degree-full-score@10'] },
  5: { total: 100, budget: 10, rate: 1, warnings: ['budget-rate-reused@5', 'deviation-missing@10', 'multi-year-target@10', 'qualitative-degree-full-score@10'] },
  6: { total: 100, budget: 10, rate: 1, warnings: ['budget-rate-reused@3'] },
  7: {
    total: 96.8,
    budget: 10,
    rate: 1,
    warnings: [
      'printed-score-rounded@1',
      'printed-score-above-weight@2', // 15 on a 10-point row
      'printed-score-mismatch@2',
      'printed-score-mismatch@5', // 融资 printed 9 vs 7.71
      'printed-rows-sum-mismatch', // rows add to 103 under 98
      'printed-total-mismatch',
    ],
  },
};

describe('seed tables', () => {
  it.each(Object.entries(EXPECTED))('003-T%s', (n, want) => {
    const r = scoreEvaluation(seed(Number(n)));
    expect(r.inputErrors).toEqual([]);
    expect(r.complete).toBe(true);
    expect(r.total).toBe(want.total);
    expect(r.grade).toBe('优');
    expect(r.budget.score).toBe(want.budget);
    expect(r.budget.rate).toBe(want.rate);
    expect(codes(r)).toEqual([...want.warnings].sort());
  });

  it('T1 names the figures in its warnings', () => {
    const r = scoreEvaluation(seed(1));
    const msg = (code: string) => r.warnings.find((w) => w.code === code)!.message;
    expect(msg('printed-score-mismatch')).toContain('表上得分 6，按规则应为 5.43');
    expect(msg('printed-rate-mismatch')).toContain('54.30%');
    expect(msg('printed-total-mismatch')).toContain('94.00');
  });

  it('T7 explains the financing row and the 103 under 98', () => {
    const r = scoreEvaluation(seed(7));
    expect(r.indicators[5]!.explanation).toBe('实际 7.71 ÷ 目标 10 × 分值 10 = 7.71');
    expect(r.warnings.find((w) => w.code === 'printed-rows-sum-mismatch')!.message).toContain('103');
    expect(r.subtotals).toEqual([
      { level1: '产出指标', weight: 50, score: 49.09 },
      { level1: '效益指标', weight: 30, score: 27.71 },
      { level1: '满意度指标', weight: 10, score: 10 },
    ]);
  });

  it('T3 scores its duplicated 预算执行率 row on its own figure (98.64), not on the header rate', () => {
    const r = scoreEvaluation(seed(3));
    expect(r.indicators[8]).toMatchObject({ name: '预算执行率', score: 5 });
  });

  it('every row carries a one-line explanation', () => {
    for (let n = 1; n <= 7; n++) {
      const r = scoreEvaluation(seed(n));
      for (const row of [r.budget, ...r.indicators]) expect(row.explanation).toMatch(/^[^\n]+$/);
    }
  });
});

function small(overrides: Partial<EvaluationInput> = {}): EvaluationInput {
  return {
    project: { name: '测试项目' },
    budget: { fullYear: 100, executed: 95, weight: 10 },
    indicators: [
      { level1: '产出指标', level2: '数量指标', name: '甲', target: '≥10次', weight: 50, actual: '10' },
      { level1: '效益指标', level2: '社会效益指标', name: '乙', target: '有效提高', weight: 30, actual: null, band: '达成' },
      { level1: '满意度指标', level2: '满意度指标', name: '丙', target: '≥90%', weight: 10, actual: '85%' },
    ],
    ...overrides,
  };
}

describe('totals, 不适用 and grades', () => {
  it('sums rounded rows', () => {
    const r = scoreEvaluation(small());
    // 9.5 + 50 + 30 + 9.44
    expect(r.total).toBe(98.94);
    expect(r.totalExplanation).toContain('98.94');
  });

  it('drops 不适用 rows and rescales the rest to the full total', () => {
    const input = small();
    input.indicators[2] = { ...input.indicators[2]!, applicable: false };
    const r = scoreEvaluation(input);
    // (9.5 + 50 + 30) ÷ 90 × 100 = 99.44
    expect(r.total).toBe(99.44);
    expect(r.indicators[2]).toMatchObject({ applicable: false, score: null });
    expect(r.totalExplanation).toContain('不适用');
  });

  it('grades by the profile cut-offs', () => {
    const p = resolveProfile();
    expect([90, 89.99, 80, 79.99, 60, 59.99, 0].map((t) => gradeFor(t, p))).toEqual(['优', '良', '良', '中', '中', '差', '差']);
  });

  it('reports pending rows as incomplete without inventing a score', () => {
    const input = small();
    input.indicators[0] = { ...input.indicators[0]!, actual: null };
    const r = scoreEvaluation(input);
    expect(r.complete).toBe(false);
    expect(r.indicators[0]!.score).toBeNull();
  });

  it('collects unreadable values as input errors naming the row', () => {
    const input = small();
    input.indicators[2] = { ...input.indicators[2]!, actual: '很多' };
    const r = scoreEvaluation(input);
    expect(r.inputErrors).toHaveLength(1);
    expect(r.inputErrors![0]).toMatchObject({ indicator: 2, code: 'not-a-value' });
    expect(r.inputErrors![0]!.message).toContain('第 3 项“丙”');
  });
});

describe('weight audit', () => {
  it('warns when weights do not add up to 100 or a level-1 subtotal is off', () => {
    const input = small();
    input.indicators[0] = { ...input.indicators[0]!, weight: 45 };
    const r = scoreEvaluation(input);
    expect(codes(r)).toEqual(expect.arrayContaining(['weights-sum', 'level1-subtotal']));
  });

  it('reads level-1 names with their points in brackets', () => {
    const input = small();
    input.indicators = input.indicators.map((i) => ({ ...i, level1: `${i.level1}（${i.weight}分）` }));
    expect(codes(scoreEvaluation(input))).not.toContain('level1-subtotal');
  });

  it('takes the budget weight from the profile when the table gives none', () => {
    const input = small({ budget: { fullYear: 100, executed: 100 } });
    expect(scoreEvaluation(input).budget.weight).toBe(10);
    expect(scoreEvaluation(input, { profile: 'hubei-2020' }).budget.weight).toBe(20);
  });

  it('knows its profiles', () => {
    expect(getProfile('mof-2020')?.negativeFormula).toBe('ratio');
    expect(getProfile('pmkpi-linear')?.negativeFormula).toBe('linear');
    expect(getProfile('nope')).toBeUndefined();
    expect(() => resolveProfile('nope')).toThrow(/未知的评分规则/);
  });
});
