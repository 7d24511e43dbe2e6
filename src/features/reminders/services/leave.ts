import type { Kysely } from 'kysely';
import { atomic, type AtomicStep } from '../../../storage/atomic';
import type { Database } from '../../../storage/database';
import { listEvaluationHeads } from '../../../storage/repositories/collection/evaluations';
import { appendHistory } from '../../../storage/repositories/collection/history';
import { listOpenItemIdsForOwner } from '../../../storage/repositories/collection/items';
import { getLeave, upsertLeave } from '../../../storage/repositories/reminders/leave';
import type { Clock } from '../../../platform/clock';
import { type DateKey, addDays, shanghaiDate } from '../../../platform/time';

/** What the reminder services need: the database and the clock. */
export interface ReminderServiceDeps {
  db: Kysely<Database>;
  clock: Clock;
}

export interface LeaveTaken {
  ok: true;
  until: DateKey;
  evaluations: Array<{ id: string; title: string; deadline: string | null; open: number }>;
}

export type LeaveOutcome = LeaveTaken | { ok: false; message: string };

/**
 * 请假至 <date>: pauses the owner's reminders in every evaluation where they still have rows open, through
 * `until` inclusive. `until` = yesterday ends a leave (取消请假). Each change is a history record.
 */
export async function setLeave(
  deps: ReminderServiceDeps,
  req: { tenantKey: string; openId: string; until: DateKey; reason?: string | null; cancel?: boolean },
): Promise<LeaveOutcome> {
  const now = deps.clock.now();
  const today = shanghaiDate(now);
  const until = req.cancel ? addDays(today, -1) : req.until;
  if (!req.cancel && until < today) return { ok: false, message: `${until} 已经过去了。请写今天或以后的日期，例如「请假至 ${addDays(today, 3)}」。` };
  const open = await listOpenItemIdsForOwner(deps.db, req.tenantKey, req.openId);
  const counts = new Map<string, number>();
  for (const row of open) counts.set(row.evaluation_id, (counts.get(row.evaluation_id) ?? 0) + 1);
  if (counts.size === 0) return { ok: false, message: '您目前没有待填报的指标，不需要请假。' };

  const at = now.toISOString();
  const evaluations = await listEvaluationHeads(deps.db, [...counts.keys()]);
  const steps: AtomicStep[] = [];
  for (const e of evaluations) {
    const before = await getLeave(deps.db, e.id, req.openId);
    steps.push({ query: upsertLeave(deps.db, { evaluationId: e.id, openId: req.openId, untilDate: until, reason: req.reason ?? null, at }) });
    steps.push({
      query: appendHistory(deps.db, {
        evaluationId: e.id,
        action: req.cancel ? 'owner_leave_cancel' : 'owner_leave',
        actor: req.openId,
        at,
        before: { leaveUntil: before },
        after: { leaveUntil: req.cancel ? null : until },
        comment: req.reason ?? null,
      }),
    });
  }
  await atomic(deps.db, steps);
  return {
    ok: true,
    until,
    evaluations: evaluations.map((e) => ({ id: e.id, title: e.project_name, deadline: e.deadline, open: counts.get(e.id) ?? 0 })),
  };
}
