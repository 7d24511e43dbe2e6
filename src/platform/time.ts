/**
 * China time (Asia/Shanghai) with an explicit +08:00 offset: the one module that knows the offset, and
 * the one parser of dates people type. China has kept one offset without DST since 1991, so plain
 * arithmetic is exact, and it works the same under workerd (always UTC) and on a Node host in any time
 * zone — nothing here reads the process time zone.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A calendar date in Shanghai, `YYYY-MM-DD`. */
export type DateKey = string;
/** A wall-clock time, `HH:MM` (24 h). */
export type WallTime = string;

export interface ShanghaiParts {
  date: DateKey;
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** Minutes since Shanghai midnight. */
  minuteOfDay: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function shanghaiParts(instant: Date): ShanghaiParts {
  const shifted = new Date(instant.getTime() + OFFSET_MS);
  const year = shifted.getUTCFullYear();
  const month = shifted.getUTCMonth() + 1;
  const day = shifted.getUTCDate();
  const hour = shifted.getUTCHours();
  const minute = shifted.getUTCMinutes();
  return {
    date: formatDateKey(year, month, day),
    year,
    month,
    day,
    hour,
    minute,
    minuteOfDay: hour * 60 + minute,
    weekday: shifted.getUTCDay(),
  };
}

export function shanghaiDate(instant: Date): DateKey {
  return shanghaiParts(instant).date;
}

/** The instant of `time` on Shanghai date `date`. */
export function shanghaiInstant(date: DateKey, time: WallTime = '00:00'): Date {
  const [y, m, d] = parseDateKey(date);
  const minutes = parseWallTime(time);
  return new Date(Date.UTC(y, m - 1, d) - OFFSET_MS + minutes * 60_000);
}

export function addDays(date: DateKey, days: number): DateKey {
  const [y, m, d] = parseDateKey(date);
  const t = new Date(Date.UTC(y, m - 1, d) + days * DAY_MS);
  return formatDateKey(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function weekdayOf(date: DateKey): number {
  const [y, m, d] = parseDateKey(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function isDateKey(text: string): boolean {
  // Round-trip through the calendar so 2026-02-30 is rejected, not rolled over.
  return DATE_RE.test(text) && addDays(text, 0) === text;
}

export function parseDateKey(date: DateKey): [number, number, number] {
  const match = DATE_RE.exec(date);
  if (!match) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

export function parseWallTime(time: WallTime): number {
  const match = TIME_RE.exec(time);
  if (!match) throw new Error(`not an HH:MM time: ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export function isWallTime(time: string): boolean {
  return TIME_RE.test(time);
}

function formatDateKey(y: number, m: number, d: number): DateKey {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** "11-23 09:30" in China time, for "updated at" lines on cards. */
export function shanghaiDateTime(instant: Date): string {
  const p = shanghaiParts(instant);
  return `${p.date.slice(5)} ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

/** "2026年9月30日" in China time, as documents are dated. */
export function chineseDate(instant: Date): string {
  const p = shanghaiParts(instant);
  return `${p.year}年${p.month}月${p.day}日`;
}

/** 10月8日（周四） */
export function formatDay(date: DateKey): string {
  const [, m, d] = parseDateKey(date);
  return `${m}月${d}日（周${'日一二三四五六'[weekdayOf(date)]}）`;
}

export type ParsedDate = { ok: true; date: DateKey } | { ok: false; reason: 'unreadable' | 'no-such-day'; message: string };

/**
 * A date as people type it and as Lark's date picker sends it: 2026-10-08, 2026/10/8, 2026.10.8,
 * 2026年10月8日, 2026年10月8号, "2026-10-08 +0800". With `today` (Shanghai) also 10月8日, 10-8, 10/8 —
 * the next such day — and 今天, 明天, 后天. The message says what to type instead.
 */
export function parseDate(text: string, today?: DateKey): ParsedDate {
  // No date is longer than this; the guard also keeps the trailing-offset pattern below linear on hostile input.
  if (text.length > 64) return { ok: false, reason: 'unreadable', message: '日期太长了，请写成 2026-09-30 这样的日期。' };
  const s = text
    .normalize('NFKC')
    .trim()
    .replace(/\s+[+-]\d{4}$/, '')
    .replace(/\s+/g, '');
  if (today !== undefined) {
    if (s === '今天') return { ok: true, date: today };
    if (s === '明天') return { ok: true, date: addDays(today, 1) };
    if (s === '后天') return { ok: true, date: addDays(today, 2) };
  }
  const full = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})[日号]?$/.exec(s);
  if (full) return calendarDay(Number(full[1]), Number(full[2]), Number(full[3]));
  const short = today !== undefined ? /^(\d{1,2})[-/.月](\d{1,2})[日号]?$/.exec(s) : null;
  if (short) {
    const year = Number(today!.slice(0, 4));
    const thisYear = calendarDay(year, Number(short[1]), Number(short[2]));
    return !thisYear.ok || thisYear.date >= today! ? thisYear : calendarDay(year + 1, Number(short[1]), Number(short[2]));
  }
  return { ok: false, reason: 'unreadable', message: `日期“${text}”看不懂，请写成 2026-09-30 这样的日期。` };
}

function calendarDay(year: number, month: number, day: number): ParsedDate {
  const date = formatDateKey(year, month, day);
  return isDateKey(date) ? { ok: true, date } : { ok: false, reason: 'no-such-day', message: `没有 ${year}年${month}月${day}日 这一天，请重新选择截止日期。` };
}

/** A deadline (a calendar date in China: the last day answers are due); the year must be written. */
export function parseDeadline(text: string): ParsedDate {
  const parsed = parseDate(text);
  if (parsed.ok || parsed.reason !== 'unreadable') return parsed;
  return { ...parsed, message: `截止日期“${text}”看不懂，请写成 2026-09-30 这样的日期。` };
}

/** A date in a chat reply (请假至 10月8日); null when unreadable. */
export function parseLooseDate(text: string, today: DateKey): DateKey | null {
  const parsed = parseDate(text, today);
  return parsed.ok ? parsed.date : null;
}

