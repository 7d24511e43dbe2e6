/**
 * Reading the numbers people typed (amounts, actual values) and writing them back the way a 自评表 prints
 * them. The engine owns scoring; these helpers only serve presentation, so they never round a score
 * (scores arrive already rounded ROUND_HALF_UP to 2 dp).
 */

type NumberLike = string | number | null | undefined;

/** An amount in 万元 as typed ("66.19", "1,200", " 30 ") or null when blank or a dash. */
export function parseAmount(value: NumberLike): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = value.replace(/[,，\s]/g, '').replace(/万元$/, '');
  if (text === '' || /^[-—–/]+$/.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/**
 * A 实际完成值 that is a plain number or percentage ("16000", "85%", "7.71") as a spreadsheet value;
 * null for text ("有效提高", "2019年12月") which stays text.
 */
export function parseNumericActual(actual: string | null): { value: number; percent: boolean } | null {
  if (actual === null) return null;
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*([%％])?\s*$/.exec(actual);
  if (!m) return null;
  const n = Number(m[1]);
  return m[2] ? { value: round(n / 100, 6), percent: true } : { value: n, percent: false };
}

/** 98.13 → "98.13", 10 → "10", 3.5 → "3.5": how the tables print scores and amounts. */
export function formatNumber(n: number): string {
  return String(round(n, 2));
}

/** 0.8134 → "81.34%". */
export function formatRate(rate: number): string {
  return `${(round(rate * 100, 2)).toFixed(2)}%`;
}

/** Decimal rounding to `dp` places without binary drift (0.8134*100 = 81.34, not 81.34000000000001). */
export function round(n: number, dp: number): number {
  if (!Number.isFinite(n) || String(n).includes('e')) return Math.round(n * 10 ** dp) / 10 ** dp;
  return Number(Math.round(Number(`${n}e${dp}`)) + `e-${dp}`);
}
