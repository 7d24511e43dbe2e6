import { type DateKey, addDays, isDateKey } from './time';

/**
 * A date as people type it in a reply: 2026-10-08, 2026/10/8, 2026年10月8日, 10月8日, 10月8号, 10-8,
 * 10/8, 明天, 后天. Without a year it is the next such day from `today` (Shanghai). Null when unreadable.
 */
export function parseLooseDate(text: string, today: DateKey): DateKey | null {
  const s = text.normalize('NFKC').trim().replace(/\s+/g, '');
  if (s === '今天') return today;
  if (s === '明天') return addDays(today, 1);
  if (s === '后天') return addDays(today, 2);
  const full = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})[日号]?$/.exec(s);
  if (full) return key(Number(full[1]), Number(full[2]), Number(full[3]));
  const short = /^(\d{1,2})[-/.月](\d{1,2})[日号]?$/.exec(s);
  if (short) {
    const year = Number(today.slice(0, 4));
    const thisYear = key(year, Number(short[1]), Number(short[2]));
    if (thisYear === null) return null;
    return thisYear >= today ? thisYear : key(year + 1, Number(short[1]), Number(short[2]));
  }
  return null;
}

function key(y: number, m: number, d: number): DateKey | null {
  const text = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isDateKey(text) ? text : null;
}

/** 10月8日（周四） */
export function formatDay(date: DateKey): string {
  const [, m, d] = date.split('-').map(Number);
  const weekday = '日一二三四五六'[new Date(`${date}T12:00:00Z`).getUTCDay()];
  return `${m}月${d}日（周${weekday}）`;
}
