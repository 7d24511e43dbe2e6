import { describe, expect, it } from 'vitest';
import type { IndicatorInput } from '../../../src/domain/evaluation';
import { parseTarget } from '../../../src/domain/scoring/parse-target';
import { scoreBudget } from '../../../src/domain/scoring/score-budget';
import { scoreEvaluation } from '../../../src/domain/scoring/score-evaluation';
import { scoreIndicator, type ScoredIndicatorOk } from '../../../src/domain/scoring/score-indicator';
import { deadlineOf, monthOf, timeliness } from '../../../src/domain/scoring/time-target';

const row = (target: string, actual: string | null, extra: Partial<IndicatorInput> = {}): IndicatorInput => ({
  level1: '产出指标',
  level2: '时效指标',
  name: '项目完工时间',
  target,
  weight: 5,
  actual,
  ...extra,
});

function scored(r: IndicatorInput): ScoredIndicatorOk {
  const s = scoreIndicator(r);
  if (!s.ok) throw new Error(s.error.message);
  return s;
}

describe('时效指标 with a month deadline', () => {
  it.each(['9月前', '12月底前', '12月底之前完成', '2021年12月完成', '2019年1月至12月', '6月', '15日前'])('%s is a time target, not a count of months', (t) => {
    expect(parseTarget(t)).toMatchObject({ ok: true, kind: 'time' });
  });

  it('keeps durations and day counts numeric', () => {
    expect(parseTarget('≤5个工作日')).toMatchObject({ kind: 'negative', value: '5' });
    expect(parseTarget('12个月')).toMatchObject({ kind: 'equality', value: '12' });
  });

  it('reads the deadline month and the month done', () => {
    expect(deadlineOf('9月前')).toEqual({ year: null, month: 9, inclusive: false });
    expect(deadlineOf('12月底前')).toEqual({ year: null, month: 12, inclusive: true });
    expect(deadlineOf('2018年9月至2019年6月')).toEqual({ year: 2019, month: 6, inclusive: true });
    expect(deadlineOf('文件批复当日下达')).toBeNull();
    expect(monthOf('已于2021年7月15日完成')).toEqual({ year: 2021, month: 7 });
    expect(monthOf('2021-07-15')).toEqual({ year: 2021, month: 7 });
    expect(monthOf('按时完成')).toBeNull();
    expect(timeliness(deadlineOf('11月前')!, monthOf('12月')!)).toBe('late');
    expect(timeliness(deadlineOf('2019年1月至12月')!, monthOf('2020年1月')!)).toBe('late');
  });

  it('`9月前` met by `7月` is 达成, full marks, and says why', () => {
    const r = scored(row('9月前', '7月'));
    expect(r).toMatchObject({ band: '达成', score: 5, met: true, deviationRequired: false });
    expect(r.explanation).toBe('时效指标：目标“9月前”，实际 7月，按时完成，按“达成”档（4–5 分）得 5.00，分值 5');
  });

  it('`11月前` done in `12月` is late: never 达成, a score inside 部分达成 / 未达成 and a reason are asked for', () => {
    const r = scoreIndicator(row('11月前', '12月'));
    expect(r).toMatchObject({ ok: false, error: { code: 'score-required' } });
    if (!r.ok) expect(r.error.message).toContain('逾期完成，不能按“达成”计');
    expect(scoreIndicator(row('11月前', '12月', { band: '达成' }))).toMatchObject({ ok: false, error: { code: 'score-outside-band' } });
    expect(scoreIndicator(row('11月前', '12月', { score: 4.5 }))).toMatchObject({ ok: false, error: { code: 'score-outside-band' } });
    const partial = scored(row('11月前', '12月', { band: '部分达成', score: 3.5 }));
    expect(partial).toMatchObject({ score: 3.5, band: '部分达成', met: false, deviationRequired: true });
    expect(partial.deviationWhy).toContain('逾期完成');
  });

  it('a month exactly at a strict `M月前` deadline counts as on time and asks to confirm', () => {
    expect(scored(row('9月前', '9月')).explanation).toContain('在截止当月完成，按按时计（请确认）');
    expect(scored(row('9月底前', '9月')).explanation).toContain('按时完成');
  });
});

describe('qualitative rows of a filled table: the printed 得分 places the band when there is no band column', () => {
  const q = (actual: string, printedScore: number, weight = 10) => row('有效提高', actual, { level2: '社会效益指标', name: '群众满意', weight, printedScore });

  it.each([
    [9, '达成'],
    [8, '达成'],
    [7.9, '部分达成'],
    [6, '部分达成'],
    [5.9, '未达成'],
    [0, '未达成'],
  ] as const)('printed %s of 10 → %s, scored at the printed score', (printed, band) => {
    const r = scored(q('群众满意度明显提高', printed));
    expect(r).toMatchObject({ score: printed, band });
    expect(r.explanation).toContain(`按表上得分 ${printed}`);
    expect(r.explanation).toContain(`定为“${band}”档`);
  });

  it('a band word in the actual decides the band; a printed score inside it is kept, outside it is not', () => {
    expect(scored(q('基本完成', 7)).score).toBe(7);
    expect(scored(q('已完成', 9))).toMatchObject({ score: 9, band: '达成' });
    expect(scored(q('已完成', 5))).toMatchObject({ score: 10, band: '达成' });
  });

  it('a printed score above the weight is not used (the audit flags it)', () => {
    expect(scoreIndicator(q('群众满意度明显提高', 15))).toMatchObject({ ok: false, error: { code: 'band-required' } });
  });
});

describe('tables without a budget block, and printed scores with one decimal', () => {
  it('an absent budget weighs 0 and is not pending', () => {
    expect(scoreBudget({ fullYear: 0, weight: 0, absent: true })).toMatchObject({ ok: true, weight: 0, score: 0, pending: false });
    const r = scoreEvaluation({
      project: { name: '甲' },
      budget: { fullYear: 0, weight: 0, absent: true },
      indicators: [{ level1: '产出指标', level2: '数量指标', name: '培训', target: '≥2次', weight: 100, actual: '2' }],
    });
    expect(r).toMatchObject({ total: 100, complete: true });
    // 100 points of indicators and no budget add up: only the missing budget (and the 50/30/10 split) are flagged.
    expect(r.warnings.map((w) => w.code)).not.toContain('weights-sum');
    expect(r.warnings.find((w) => w.code === 'budget-weight')!.message).toContain('表中没有预算执行情况');
  });

  it('a printed 8.1 for a computed 8.13 is rounding, not a mismatch', () => {
    const r = scoreEvaluation({
      project: { name: '甲' },
      budget: { fullYear: 66.19, executed: 53.84, weight: 10, printedScore: 8.1 },
      indicators: [{ level1: '产出指标', level2: '数量指标', name: '培训', target: '≥2次', weight: 90, actual: '2', printedScore: 90 }],
      printedTotal: 98.1,
    });
    const codes = r.warnings.map((w) => `${w.code}:${w.severity}`);
    expect(codes).toContain('printed-score-rounded:info');
    expect(codes).toContain('printed-total-rounded:info');
    expect(r.warnings.find((w) => w.code === 'printed-score-rounded')!.message).toContain('保留一位小数');
  });
});
