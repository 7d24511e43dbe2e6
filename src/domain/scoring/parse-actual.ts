import type { Band } from '../evaluation';
import { D } from './decimal';
import { fail, type Failure } from './errors';
import { actualPlaceholder, targetUnitLabel, type ParsedTarget } from './parse-target';
import { cleanNumber, normalize, NUMBER } from './text';
import { isMoney, magnitudeFactor, splitMagnitude, unitsCompatible } from './units';

/** A numeric actual, expressed in the target's unit as written (`7.71` against `≥10亿元` means 7.71亿元). */
export interface ActualQuantity {
  ok: true;
  kind: 'quantity';
  text: string;
  value: string;
  /** `60余次`, `约60次`: a floor, not an exact count. */
  approximate: boolean;
}
/** A band picked for a qualitative or time row, optionally with the score chosen inside it (`部分达成 4.5`). */
export interface ActualBand {
  ok: true;
  kind: 'band';
  text: string;
  band: Band;
  score: string | null;
}
/** A completion degree on a qualitative row (`80%`), read as the band it falls into. */
export interface ActualDegree {
  ok: true;
  kind: 'degree';
  text: string;
  percent: string;
}
/** A description with no band or figure; the band must then be picked separately. */
export interface ActualText {
  ok: true;
  kind: 'text';
  text: string;
}
export type ParsedActual = ActualQuantity | ActualBand | ActualDegree | ActualText;

const LEADING_WORDS = /^(?:≥|≤|>|<|=|约|大约|共计|共|累计|合计|实际|完成|达到|达)+/;
const TRAILING_WORDS = /(?:左右|以上|多)$/;
const QUANTITY = new RegExp(`^(${NUMBER})(余)?([^\\d≥≤<>=\\-,.]{0,6})$`);
// Searched in the last few characters only, and only where a number starts: linear however long the text.
const TRAILING_SCORE = new RegExp(`(?<![\\d.])(${NUMBER})分?$`);
const BAND_WORDS: [RegExp, Band][] = [
  [/^(?:未达成|未完成|没有达成|未达到)/, '未达成'],
  [/^(?:部分达成|基本达成|部分完成|基本完成|部分达到|基本达到)/, '部分达成'],
  [/^(?:达成|已达成|已完成|全部完成|按时完成|完成|达到|已达到|是)/, '达成'],
];

function quantity(text: string, target: ParsedTarget): ActualQuantity | Failure {
  const hint = actualPlaceholder(target);
  let s = normalize(text);
  let approximate = /^(?:约|大约)/.test(s) || TRAILING_WORDS.test(s);
  s = s.replace(LEADING_WORDS, '').replace(TRAILING_WORDS, '');
  const m = QUANTITY.exec(s);
  if (!m) return fail('not-a-value', `“${text}”不是一个数值。请填写数字，${hint}。`);
  approximate ||= Boolean(m[2]);
  const number = new D(cleanNumber(m[1]!));
  const typed = splitMagnitude(m[3] ?? '');

  if (typed.unit && target.unit && !unitsCompatible(typed.unit, target.unit)) {
    return fail(
      'unit-mismatch',
      `单位不一致：年度指标值“${target.text}”以“${targetUnitLabel(target)}”计，您填写的是“${typed.unit}”。请按目标的单位填写，${hint}。`,
    );
  }
  if (target.unit === '%' && !typed.unit && !typed.magnitude && number.gt(0) && number.lt(1) && !number.isInteger() && new D(target.value ?? target.high ?? 1).gte(1)) {
    return fail('ambiguous-percent', `“${text}”是小数还是百分数？请填写百分数，${hint}（即 ${number.times(100).toFixed()}%）。`);
  }

  // A bare number inherits the target's unit; for money the magnitude too (tables are kept in 万元).
  const bare = !typed.unit && !typed.magnitude;
  // Against `≥4.5万人`, a bare `4.6` may mean 4.6万 or 4.6 people: ask rather than guess.
  if (bare && target.magnitude && !isMoney(target.unit) && !number.isZero() && number.abs().lt(magnitudeFactor(target.magnitude))) {
    const label = targetUnitLabel(target);
    return fail(
      'ambiguous-magnitude',
      `“${text}”是 ${number.toFixed()}${label} 还是 ${number.toFixed()}${target.unit ?? ''}？请写明，例如：${number.toFixed()}${target.magnitude} 或 ${number.times(magnitudeFactor(target.magnitude)).toFixed()}。`,
    );
  }
  const typedFactor = bare && isMoney(target.unit) ? magnitudeFactor(target.magnitude) : magnitudeFactor(typed.magnitude);
  const value = number.times(typedFactor).div(magnitudeFactor(target.magnitude));
  return { ok: true, kind: 'quantity', text, value: value.toFixed(), approximate };
}

function qualitative(text: string): ParsedActual {
  const s = normalize(text);
  for (const [re, band] of BAND_WORDS) {
    const m = re.exec(s);
    if (m) {
      const score = TRAILING_SCORE.exec(s.slice(m[0].length).slice(-24));
      return { ok: true, kind: 'band', text, band, score: score ? cleanNumber(score[1]!) : null };
    }
  }
  const degree = new RegExp(`^(?:完成|达到|达成率|完成率)?(${NUMBER})%?$`).exec(s);
  if (degree) return { ok: true, kind: 'degree', text, percent: cleanNumber(degree[1]!) };
  return { ok: true, kind: 'text', text };
}

/**
 * Parses a 实际完成值 against its target. Never throws: text that is not a value, or a unit that conflicts
 * with the target's, is a typed error whose message shows what to type in the target's unit.
 */
export function parseActual(input: string | number | null | undefined, target: ParsedTarget): ParsedActual | Failure {
  const text = input == null ? '' : String(input).trim();
  if (!text) return fail('empty-actual', `请填写实际完成值，${actualPlaceholder(target)}。`);
  if (target.kind === 'qualitative' || target.kind === 'time') return qualitative(text);
  return quantity(text, target);
}
