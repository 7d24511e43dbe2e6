/**
 * Asia/Shanghai wall-clock maths with an explicit +08:00 offset. China has kept one offset without DST
 * since 1991, so plain arithmetic is exact, and it works the same under workerd (always UTC) and on a
 * Node host in any time zone — nothing here reads the process time zone.
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
