import { getDayDetail } from 'chinese-days';
import { z } from 'zod';
import { type DateKey, addDays, isDateKey, parseDateKey, weekdayOf } from './shanghai-time';

/**
 * China's working days: official holidays and 调休 make-up days from `chinese-days` (its data is compiled
 * into the module — no fs, so it runs on workerd), plus an override list from configuration for years the
 * package does not know yet (the State Council publishes each year's plan in November or December).
 */
export const calendarOverridesSchema = z.object({
  /** Extra days off (法定节假日), `YYYY-MM-DD`. */
  holidays: z.array(z.string().refine(isDateKey, '日期格式应为 YYYY-MM-DD')).default([]),
  /** Extra working days (调休上班, usually a Saturday or Sunday), `YYYY-MM-DD`. */
  workdays: z.array(z.string().refine(isDateKey, '日期格式应为 YYYY-MM-DD')).default([]),
});
export type CalendarOverrides = z.input<typeof calendarOverridesSchema>;

export interface WorkCalendar {
  isWorkingDay(date: DateKey): boolean;
  /** True when the package or the overrides carry this year's official plan. */
  knowsYear(year: number): boolean;
  /** The working day `n` working days before `date` (n ≥ 1); `date` itself need not be a working day. */
  workingDaysBefore(date: DateKey, n: number): DateKey;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: DateKey): DateKey;
}

export function createWorkCalendar(overrides: CalendarOverrides = {}): WorkCalendar {
  const parsed = calendarOverridesSchema.parse(overrides);
  const extraHolidays = new Set(parsed.holidays);
  const extraWorkdays = new Set(parsed.workdays);
  const overrideYears = new Set([...parsed.holidays, ...parsed.workdays].map((d) => parseDateKey(d)[0]));
  const cache = new Map<DateKey, boolean>();

  const isWorkingDay = (date: DateKey): boolean => {
    if (extraWorkdays.has(date)) return true;
    if (extraHolidays.has(date)) return false;
    let known = cache.get(date);
    if (known === undefined) {
      known = packageSaysWorking(date);
      cache.set(date, known);
    }
    return known;
  };

  const step = (date: DateKey, direction: 1 | -1, n: number): DateKey => {
    let current = date;
    let left = n;
    // A year has at most ~12 consecutive days off; 400 days bounds a misconfigured override list.
    for (let guard = 0; left > 0; guard++) {
      if (guard > 400) throw new Error(`no working day within 400 days of ${date}`);
      current = addDays(current, direction);
      if (isWorkingDay(current)) left--;
    }
    return current;
  };

  return {
    isWorkingDay,
    knowsYear: (year) => overrideYears.has(year) || packageKnowsYear(year),
    workingDaysBefore: (date, n) => step(date, -1, n),
    nextWorkingDay: (date) => step(date, 1, 1),
  };
}

/**
 * `chinese-days` parses `YYYY-MM-DD` as UTC midnight but reads it back with local getters, which shifts a
 * day on hosts west of UTC. A Date at UTC noon reads back as the same calendar day at every offset from
 * −11 to +11 h, so we hand it that instead of the string.
 */
function packageSaysWorking(date: DateKey): boolean {
  const detail = getDayDetail(noonUtc(date));
  if (detail.date !== date) {
    // Host offset outside ±11 h: fall back to weekends only rather than answer for the wrong day.
    const weekday = weekdayOf(date);
    return weekday !== 0 && weekday !== 6;
  }
  return detail.work;
}

function packageKnowsYear(year: number): boolean {
  // Every official plan makes 1 January a holiday; for a year without data the package reports a weekday name.
  const detail = getDayDetail(noonUtc(`${year}-01-01`));
  return detail.name.includes('元旦');
}

function noonUtc(date: DateKey): Date {
  const [y, m, d] = parseDateKey(date);
  return new Date(Date.UTC(y, m - 1, d, 12));
}
