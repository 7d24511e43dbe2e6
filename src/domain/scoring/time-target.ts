import { normalize } from './text';

/** A month on the calendar; `year` is null when the text gives only the month (`9月前`). */
export interface YearMonth {
  year: number | null;
  month: number;
}

/** The deadline a 时效 target sets, and whether the month itself still counts as on time. */
export interface MonthDeadline extends YearMonth {
  /** `9月底前`, `2021年12月完成`, `2019年1月至12月`: the whole month counts. `9月前`: strictly before, see `onTime`. */
  inclusive: boolean;
}

/** Longest text examined; a deadline is a short phrase, and the bound keeps every match below linear in the cell. */
const MAX = 60;

const month = (m: string) => {
  const n = Number(m);
  return n >= 1 && n <= 12 ? n : null;
};

/**
 * The month a time target ends in: `9月前`, `12月底前`, `12月底之前完成`, `2021年12月完成`, `2019年1月至12月`,
 * `2018年9月至2019年6月`, `年底前`. Null for anything else (`文件批复当日下达`, `及时`), which stays a band choice.
 */
export function deadlineOf(target: string): MonthDeadline | null {
  const s = normalize(target).slice(0, MAX);
  const period = /(?:(\d{4})年)?(\d{1,2})月(?:份)?(?:至|到|-)(?:(\d{4})年)?(\d{1,2})月/.exec(s);
  if (period) {
    const m = month(period[4]!);
    const year = period[3] ?? period[1];
    return m ? { year: year ? Number(year) : null, month: m, inclusive: true } : null;
  }
  const before = /(?:(\d{4})年)?(\d{1,2})月(底|末|份)?(?:之前|以前|前)/.exec(s);
  if (before) {
    const m = month(before[2]!);
    return m ? { year: before[1] ? Number(before[1]) : null, month: m, inclusive: Boolean(before[3]) } : null;
  }
  const by = /^(?:在|于)?(?:(\d{4})年)?(\d{1,2})月(?:底|末|份)?(?:内|完成|完工|前完成|底完成|底前完成|实施完成)?$/.exec(s);
  if (by) {
    const m = month(by[2]!);
    return m ? { year: by[1] ? Number(by[1]) : null, month: m, inclusive: true } : null;
  }
  if (/^(?:年底|年末)(?:前|之前)?(?:完成)?$/.test(s)) return { year: null, month: 12, inclusive: true };
  return null;
}

/** The month an actual names: `7月`, `2021年7月15日`, `已于7月完成`, `2021-07-15`, `2021.7`. */
export function monthOf(actual: string): YearMonth | null {
  const s = normalize(actual).slice(0, MAX);
  const iso = /((?:19|20)\d{2})[-/.](\d{1,2})(?![\d])/.exec(s);
  if (iso) {
    const m = month(iso[2]!);
    return m ? { year: Number(iso[1]), month: m } : null;
  }
  const cn = /(?:((?:19|20)\d{2})年)?(\d{1,2})月/.exec(s);
  if (!cn) return null;
  const m = month(cn[2]!);
  return m ? { year: cn[1] ? Number(cn[1]) : null, month: m } : null;
}

export type Timeliness = 'on-time' | 'deadline-month' | 'late';

/**
 * Compares the month an actual names with a target's deadline. Years are compared only when both give one.
 * `deadline-month`: finished in the month of a strict `M月前` deadline — counted on time, but the owner is asked
 * to confirm, as for an actual exactly equal to a `>` target.
 */
export function timeliness(deadline: MonthDeadline, actual: YearMonth): Timeliness {
  const years = deadline.year !== null && actual.year !== null;
  const a = years ? actual.year! * 12 + actual.month : actual.month;
  const d = years ? deadline.year! * 12 + deadline.month : deadline.month;
  if (a < d) return 'on-time';
  if (a === d) return deadline.inclusive ? 'on-time' : 'deadline-month';
  return 'late';
}

export function monthText(m: YearMonth): string {
  return `${m.year ? `${m.year}年` : ''}${m.month}月`;
}
