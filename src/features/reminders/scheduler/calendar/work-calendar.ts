// The package's static data file, not its functions: those build their tables with local-time Date
// getters, which shifts every holiday by a day on hosts west of UTC. The JSON is plain data (37 KB,
// bundled by tsx, vitest and wrangler alike), so it also runs on workerd with no fs.
import officialPlan from 'chinese-days/dist/chinese-days.json';
import { z } from 'zod';
import { type DateKey, addDays, isDateKey, parseDateKey, weekdayOf } from '../../../../platform/time';

/**
 * China's working days: official holidays and 调休 make-up days from `chinese-days`, plus an override
 * list from configuration for years the package does not know yet (the State Council publishes each year's plan in November or December).
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

const OFFICIAL_HOLIDAYS: Readonly<Record<string, string>> = officialPlan.holidays;
const OFFICIAL_WORKDAYS: Readonly<Record<string, string>> = officialPlan.workdays;
const OFFICIAL_YEARS = new Set(Object.keys(OFFICIAL_HOLIDAYS).map((d) => Number(d.slice(0, 4))));

function packageSaysWorking(date: DateKey): boolean {
  if (OFFICIAL_WORKDAYS[date]) return true;
  if (OFFICIAL_HOLIDAYS[date]) return false;
  const weekday = weekdayOf(date);
  return weekday !== 0 && weekday !== 6;
}

function packageKnowsYear(year: number): boolean {
  return OFFICIAL_YEARS.has(year);
}
