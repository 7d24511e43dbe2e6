import { describe, expect, it } from 'vitest';
import { shanghaiInstant } from '../../../../../src/platform/time';
import { createWorkCalendar } from '../../../../../src/features/reminders/scheduler/calendar/work-calendar';
import { planLadder, scheduleRungs } from '../../../../../src/features/reminders/scheduler/ladder/plan-ladder';
import { DEFAULT_LADDER, resolveLadderSettings } from '../../../../../src/features/reminders/scheduler/ladder/settings';
import type { EvaluationSnapshot, OwnerSnapshot } from '../../../../../src/features/reminders/scheduler/ladder/types';

const calendar = createWorkCalendar();
const sh = (date: string, time: string) => shanghaiInstant(date, time);

function owner(openId: string, pending: number, extra: Partial<OwnerSnapshot> = {}): OwnerSnapshot {
  return { openId, name: openId.toUpperCase(), pending, pendingItems: Array.from({ length: pending }, (_, i) => `${openId}-${i}`), cardMessageId: `om_${openId}`, ...extra };
}

function evaluation(overrides: Partial<EvaluationSnapshot> = {}): EvaluationSnapshot {
  return {
    id: 'ev1',
    title: '示例项目',
    chatId: 'oc_group',
    startedAt: sh('2026-09-24', '10:00'),
    // Deadline date 2026-10-09 (Fri): answers due by the end of that day.
    deadline: sh('2026-10-10', '00:00'),
    settings: DEFAULT_LADDER,
    owners: [owner('ou_a', 2), owner('ou_b', 1), owner('ou_c', 0)],
    admins: [{ openId: 'ou_admin', name: 'ADMIN' }],
    ...overrides,
  };
}

const stepsAt = (e: EvaluationSnapshot, date: string, time: string) =>
  planLadder(e, sh(date, time), calendar).map((s) => `${s.step}:${s.person}`);

describe('ladder rungs', () => {
  it('puts T-3 and T-1 on working days across the National Day holiday', () => {
    const rungs = scheduleRungs(evaluation(), calendar);
    expect(rungs.ownerDm?.day).toBe('2026-09-29');
    expect(rungs.ownerDm?.dueAt).toEqual(sh('2026-09-29', '09:30'));
    expect(rungs.groupNotice?.day).toBe('2026-10-08');
    expect(rungs.urgent?.dueAt).toEqual(sh('2026-10-09', '15:00'));
    // Each rung is due only until the next one, so a scheduler that was down never fires two at once.
    expect(rungs.ownerDm?.until).toEqual(sh('2026-10-08', '09:30'));
  });

  it('skips a rung that falls before collection started', () => {
    const rungs = scheduleRungs(evaluation({ startedAt: sh('2026-09-30', '10:00') }), calendar);
    expect(rungs.ownerDm).toBeNull();
    expect(rungs.groupNotice?.day).toBe('2026-10-08');
  });

  it('chases a deadline on a day off on the last working day before it', () => {
    const rungs = scheduleRungs(evaluation({ deadline: sh('2026-10-05', '00:00') }), calendar); // last day 4 Oct (holiday)
    expect(rungs.urgent?.day).toBe('2026-09-30');
  });
});

describe('planLadder', () => {
  it('DMs only owners with items pending at T-3 09:30, never before', () => {
    expect(stepsAt(evaluation(), '2026-09-29', '09:29')).toEqual([]);
    expect(stepsAt(evaluation(), '2026-09-29', '09:30')).toEqual(['owner_dm:ou_a', 'owner_dm:ou_b']);
  });

  it('sends one group message at T-1 naming only pending owners', () => {
    const steps = planLadder(evaluation(), sh('2026-10-08', '09:31'), calendar);
    expect(steps).toHaveLength(1);
    const [group] = steps;
    expect(group?.step).toBe('group_notice');
    if (group?.step !== 'group_notice') throw new Error('unreachable');
    expect(group.owners.map((o) => [o.openId, o.pending])).toEqual([
      ['ou_a', 2],
      ['ou_b', 1],
    ]);
    expect(group.key).toBe('ev1|chat:oc_group|group_notice|2026-10-08');
  });

  it('buzzes pending owners at 15:00 on the deadline day and DMs admins daily afterwards on working days', () => {
    expect(stepsAt(evaluation(), '2026-10-09', '15:00')).toEqual(['urgent:ou_a', 'urgent:ou_b']);
    expect(stepsAt(evaluation(), '2026-10-10', '09:30')).toEqual(['admin_daily:ou_admin']);
    expect(stepsAt(evaluation(), '2026-10-11', '10:00')).toEqual([]); // Sunday
    const monday = planLadder(evaluation(), sh('2026-10-12', '09:45'), calendar);
    expect(monday.map((s) => s.key)).toEqual(['ev1|ou_admin|admin_daily|2026-10-12']);
  });

  it('sends nothing in quiet hours or on holidays', () => {
    expect(stepsAt(evaluation(), '2026-10-08', '20:00')).toEqual([]);
    expect(stepsAt(evaluation(), '2026-10-03', '10:00')).toEqual([]);
  });

  it('pauses an owner on leave and resumes after it', () => {
    const e = evaluation({ owners: [owner('ou_a', 2, { leaveUntil: '2026-09-29' }), owner('ou_b', 1)] });
    expect(stepsAt(e, '2026-09-29', '09:30')).toEqual(['owner_dm:ou_b']);
    // Back on 30 Sep: the T-3 reminder they missed is still due (until T-1).
    expect(stepsAt(e, '2026-09-30', '09:00')).toEqual(['owner_dm:ou_a', 'owner_dm:ou_b']);
  });

  it('names people without @ when the admin switched group @ off', () => {
    const e = evaluation({ settings: resolveLadderSettings({ groupNotice: { mention: false } }) });
    const [group] = planLadder(e, sh('2026-10-08', '10:00'), calendar);
    expect(group?.step === 'group_notice' && group.mention).toBe(false);
  });

  it('re-arms the ladder when the deadline moves (keys carry the day)', () => {
    const moved = evaluation({ deadline: sh('2026-10-17', '00:00') }); // last day Fri 16 Oct
    const keys = planLadder(moved, sh('2026-10-13', '09:30'), calendar).map((s) => s.key);
    expect(keys).toEqual(['ev1|ou_a|owner_dm|2026-10-13', 'ev1|ou_b|owner_dm|2026-10-13']);
  });

  it('sends a first card only as a safety net for owners the collection flow never reached', () => {
    const settings = resolveLadderSettings({ firstCard: { enabled: true } });
    expect(stepsAt(evaluation({ owners: [owner('ou_a', 2, { cardMessageId: null })] }), '2026-09-24', '10:10')).toEqual([]); // off by default
    const e = evaluation({ settings, owners: [owner('ou_a', 2, { cardMessageId: null }), owner('ou_b', 1)] });
    expect(stepsAt(e, '2026-09-24', '10:05')).toEqual([]);
    expect(stepsAt(e, '2026-09-24', '10:10')).toEqual(['first_card:ou_a']);
    const contacted = evaluation({ settings, owners: [owner('ou_a', 2, { cardMessageId: null, contacted: true })] });
    expect(stepsAt(contacted, '2026-09-24', '10:10')).toEqual([]);
  });
});
