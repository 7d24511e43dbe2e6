import type { Band, IndicatorInput } from '../evaluation';
import { clamp, D, fixed2, plain, round, type Dec } from './decimal';
import { fail, type Failure } from './errors';
import { isBlank, readNumber } from './numbers-in';
import { parseActual, type ParsedActual } from './parse-actual';
import { deadlineOf, monthOf, monthText, timeliness } from './time-target';
import { parseTarget, targetUnitLabel, type ParsedTarget } from './parse-target';
import { resolveProfile, type RuleProfile } from './profiles';
import type { ScoredIndicator } from './result';

export type ScoredIndicatorOk = ScoredIndicator & { ok: true };

/** The score interval of a band for a row of weight w: [low, high], `highOpen` when high itself is excluded. */
export function bandRange(band: Band, weight: Dec, profile: RuleProfile): { low: Dec; high: Dec; highOpen: boolean } {
  const a = weight.times(profile.bands.achieved);
  const p = weight.times(profile.bands.partial);
  if (band === '达成') return { low: a, high: weight, highOpen: false };
  if (band === '部分达成') return { low: p, high: a, highOpen: true };
  return { low: new D(0), high: p, highOpen: true };
}

function describeRange(band: Band, weight: Dec, profile: RuleProfile): string {
  const r = bandRange(band, weight, profile);
  return `${plain(round(r.low))}–${plain(round(r.high))} 分${r.highOpen ? `（不含 ${plain(round(r.high))}）` : ''}`;
}

function bandOfDegree(percent: Dec, profile: RuleProfile): Band {
  if (percent.gte(profile.bands.achieved * 100)) return '达成';
  if (percent.gte(profile.bands.partial * 100)) return '部分达成';
  return '未达成';
}

export function parseWeight(input: IndicatorInput['weight'] | null | undefined): Dec | Failure {
  const w = readNumber(input);
  if (!w || w.isNegative()) {
    return fail('bad-weight', `分值“${input ?? ''}”不是有效数字。请填写该指标的分值，例如：5。`);
  }
  return w;
}

interface Common {
  row: IndicatorInput;
  target: ParsedTarget;
  weight: Dec;
}

function skeleton({ row, target, weight }: Common): ScoredIndicatorOk {
  return {
    ok: true,
    level1: row.level1,
    level2: row.level2,
    name: row.name,
    target: row.target,
    kind: target.kind,
    weight: weight.toNumber(),
    actual: isBlank(row.actual) ? null : String(row.actual).trim(),
    applicable: row.applicable !== false,
    score: null,
    met: null,
    explanation: '',
    deviationRequired: false,
    deviationWhy: null,
    deviationReason: row.deviationReason?.trim() || null,
    band: null,
    targetValue: target.value != null ? Number(target.value) : null,
    actualValue: null,
    unit: targetUnitLabel(target) || null,
    printedScore: readNumber(row.printedScore ?? null)?.toNumber() ?? null,
    owner: row.owner?.trim() || null,
  };
}

function deviation(result: ScoredIndicatorOk, reasons: string[]): ScoredIndicatorOk {
  return { ...result, deviationRequired: reasons.length > 0, deviationWhy: reasons.length ? reasons.join('；') : null };
}

function inside(s: Dec, band: Band, w: Dec, profile: RuleProfile): boolean {
  const range = bandRange(band, w, profile);
  return s.gte(range.low) && (range.highOpen ? s.lt(range.high) : s.lte(range.high));
}

/** A month actual against a month deadline (`9月前` met by `7月`); null when either side names no month. */
function monthCheck(c: Common, actual: ParsedActual | null): { late: boolean; note: string } | null {
  if (c.target.kind !== 'time' || !actual || actual.kind !== 'text') return null;
  const deadline = deadlineOf(c.target.text);
  const done = monthOf(actual.text);
  if (!deadline || !done) return null;
  const when = timeliness(deadline, done);
  const said = `目标“${c.target.text}”，实际 ${monthText(done)}`;
  if (when === 'late') return { late: true, note: `${said}，逾期完成` };
  if (when === 'deadline-month') return { late: false, note: `${said}，在截止当月完成，按按时计（请确认），` };
  return { late: false, note: `${said}，按时完成，` };
}

function scoreQualitative(c: Common, profile: RuleProfile): ScoredIndicatorOk | Failure {
  const out = skeleton(c);
  const w = c.weight;
  const actual = isBlank(c.row.actual) ? null : parseActual(c.row.actual, c.target);
  if (actual && !actual.ok) return actual;
  const ranges = `达成（${describeRange('达成', w, profile)}）、部分达成（${describeRange('部分达成', w, profile)}）或未达成（${describeRange('未达成', w, profile)}）`;

  let band: Band | null = c.row.band ?? null;
  let how = '';
  let degree: Dec | null = null;
  if (actual?.kind === 'degree') degree = new D(actual.percent);
  if (!band && actual?.kind === 'band') band = actual.band;
  if (!band && degree) {
    band = bandOfDegree(degree, profile);
    how = `完成程度 ${plain(degree)}% 属于“${band}”档，`;
  }
  // 时效指标 with a month on both sides: on time is 达成; late can be at most 部分达成 (财预〔2020〕10号 three bands).
  const timing = monthCheck(c, actual);
  if (timing && !timing.late && !band) band = '达成';
  if (timing) how = timing.late ? `${timing.note}，不能按“达成”计；` : timing.note;
  const explicitScore = isBlank(c.row.score) ? null : readNumber(c.row.score ?? null);
  if (!band && explicitScore && !explicitScore.isNegative() && explicitScore.lte(w) && w.gt(0)) {
    // Only a score was given: it places itself in a band.
    band = bandOfDegree(explicitScore.div(w).times(100), profile);
    how += `得分 ${plain(explicitScore)} 属于“${band}”档，`;
  }
  if (timing?.late && band === '达成') {
    return fail('score-outside-band', `“${c.row.name}”${timing.note}，不能按“达成”计。请选择部分达成（${describeRange('部分达成', w, profile)}）或未达成（${describeRange('未达成', w, profile)}）并填写得分。`);
  }
  // A filled table prints its 得分 but has no band column: the printed score places the row in its band.
  const printed = readNumber(c.row.printedScore ?? null);
  const usablePrinted = printed && !printed.isNegative() && printed.lte(w) && w.gt(0) ? printed : null;
  if (!band && usablePrinted && !(timing?.late && usablePrinted.gte(w.times(profile.bands.achieved)))) {
    band = bandOfDegree(usablePrinted.div(w).times(100), profile);
    how += `没有完成档次，按表上得分 ${plain(usablePrinted)}（分值的 ${plain(round(usablePrinted.div(w).times(100), 2))}%）定为“${band}”档，`;
  }
  if (!band) {
    if (!actual) return { ...out, explanation: '尚未填写完成情况' };
    if (timing?.late) {
      return fail('score-required', `“${c.row.name}”${timing.note}，不能按“达成”计。请选择部分达成（${describeRange('部分达成', w, profile)}）或未达成（${describeRange('未达成', w, profile)}）并填写得分。`);
    }
    return fail('band-required', `请为“${c.row.name}”选择完成档次：${ranges}。`);
  }

  let chosen: string | number | null | undefined = !isBlank(c.row.score) ? c.row.score : actual?.kind === 'band' ? actual.score : null;
  if ((chosen == null || isBlank(chosen)) && usablePrinted && inside(usablePrinted, band, w, profile)) {
    chosen = usablePrinted.toFixed();
    if (!how.includes('表上得分') && !(band === '达成' && usablePrinted.eq(w))) how += `按表上得分 ${plain(usablePrinted)}，`;
  }
  let score: Dec;
  if (chosen != null && !isBlank(chosen)) {
    const s = readNumber(chosen);
    if (!s) return fail('bad-score', `得分“${chosen}”不是数字。请填写“${band}”档内的分数：${describeRange(band, w, profile)}。`);
    if (!inside(s, band, w, profile)) {
      return fail(
        'score-outside-band',
        `得分 ${plain(s)} 不在“${band}”档（${describeRange(band, w, profile)}）内。请填写该档内的分数，或改选档次。`,
      );
    }
    score = round(s);
  } else if (band === '达成') {
    score = w;
  } else {
    return fail('score-required', `“${band}”档需要填写得分：${describeRange(band, w, profile)}，并说明偏差原因。`);
  }

  const kindWord = c.target.kind === 'time' ? '时效指标' : '定性指标';
  const reasons: string[] = [];
  if (timing?.late) reasons.push(timing.note);
  if (band !== '达成') reasons.push(`未完全达成年度指标（${band}）`);
  else if (score.lt(w)) reasons.push('得分低于分值');
  if (c.target.multiYear && c.target.embedded && degree?.lt(c.target.embedded.value)) {
    reasons.push(`目标“${c.target.text}”含 ${c.target.embedded.value}${c.target.embedded.unit ?? ''}，本年实际 ${plain(degree)}%，请说明差距`);
  }
  return deviation(
    {
      ...out,
      band,
      met: band === '达成',
      score: score.toNumber(),
      actualValue: degree ? degree.toNumber() : null,
      explanation: `${kindWord}：${how}按“${band}”档（${describeRange(band, w, profile)}）得 ${fixed2(score)}，分值 ${plain(w)}`,
    },
    reasons,
  );
}

function ratioLine(numLabel: string, num: Dec, denLabel: string, den: Dec, w: Dec, result: Dec): string {
  return `${numLabel} ${plain(num)} ÷ ${denLabel} ${plain(den)} × 分值 ${plain(w)} = ${fixed2(result)}`;
}

function scoreQuantitative(c: Common, profile: RuleProfile): ScoredIndicatorOk | Failure {
  const out = skeleton(c);
  const { target: t, weight: w } = c;
  if (isBlank(c.row.actual)) return { ...out, explanation: '尚未填写实际完成值' };
  const actual = parseActual(c.row.actual, t);
  if (!actual.ok) return actual;
  if (actual.kind !== 'quantity') return fail('not-a-value', `“${c.row.actual}”不是一个数值。`);

  const typed = new D(actual.value);
  const b = D.max(typed, 0);
  const u = targetUnitLabel(t);
  const notes: string[] = [];
  if (typed.isNegative()) notes.push('实际为负数，按 0 计');
  if (actual.approximate) notes.push(`约数，按 ${plain(b)} 计`);

  let raw: Dec;
  let met: boolean;
  let line: string;
  const reasons: string[] = [];

  if (t.kind === 'range') {
    const low = new D(t.low!);
    const high = new D(t.high!);
    met = b.gte(low) && b.lte(high);
    if (met) {
      raw = w;
      line = `实际 ${plain(b)}${u} 在 ${plain(low)}–${plain(high)}${u} 之内，得满分 ${plain(w)}`;
    } else if (b.lt(low)) {
      raw = low.isZero() ? w : w.times(b).div(low);
      line = ratioLine('实际', b, '下限', low, w, round(raw));
    } else {
      raw = w.times(high).div(b);
      line = ratioLine('上限', high, '实际', b, w, round(raw));
    }
  } else {
    const a = new D(t.value!);
    if (t.kind === 'negative') {
      met = b.lte(a);
      if (met) {
        raw = w;
        line = `实际 ${plain(b)}${u} ${b.eq(a) ? '=' : '<'} 目标 ${plain(a)}${u}，得满分 ${plain(w)}`;
        if (t.operator === '<' && b.eq(a)) notes.push('目标为“<”，实际恰好等于目标，按达标计，请确认');
      } else if (profile.negativeFormula === 'linear') {
        raw = a.isZero() ? new D(0) : w.times(D.max(0, new D(1).minus(b.minus(a).div(a))));
        line = `分值 ${plain(w)} × (1 − (实际 ${plain(b)} − 目标 ${plain(a)}) ÷ 目标 ${plain(a)}) = ${fixed2(round(raw))}`;
      } else {
        raw = w.times(a).div(b);
        line = ratioLine('目标', a, '实际', b, w, round(raw));
      }
    } else {
      // Positive, and equality scored as positive (pmkpi `selfequalindex`); a zero target is met only by zero.
      const zeroEquality = t.kind === 'equality' && a.isZero();
      met = zeroEquality ? b.lte(0) : b.gte(a);
      if (met) {
        raw = w;
        line = `实际 ${plain(b)}${u} ${b.eq(a) ? '=' : b.gt(a) ? '>' : '<'} 目标 ${plain(a)}${u}，得满分 ${plain(w)}`;
        if (t.operator === '>' && b.eq(a)) notes.push('目标为“>”，实际恰好等于目标，按达标计，请确认');
      } else if (zeroEquality) {
        raw = new D(0);
        line = `目标为 0，实际 ${plain(b)}${u}，得 0`;
      } else {
        raw = a.isZero() ? w : w.times(b).div(a);
        line = ratioLine('实际', b, '目标', a, w, round(raw));
      }
      if (t.kind === 'positive' && a.gt(0) && b.gte(a.times(profile.overshootRatio))) {
        reasons.push(`实际为目标的 ${plain(round(b.div(a).times(100), 0))}%，超出 ${plain(round(new D(profile.overshootRatio).minus(1).times(100), 0))}% 以上，请说明原因（目标是否偏低）`);
      }
      // A bare percentage (`95%`, no operator written) is how tables state a floor for rates and 满意度: going above
      // it is no deviation a reviewer asks about (reports review, defect 18). Below it, or any other bare value
      // missed either way, still needs a reason.
      const bareRateExceeded = t.operator == null && t.unit === '%' && b.gt(a);
      if (t.kind === 'equality' && !b.eq(a) && !bareRateExceeded) reasons.push(`实际 ${plain(b)}${u} 与目标 ${plain(a)}${u} 不一致`);
    }
  }

  const score = clamp(round(raw), new D(0), w);
  if (score.lt(w)) reasons.unshift('得分低于分值');
  return deviation(
    {
      ...out,
      met,
      score: score.toNumber(),
      actualValue: typed.toNumber(),
      explanation: notes.length ? `${line}（${notes.join('；')}）` : line,
    },
    reasons,
  );
}

/**
 * Scores one indicator row. Used for whole tables and live by the owner's card after each submit: a value the
 * engine cannot read comes back as `{ ok: false, error }` with a Chinese message saying what to type; a row
 * without an actual yet comes back scored `null`.
 */
export function scoreIndicator(row: IndicatorInput, profile?: string | RuleProfile): ScoredIndicatorOk | Failure {
  const p = resolveProfile(profile);
  const weight = parseWeight(row.weight);
  if ('ok' in weight) return weight;
  const target = parseTarget(row.target);
  if (!target.ok) return target;
  const c: Common = { row, target, weight };
  if (row.applicable === false) {
    return { ...skeleton(c), applicable: false, explanation: '不适用，不计分；总分按适用指标折算为百分制' };
  }
  if (target.kind === 'qualitative' || target.kind === 'time') return scoreQualitative(c, p);
  return scoreQuantitative(c, p);
}
