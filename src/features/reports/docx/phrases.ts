import type { ScoredIndicator } from '../../../domain/scoring/result';
import { nonEmpty } from '../model';
import { formatAmount, formatScore } from '../numbers';

/** Small Chinese phrasing helpers shared by the report sections. */

export const CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → "（一）" */
export function subHeading(n: number, text: string): string {
  return `（${CHINESE_ORDINALS[n - 1] ?? String(n)}）${text}`;
}

export function wan(amount: number): string {
  return `${formatAmount(amount)}万元`;
}

export function points(score: number): string {
  return `${formatScore(score)}分`;
}

/** “年度指标值为“≥1场””: every target quoted, whatever it starts with. */
export function targetPhrase(target: string): string {
  return `年度指标值为“${nonEmpty(target) ?? ''}”`;
}

/**
 * The actual with the target's unit, as a person writes it: `1` against `≥1场` → “1场”, `85%` stays “85%”,
 * `7.71` against `≥10亿元` → “7.71亿元”. Text and values that already carry a unit are left as typed.
 */
export function actualWithUnit(row: Pick<ScoredIndicator, 'actual' | 'unit'>): string | null {
  const actual = nonEmpty(row.actual);
  if (!actual) return null;
  const unit = nonEmpty(row.unit);
  return unit && /^-?\d+(?:\.\d+)?$/.test(actual) ? `${actual}${unit}` : actual;
}

/** “一体化” 1 item: “1项”; many: “共5项”. */
export function count(n: number): string {
  return n === 1 ? '1项' : `共${n}项`;
}

/** Joins clauses with Chinese enumeration commas: a、b和c. */
export function enumerate(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('、')}和${items[items.length - 1]}`;
}

/** "“甲”指标", "“甲”和“乙”2项指标", past three "“甲”、“乙”、“丙”等5项指标". */
export function indicatorNames(list: readonly string[]): string {
  const quoted = list.map((n) => `“${n}”`);
  if (quoted.length === 1) return `${quoted[0]}指标`;
  if (quoted.length <= 3) return `${enumerate(quoted)}${quoted.length}项指标`;
  return `${quoted.slice(0, 3).join('、')}等${quoted.length}项指标`;
}

/** Reports are dated in China Standard Time whatever the server's zone. */
export { chineseDate } from '../../../platform/time';

/** Ends a sentence with a full stop unless the text already ends with punctuation. */
export function sentence(text: string): string {
  const t = text.trim();
  return /[。！？；.!?]$/.test(t) ? t : `${t}。`;
}

/** A percentage as a person says it of a ratio: 1.3333 → “133%”. */
export function wholePercent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}
