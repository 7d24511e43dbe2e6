import { displayDecimals, rateDecimals } from '../numbers';

/**
 * Excel number formats chosen per value, so Excel, WPS and LibreOffice all print what `numbers.ts` prints:
 * `0` for whole numbers, `0.00` for two decimals, `0.00%` for rates. Never `0.##`: Excel renders 10 in it as
 * “10.” and 85 % in `0.##%` as “85.%”. A 0 prints as 0 (no section that blanks zeros).
 */
export function fixedFormat(decimals: number): string {
  return decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0';
}

export function scoreFormat(n: number): string {
  return fixedFormat(displayDecimals(n));
}

export function amountFormat(n: number): string {
  return fixedFormat(displayDecimals(n, 4));
}

export function rateFormat(rate: number): string {
  return `${fixedFormat(rateDecimals(rate))}%`;
}

/** A typed actual keeps the decimals it was typed with (`7.71`, `85%`, `85.5%`). */
export function actualFormat(actual: { percent: boolean; decimals: number }): string {
  return `${fixedFormat(actual.decimals)}${actual.percent ? '%' : ''}`;
}
