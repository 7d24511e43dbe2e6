import { z } from 'zod';
import { isWallTime, parseWallTime, shanghaiInstant, shanghaiParts } from '../../../../platform/time';
import type { WorkCalendar } from './work-calendar';

/**
 * Nobody is messaged in the evening, at night or on a day off: the send window is
 * [start, end) Shanghai time on working days. Anything due outside it waits for the next opening.
 */
export const sendWindowSchema = z.object({
  start: z.string().refine(isWallTime, '时间格式应为 HH:MM').default('08:30'),
  end: z.string().refine(isWallTime, '时间格式应为 HH:MM').default('20:00'),
});
export type SendWindow = z.output<typeof sendWindowSchema>;
export const DEFAULT_SEND_WINDOW: SendWindow = { start: '08:30', end: '20:00' };

export function isSendable(instant: Date, calendar: WorkCalendar, window: SendWindow = DEFAULT_SEND_WINDOW): boolean {
  const parts = shanghaiParts(instant);
  if (!calendar.isWorkingDay(parts.date)) return false;
  return parts.minuteOfDay >= parseWallTime(window.start) && parts.minuteOfDay < parseWallTime(window.end);
}

/** `instant` itself when sendable, otherwise the next opening of the send window. */
export function nextSendable(instant: Date, calendar: WorkCalendar, window: SendWindow = DEFAULT_SEND_WINDOW): Date {
  if (isSendable(instant, calendar, window)) return instant;
  const parts = shanghaiParts(instant);
  const beforeOpening = parts.minuteOfDay < parseWallTime(window.start);
  if (beforeOpening && calendar.isWorkingDay(parts.date)) return shanghaiInstant(parts.date, window.start);
  return shanghaiInstant(calendar.nextWorkingDay(parts.date), window.start);
}
