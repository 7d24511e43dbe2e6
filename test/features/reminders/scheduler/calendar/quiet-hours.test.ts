import { describe, expect, it } from 'vitest';
import { isSendable, nextSendable } from '../../../../../src/features/reminders/scheduler/calendar/quiet-hours';
import { shanghaiInstant, shanghaiParts } from '../../../../../src/platform/time';
import { createWorkCalendar } from '../../../../../src/features/reminders/scheduler/calendar/work-calendar';

const calendar = createWorkCalendar();
const at = (iso: string) => new Date(iso);

describe('Shanghai wall clock', () => {
  it('converts with an explicit +08:00 offset, independent of the process time zone', () => {
    expect(shanghaiInstant('2026-09-24', '09:30').toISOString()).toBe('2026-09-24T01:30:00.000Z');
    const p = shanghaiParts(at('2026-09-30T16:30:00Z'));
    expect([p.date, p.hour, p.minute, p.weekday]).toEqual(['2026-10-01', 0, 30, 4]);
  });
});

describe('quiet hours', () => {
  it('sends only 08:30–20:00 on working days', () => {
    expect(isSendable(at('2026-09-24T00:29:00Z'), calendar)).toBe(false); // 08:29
    expect(isSendable(at('2026-09-24T00:30:00Z'), calendar)).toBe(true); // 08:30
    expect(isSendable(at('2026-09-24T11:59:00Z'), calendar)).toBe(true); // 19:59
    expect(isSendable(at('2026-09-24T12:00:00Z'), calendar)).toBe(false); // 20:00
    expect(isSendable(at('2026-10-03T02:00:00Z'), calendar)).toBe(false); // 国庆 10:00
    expect(isSendable(at('2026-10-10T02:00:00Z'), calendar)).toBe(true); // 调休 Saturday
  });

  it('moves anything due in quiet hours to the next working morning 08:30', () => {
    // Thursday 21:00 before 中秋 → Monday 28 Sep 08:30.
    expect(nextSendable(at('2026-09-24T13:00:00Z'), calendar).toISOString()).toBe('2026-09-28T00:30:00.000Z');
    // 30 Sep 20:30 → 8 Oct 08:30, across the whole National Day holiday.
    expect(nextSendable(at('2026-09-30T12:30:00Z'), calendar).toISOString()).toBe('2026-10-08T00:30:00.000Z');
    // 07:00 on a working day → 08:30 the same day.
    expect(nextSendable(at('2026-09-28T23:00:00Z'), calendar).toISOString()).toBe('2026-09-29T00:30:00.000Z');
  });
});
