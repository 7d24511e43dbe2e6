/**
 * Deadlines are calendar dates in China (Asia/Shanghai, UTC+8, no DST): the last day answers are due.
 * Accepts what people and Lark's date picker produce: 2026-09-30, 2026/9/30, 2026年9月30日,
 * "2026-09-30 +0800".
 */
export type ParsedDeadline = { ok: true; date: string } | { ok: false; message: string };

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

export function parseDeadline(text: string): ParsedDeadline {
  const m = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+[+-]\d{4})?\s*$/.exec(text.normalize('NFKC'));
  if (!m) return { ok: false, message: `截止日期“${text}”看不懂，请写成 2026-09-30 这样的日期。` };
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    return { ok: false, message: `没有 ${year}年${month}月${day}日 这一天，请重新选择截止日期。` };
  }
  return { ok: true, date: d.toISOString().slice(0, 10) };
}

/** Today's date in China for the given instant, YYYY-MM-DD. */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}
