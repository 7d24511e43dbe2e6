import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IndicatorInput } from '../../../src/domain/evaluation';
import { getProfile } from '../../../src/domain/scoring/profiles';
import { scoreIndicator, type ScoredIndicatorOk } from '../../../src/domain/scoring/score-indicator';

const row = (target: string, actual: string | number | null, weight: number | string = 10, extra: Partial<IndicatorInput> = {}): IndicatorInput => ({
  level1: '产出指标',
  level2: '数量指标',
  name: '测试指标',
  target,
  weight,
  actual,
  ...extra,
});

function scored(r: IndicatorInput, profile?: string): ScoredIndicatorOk {
  const s = scoreIndicator(r, profile);
  if (!s.ok) throw new Error(s.error.message);
  return s;
}

describe('quantitative rows', () => {
  it('positive: full marks when met, w·B/A otherwise, with the formula as explanation', () => {
    expect(scored(row('≥15000份', '16000'))).toMatchObject({ kind: 'positive', score: 10, met: true, deviationRequired: false });
    const short = scored(row('≥10亿元', '7.71'));
    expect(short).toMatchObject({ score: 7.71, met: false, deviationRequired: true });
    expect(short.explanation).toBe('实际 7.71 ÷ 目标 10 × 分值 10 = 7.71');
  });

  it('rounds each row half up to 2 dp', () => {
    expect(scored(row('≥7次', '5', 5)).score).toBe(3.57);
    // 10 × 2726/3000 = 9.0866… → 9.09
    expect(scored(row('≥3000人次', '2726')).score).toBe(9.09);
    // 0.5 × 913/1000 = 0.4565 → 0.46 (half up, where binary floats give 0.45)
    expect(scored(row('≥1000份', '913', 0.5)).score).toBe(0.46);
  });

  it('never exceeds its weight on overshoot, and asks why at 130 % of target', () => {
    const r = scored(row('≥100家', '150', 15));
    expect(r.score).toBe(15);
    expect(r.deviationRequired).toBe(true);
    expect(r.deviationWhy).toContain('150%');
    expect(scored(row('≥100家', '129', 15)).deviationRequired).toBe(false);
  });

  it('negative: A/B by default, pmkpi linear under its profile', () => {
    expect(scored(row('≤90万元', '80'))).toMatchObject({ kind: 'negative', score: 10, met: true });
    const over = scored(row('≤90万元', '100'));
    expect(over.score).toBe(9);
    expect(over.explanation).toBe('目标 90 ÷ 实际 100 × 分值 10 = 9.00');
    expect(scored(row('≤90万元', '100'), 'pmkpi-linear').score).toBe(8.89);
    expect(scored(row('≤90万元', '180'), 'pmkpi-linear').score).toBe(0);
  });

  it('equality: scored as positive, with a deviation note when B ≠ A, except a bare rate exceeded', () => {
    expect(scored(row('12次', '12'))).toMatchObject({ kind: 'equality', score: 10, deviationRequired: false });
    expect(scored(row('12次', '13'))).toMatchObject({ score: 10, deviationRequired: true });
    // `95%` with no operator is a floor as tables write 满意度 and rates: 100 % needs no reason (reports review #18)
    expect(scored(row('95%', '100%'))).toMatchObject({ score: 10, deviationRequired: false });
    expect(scored(row('=95%', '100%'))).toMatchObject({ score: 10, deviationRequired: true });
    expect(scored(row('95%', '90%'))).toMatchObject({ deviationRequired: true });
    expect(scored(row('12次', '9')).score).toBe(7.5);
    expect(scored(row('0', '0')).score).toBe(10);
    expect(scored(row('0', '1')).score).toBe(0);
  });

  it('range: full inside, proportional to the nearer bound outside', () => {
    expect(scored(row('80%-90%', '85%')).score).toBe(10);
    expect(scored(row('80%-90%', '70%')).score).toBe(8.75);
    expect(scored(row('80%-90%', '100%')).score).toBe(9);
  });

  it('clamps a negative actual to 0', () => {
    const r = scored(row('≥10次', '-3'));
    expect(r.score).toBe(0);
    expect(r.explanation).toContain('按 0 计');
  });

  it('a row without an actual is pending, not an error', () => {
    expect(scored(row('≥10次', null))).toMatchObject({ score: null, explanation: '尚未填写实际完成值' });
  });

  it('不适用 rows are not scored', () => {
    expect(scored(row('≥10次', '3', 10, { applicable: false }))).toMatchObject({ applicable: false, score: null });
  });

  it('returns typed errors for values it cannot read', () => {
    expect(scoreIndicator(row('≥10次', '很多'))).toMatchObject({ ok: false, error: { code: 'not-a-value' } });
    expect(scoreIndicator(row('≥15000份', '16000次'))).toMatchObject({ ok: false, error: { code: 'unit-mismatch' } });
    expect(scoreIndicator(row('≥10次', '3', 'abc'))).toMatchObject({ ok: false, error: { code: 'bad-weight' } });
    expect(scoreIndicator(row('', '3'))).toMatchObject({ ok: false, error: { code: 'empty-target' } });
  });
});

describe('qualitative and time rows', () => {
  it('达成 defaults to the top of the band', () => {
    expect(scored(row('有效提高', null, 10, { band: '达成' }))).toMatchObject({ kind: 'qualitative', score: 10, met: true, deviationRequired: false });
  });

  it('accepts a score inside the band and rejects one outside', () => {
    expect(scored(row('有效提高', null, 10, { band: '部分达成', score: 7 }))).toMatchObject({ score: 7, deviationRequired: true });
    expect(scoreIndicator(row('有效提高', null, 10, { band: '部分达成', score: 8 }))).toMatchObject({ ok: false, error: { code: 'score-outside-band' } });
    expect(scoreIndicator(row('有效提高', null, 10, { band: '达成', score: 7.9 }))).toMatchObject({ ok: false, error: { code: 'score-outside-band' } });
    expect(scored(row('有效提高', null, 10, { band: '达成', score: 8 })).score).toBe(8);
    expect(scored(row('有效提高', null, 10, { band: '未达成', score: 0 })).score).toBe(0);
    expect(scoreIndicator(row('有效提高', null, 10, { band: '未达成', score: 6 }))).toMatchObject({ ok: false, error: { code: 'score-outside-band' } });
  });

  it('requires an explicit score for 部分达成 and 未达成, saying the allowed interval', () => {
    const r = scoreIndicator(row('有效提高', null, 30, { band: '部分达成' }));
    expect(r).toMatchObject({ ok: false, error: { code: 'score-required' } });
    if (!r.ok) expect(r.error.message).toContain('18–24 分');
  });

  it('reads the band from the actual: a band word, or a completion degree', () => {
    expect(scored(row('有效提高', '部分达成 6.5'))).toMatchObject({ band: '部分达成', score: 6.5 });
    expect(scored(row('根据案件情况处理', '80%', 30))).toMatchObject({ band: '达成', score: 30 });
    expect(scored(row('文件批复当日下达', '100%', 5))).toMatchObject({ kind: 'time', band: '达成', score: 5 });
    expect(scoreIndicator(row('有效提高', '70%'))).toMatchObject({ ok: false, error: { code: 'score-required' } });
  });

  it('places a score given without a band in its band', () => {
    expect(scored(row('有效提高', null, 10, { score: 7 }))).toMatchObject({ band: '部分达成', score: 7, deviationRequired: true });
    expect(scored(row('有效提高', '显著提升', 10, { score: 9 }))).toMatchObject({ band: '达成', score: 9 });
  });

  it('asks for a band when the actual is only a description', () => {
    expect(scoreIndicator(row('有效提高', '显著提升'))).toMatchObject({ ok: false, error: { code: 'band-required' } });
  });

  it('uses the profile band edges (Hubei 80/50)', () => {
    expect(scored(row('有效提高', null, 10, { band: '部分达成', score: 5 }), 'hubei-2020').score).toBe(5);
    expect(scoreIndicator(row('有效提高', null, 10, { band: '部分达成', score: 5 }))).toMatchObject({ ok: false });
  });

  it('asks for a deviation note on a later-year goal that is not reached', () => {
    const r = scored(row('2020年实现100%脱贫', '98%', 5, { band: '达成', score: 5 }));
    expect(r).toMatchObject({ score: 5, deviationRequired: true });
    expect(r.deviationWhy).toContain('98%');
  });
});

describe('properties', () => {
  const weight = fc.integer({ min: 0, max: 3000 }).map((n) => n / 100);
  const amount = fc.integer({ min: -1000, max: 1_000_000 }).map((n) => n / 10);
  const positiveTarget = fc.integer({ min: 1, max: 100_000 }).map((n) => n / 10);

  it('a score always lies in [0, weight]', () => {
    fc.assert(
      fc.property(fc.constantFrom('≥', '≤', '', '>', '<'), positiveTarget, amount, weight, fc.constantFrom('mof-2020', 'pmkpi-linear'), (op, a, b, w, profile) => {
        const r = scoreIndicator(row(`${op}${a}次`, String(b), w), profile);
        expect(r.ok).toBe(true);
        if (r.ok) {
          expect(r.score).not.toBeNull();
          expect(r.score!).toBeGreaterThanOrEqual(0);
          expect(r.score!).toBeLessThanOrEqual(w);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('is monotone in the actual for positive targets and antitone for negative ones', () => {
    fc.assert(
      fc.property(positiveTarget, amount, amount, weight, fc.constantFrom('mof-2020', 'pmkpi-linear'), (a, x, y, w, profile) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        const s = (op: string, b: number) => (scoreIndicator(row(`${op}${a}`, String(b), w), profile) as ScoredIndicatorOk).score!;
        expect(s('≥', lo)).toBeLessThanOrEqual(s('≥', hi));
        expect(s('≤', lo)).toBeGreaterThanOrEqual(s('≤', hi));
      }),
      { numRuns: 1000 },
    );
  });

  it('a qualitative score inside its band is accepted, outside is rejected', () => {
    fc.assert(
      fc.property(weight.filter((w) => w > 0), fc.constantFrom('达成', '部分达成', '未达成') as fc.Arbitrary<'达成' | '部分达成' | '未达成'>, fc.integer({ min: 0, max: 1000 }), (w, band, permille) => {
        const score = Math.round(w * permille) / 1000;
        const r = scoreIndicator(row('有效提高', null, w, { band, score }));
        const p = getProfile('mof-2020')!.bands;
        const f = score / w;
        const inside = band === '达成' ? f >= p.achieved : band === '部分达成' ? f >= p.partial && f < p.achieved : f < p.partial;
        // Skip the float knife-edge at the band boundaries; the engine decides those in decimal.
        if (Math.abs(f - p.achieved) < 1e-9 || Math.abs(f - p.partial) < 1e-9) return;
        expect(r.ok).toBe(inside);
      }),
      { numRuns: 1000 },
    );
  });
});
