import { isSendable, nextSendable } from '../calendar/quiet-hours';
import { type DateKey, shanghaiDate, shanghaiInstant } from '../../../../platform/time';
import type { WorkCalendar } from '../calendar/work-calendar';
import { type EvaluationSnapshot, type OwnerSnapshot, type PlannedStep, outboxKey } from './types';

/**
 * The ladder as a pure function of the evaluation and `now`: which steps are due right now. Each step
 * has a stable outbox key, so planning again (another tick, another instance) yields the same keys and
 * the outbox's unique key turns repeats into no-ops.
 *
 * A step is due from its scheduled time (moved out of quiet hours) until the next rung is due, so a
 * scheduler that was down does not fire two rungs at one person at once, and a rung scheduled before
 * collection started is skipped (the first card is the fresher message).
 */
export function planLadder(evaluation: EvaluationSnapshot, now: Date, calendar: WorkCalendar): PlannedStep[] {
  const { settings } = evaluation;
  if (evaluation.summaryPosted || !isSendable(now, calendar, settings.window)) return [];

  const today = shanghaiDate(now);
  const pending = evaluation.owners.filter((o) => o.pending > 0);
  const reachable = pending.filter((o) => !onLeave(o, today));
  const rungs = scheduleRungs(evaluation, calendar);
  const steps: PlannedStep[] = [];
  const base = (person: string, step: PlannedStep['step'], day: DateKey | null, dueAt: Date) => ({
    key: outboxKey(evaluation.id, person, step, day),
    evaluationId: evaluation.id,
    person,
    day,
    dueAt,
  });
  const isDue = (rung: Rung | null) => rung !== null && now >= rung.dueAt && now < rung.until;

  if (settings.firstCard.enabled) {
    // The collection flow sends first cards as it starts; this rung is the safety net for an owner it
    // never reached (a crash mid-start, an owner added later), so it waits out a grace period first.
    const dueAt = nextSendable(new Date(evaluation.startedAt.getTime() + FIRST_CARD_GRACE_MS), calendar, settings.window);
    if (now >= dueAt && now < evaluation.deadline) {
      for (const owner of reachable) {
        if (owner.cardMessageId || owner.contacted) continue;
        steps.push({ ...base(owner.openId, 'first_card', null, dueAt), step: 'first_card', owner });
      }
    }
  }
  if (isDue(rungs.ownerDm)) {
    const rung = rungs.ownerDm!;
    for (const owner of reachable) {
      steps.push({ ...base(owner.openId, 'owner_dm', rung.day, rung.dueAt), step: 'owner_dm', owner });
    }
  }
  if (isDue(rungs.groupNotice) && reachable.length > 0) {
    const rung = rungs.groupNotice!;
    steps.push({
      ...base(`chat:${evaluation.chatId}`, 'group_notice', rung.day, rung.dueAt),
      step: 'group_notice',
      chatId: evaluation.chatId,
      mention: settings.groupNotice.mention,
      owners: reachable,
    });
  }
  if (isDue(rungs.urgent)) {
    const rung = rungs.urgent!;
    for (const owner of reachable) {
      steps.push({ ...base(owner.openId, 'urgent', rung.day, rung.dueAt), step: 'urgent', owner });
    }
  }
  if (settings.adminDaily.enabled && pending.length > 0) {
    const dueAt = shanghaiInstant(today, settings.adminDaily.at);
    if (calendar.isWorkingDay(today) && dueAt > evaluation.deadline && now >= dueAt) {
      for (const admin of evaluation.admins) {
        steps.push({ ...base(admin.openId, 'admin_daily', today, dueAt), step: 'admin_daily', admin, pendingOwners: pending });
      }
    }
  }
  return steps;
}

export const FIRST_CARD_GRACE_MS = 10 * 60_000;

export function onLeave(owner: OwnerSnapshot, today: DateKey): boolean {
  return !!owner.leaveUntil && today <= owner.leaveUntil;
}

interface Rung {
  day: DateKey;
  dueAt: Date;
  until: Date;
}

/** When each pre-deadline rung fires and until when it may still fire; null when disabled or skipped. */
export function scheduleRungs(
  evaluation: Pick<EvaluationSnapshot, 'startedAt' | 'deadline' | 'settings'>,
  calendar: WorkCalendar,
): { ownerDm: Rung | null; groupNotice: Rung | null; urgent: Rung | null } {
  const { settings, startedAt, deadline } = evaluation;
  // `deadline` is the instant answers are due by; the last day to answer is the day it falls in (just before).
  const deadlineDay = shanghaiDate(new Date(deadline.getTime() - 1));
  // The last working day on or before the deadline: a deadline on a Sunday is chased on Friday.
  const lastWorkingDay = calendar.isWorkingDay(deadlineDay) ? deadlineDay : calendar.workingDaysBefore(deadlineDay, 1);

  const at = (day: DateKey, time: string) => nextSendable(shanghaiInstant(day, time), calendar, settings.window);
  const candidate = (enabled: boolean, day: DateKey, time: string) => {
    if (!enabled) return null;
    const dueAt = at(day, time);
    return dueAt >= startedAt && dueAt < deadline ? { day, dueAt } : null;
  };

  const dm = candidate(settings.ownerDm.enabled, calendar.workingDaysBefore(deadlineDay, settings.ownerDm.workingDaysBefore), settings.ownerDm.at);
  const group = candidate(
    settings.groupNotice.enabled,
    calendar.workingDaysBefore(deadlineDay, settings.groupNotice.workingDaysBefore),
    settings.groupNotice.at,
  );
  let urgent = candidate(settings.urgent.enabled, lastWorkingDay, settings.urgent.at);
  if (settings.urgent.enabled && !urgent) {
    // A deadline before 15:00 is buzzed at the opening of that morning instead.
    urgent = candidate(true, lastWorkingDay, settings.window.start);
  }

  const endOfUrgentDay = shanghaiInstant(lastWorkingDay, settings.window.end);
  const ordered = [dm, group, urgent];
  const withUntil = ordered.map((rung, i) => {
    if (!rung) return null;
    const next = ordered.slice(i + 1).find((r) => r && r.dueAt > rung.dueAt);
    const until = next ? next.dueAt : rung === urgent ? endOfUrgentDay : deadline;
    return { ...rung, until };
  });
  return { ownerDm: withUntil[0] ?? null, groupNotice: withUntil[1] ?? null, urgent: withUntil[2] ?? null };
}
