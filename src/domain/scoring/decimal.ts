import Decimal from 'decimal.js';

/**
 * The one Decimal constructor the engine uses: plenty of precision and ROUND_HALF_UP, so a row's score is
 * rounded the way the finance bureau rounds it (4.565 → 4.57), never by binary floating point.
 */
export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof D>;

/** Round to `dp` decimals, half up. */
export function round(value: Dec, dp = 2): Dec {
  return value.toDecimalPlaces(dp, D.ROUND_HALF_UP);
}

/** `7.71`, `10`, `0.5` — a plain decimal string without trailing zeros, for explanations. */
export function plain(value: Dec): string {
  return value.toFixed();
}

/** `7.71`, `10.00` — a score as printed in the table. */
export function fixed2(value: Dec): string {
  return value.toFixed(2);
}

/** `54.29%` from a fraction. */
export function percent(fraction: Dec, dp = 2): string {
  return `${fraction.times(100).toFixed(dp)}%`;
}

export function clamp(value: Dec, low: Dec, high: Dec): Dec {
  return D.max(low, D.min(high, value));
}
