import { describe, expect, it } from 'vitest';
import { scoreBudget } from '../../../src/domain/scoring/score-budget';

describe('scoreBudget', () => {
  it('rate = 全年执行数 ÷ 全年预算数, score = weight × min(rate, 1)', () => {
    const b = scoreBudget({ fullYear: 105, executed: 57, weight: 10 });
    expect(b).toMatchObject({ ok: true, rate: 0.5429, score: 5.43, deviationRequired: true, deviationMandatory: true });
    if (b.ok) expect(b.explanation).toBe('执行率 = 全年执行数 57 ÷ 全年预算数 105 = 54.29%；得分 = 分值 10 × 54.29% = 5.43');
  });

  it('caps execution above 100 %', () => {
    expect(scoreBudget({ fullYear: 100, executed: 120 })).toMatchObject({ ok: true, score: 10, rate: 1.2, deviationRequired: false });
  });

  it('asks for a reason below 100 % and requires it below 90 %', () => {
    expect(scoreBudget({ fullYear: 100, executed: 95 })).toMatchObject({ deviationRequired: true, deviationMandatory: false });
    expect(scoreBudget({ fullYear: 100, executed: 89.99 })).toMatchObject({ deviationRequired: true, deviationMandatory: true });
  });

  it('uses the profile weight (Hubei 20)', () => {
    expect(scoreBudget({ fullYear: 66.19, executed: 53.84 }, 'hubei-2020')).toMatchObject({ weight: 20, score: 16.27 });
  });

  it('is pending until 全年执行数 is given', () => {
    expect(scoreBudget({ fullYear: 100, executed: null })).toMatchObject({ ok: true, pending: true, score: 0, rate: null });
  });

  it('scores 0 and demands a reason when the budget is 0', () => {
    expect(scoreBudget({ fullYear: 0, executed: 0 })).toMatchObject({ ok: true, score: 0, rate: null, deviationMandatory: true });
  });

  it('accepts amounts as typed and rejects text with a message', () => {
    expect(scoreBudget({ fullYear: '１０５万元', executed: '57' })).toMatchObject({ ok: true, score: 5.43 });
    const bad = scoreBudget({ fullYear: 105, executed: '五十七' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-amount' } });
    if (!bad.ok) expect(bad.error.message).toContain('全年执行数');
  });
});
