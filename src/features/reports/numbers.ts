/**
 * Reading the numbers people typed (amounts, actual values) and writing them back the way a person writes them
 * in a 自评表: whole numbers without a dot (`10`, `16000`), two decimals where there are decimals (`96.80`,
 * `8.13`), rates as `81.34%`. The engine owns scoring; these helpers only serve presentation, so they never round
 * a score (scores arrive already rounded ROUND_HALF_UP to 2 dp). The .xlsx number formats in
 * `xlsx/number-formats.ts` follow the same rules, so the sheet and the report print the same text.
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
 * A 实际完成值 that is a plain number or percentage ("16000", "85%", "7.71") as a spreadsheet value, with the
 * decimals it was typed with; null for text ("有效提高", "2019年12月") which stays text.
 */
export function parseNumericActual(actual: string | null): { value: number; percent: boolean; decimals: number } | null {
  if (actual === null) return null;
  const m = /^\s*(-?\d+(?:\.(\d+))?)\s*([%％])?\s*$/.exec(actual);
  if (!m) return null;
  const n = Number(m[1]);
  const decimals = Math.min(m[2]?.length ?? 0, 4);
  return m[3] ? { value: round(n / 100, 6), percent: true, decimals } : { value: n, percent: false, decimals };
}

/** Decimals a score or amount prints with: 0 for a whole number, else 2 (or up to 4 where 2 would lose digits). */
export function displayDecimals(n: number, max = 2): number {
  if (Number.isInteger(round(n, 6))) return 0;
  for (let dp = 2; dp < max; dp++) if (round(n, dp) === round(n, 6)) return dp;
  return max;
}

/** 98.13 → "98.13", 96.8 → "96.80", 10 → "10", 0 → "0": how both documents print a score. */
export function formatScore(n: number): string {
  return n.toFixed(displayDecimals(n));
}

/** 66.19 → "66.19", 30 → "30", 9.5 → "9.50", 89.974 → "89.974": amounts in 万元 keep what was typed. */
export function formatAmount(n: number): string {
  return n.toFixed(displayDecimals(n, 4));
}

/**
 * 0.8134 → "81.34%", 1 → "100%". A rate just under 100 % is never shown as 100 % (0.99995 → "99.995%"): the
 * audit would call it below 100 % beside a text that says 100 %.
 */
export function formatRate(rate: number): string {
  return `${(rate * 100).toFixed(rateDecimals(rate))}%`;
}

/** Decimals of a percentage: 0 when whole, 2 as a rule, more only where 2 would round up to 100 %. */
export function rateDecimals(rate: number): number {
  const pct = round(rate * 100, 6);
  if (Number.isInteger(pct)) return 0;
  for (let dp = 2; dp <= 4; dp++) if (!(rate < 1 && round(pct, dp) >= 100)) return dp;
  return 4;
}

/** Decimal rounding to `dp` places without binary drift (0.8134*100 = 81.34, not 81.34000000000001). */
export function round(n: number, dp: number): number {
  if (!Number.isFinite(n) || String(n).includes('e')) return Math.round(n * 10 ** dp) / 10 ** dp;
  return Number(Math.round(Number(`${n}e${dp}`)) + `e-${dp}`);
}
