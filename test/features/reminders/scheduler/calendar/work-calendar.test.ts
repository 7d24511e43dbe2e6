import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../../../../src/features/reminders/scheduler/calendar/work-calendar';

describe('work calendar (chinese-days + overrides)', () => {
  const calendar = createWorkCalendar();

  it('follows the 2026 National Day and Mid-Autumn plan, including the 调休 Saturday', () => {
    // 中秋 Fri 25 Sep – Sun 27 Sep; 国庆 1–7 Oct; make-up working days Sun 20 Sep and Sat 10 Oct.
    expect(calendar.isWorkingDay('2026-09-24')).toBe(true);
    expect(calendar.isWorkingDay('2026-09-25')).toBe(false);
    expect(calendar.isWorkingDay('2026-09-20')).toBe(true);
    expect(calendar.isWorkingDay('2026-09-28')).toBe(true);
    for (let d = 1; d <= 7; d++) expect(calendar.isWorkingDay(`2026-10-0${d}`)).toBe(false);
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true);
    expect(calendar.isWorkingDay('2026-10-11')).toBe(false);
  });

  it('counts working days across the holiday', () => {
    expect(calendar.workingDaysBefore('2026-10-09', 1)).toBe('2026-10-08');
    expect(calendar.workingDaysBefore('2026-10-09', 3)).toBe('2026-09-29');
    expect(calendar.workingDaysBefore('2026-10-12', 1)).toBe('2026-10-10');
    expect(calendar.nextWorkingDay('2026-09-30')).toBe('2026-10-08');
    expect(calendar.nextWorkingDay('2026-09-24')).toBe('2026-09-28');
  });

  it('knows which years the package has data for, and lets configuration fill the rest', () => {
    expect(calendar.knowsYear(2026)).toBe(true);
    expect(calendar.knowsYear(2031)).toBe(false);
    // 2031-01-01 is a Wednesday: without data only weekends are off.
    expect(calendar.isWorkingDay('2031-01-01')).toBe(true);
    const configured = createWorkCalendar({ holidays: ['2031-01-01'], workdays: ['2031-01-04'] });
    expect(configured.knowsYear(2031)).toBe(true);
    expect(configured.isWorkingDay('2031-01-01')).toBe(false);
    expect(configured.isWorkingDay('2031-01-04')).toBe(true); // a Saturday made a working day
  });

  it('rejects malformed override dates with a message saying what to write', () => {
    expect(() => createWorkCalendar({ holidays: ['2031-02-30'] })).toThrow(/YYYY-MM-DD/);
  });
});
