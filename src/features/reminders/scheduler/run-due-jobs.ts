import type { Kysely } from 'kysely';
import { atomic } from '../../../storage/atomic';
import type { Database } from '../../../storage/database';
import { releaseLease, tryAcquireLease } from '../../../storage/repositories/reminders/lease';
import { enqueueOutboxMany, REMINDER_KEY_PREFIX, type OutboxMessage } from '../../../storage/repositories/reminders/outbox';
import { cancelOutboxRows, deferOutboxRows, listPendingReminders } from '../../../storage/repositories/reminders/outbox-drain';
import { existingStepKeys, recordPlannedSteps } from '../../../storage/repositories/reminders/steps';
import { sendKey } from '../../../platform/send-key';
import type { LarkClient } from '../../../transport/contract';
import { type Logger, silentLogger } from '../../../platform/log';
import { isSendable, nextSendable } from './calendar/quiet-hours';
import type { WorkCalendar } from './calendar/work-calendar';
import { type DrainReport, drainOutbox } from './drain-outbox';
import { planLadder } from './ladder/plan-ladder';
import type { EvaluationSnapshot, PlannedStep } from './ladder/types';
import { renderStep } from './render-step';
import { loadCollectingSnapshots } from './snapshots';

export interface SchedulerDeps {
  db: Kysely<Database>;
  lark: LarkClient;
  calendar: WorkCalendar;
  /** This instance's name in the lease (e.g. `node:<pid>:<random>` or `worker:<cron>`). */
  holder: string;
  log?: Logger;
  /**
   * Time inside the run. Defaults to `now` advanced by the real time elapsed since the call, so a long
   * drain marks rows with sensible times; tests pass a frozen clock.
   */
  clock?: () => Date;
  leaseMs?: number;
  concurrency?: number;
  batchSize?: number;
  maxAttempts?: number;
  /** In-run retries of a send the client gave up on (default 3, 1 s apart doubling); 0 leaves it to the next tick. */
  inRunRetries?: number;
  retryDelayMs?: number;
  /** Even pacing of sends (default 48/s, just under Lark's 50/s per app); 0 = off. */
  sendsPerSecond?: number;
  /** Cap on sends per run (Workers: the per-invocation subrequest budget); the rest go on the next tick. */
  maxSendsPerRun?: number;
}

export type RunReport =
  | { ran: false; reason: 'lease_held' }
  | ({ ran: true; evaluations: number; planned: number; cancelled: number; deferred: number } & DrainReport);

export const SCHEDULER_LEASE = 'scheduler';

/**
 * The one scheduler entry point: the Node server calls it every minute, the Worker's cron trigger on
 * its schedule, and `jixiao tick [--now ISO]` by hand. Safe to call at any time, any number of times,
 * from several instances at once:
 *   1. a database lease admits one run at a time (an expired lease is taken over);
 *   2. the ladder is planned from `now`, each step written once (unique step key → outbox row);
 *   3. reminder rows that should no longer go out are cancelled (owner finished, on leave, closed)
 *      or held back (quiet hours);
 *   4. due outbox rows are claimed and sent through the LarkClient with their key as Lark `uuid`.
 */
export async function runDueJobs(now: Date, deps: SchedulerDeps): Promise<RunReport> {
  const log = deps.log ?? silentLogger;
  const started = Date.now();
  const clock = deps.clock ?? (() => new Date(now.getTime() + (Date.now() - started)));
  const leaseMs = deps.leaseMs ?? 120_000;
  const leaseUntil = () => new Date(clock().getTime() + leaseMs).toISOString();

  if (!(await tryAcquireLease(deps.db, SCHEDULER_LEASE, deps.holder, now.toISOString(), leaseUntil()))) {
    return { ran: false, reason: 'lease_held' };
  }
  try {
    const snapshots = await loadCollectingSnapshots(deps.db);
    const due = await planDueSteps(snapshots, now, deps.calendar);
    const planned = await writeNewSteps(deps, due, now);
    const { cancelled, deferred } = await settleStaleReminders(deps, snapshots, due, now);

    const drained = await drainOutbox(deps.db, deps.lark, clock, log, {
      holder: deps.holder,
      claimMs: 120_000,
      concurrency: deps.concurrency ?? 50,
      batchSize: deps.batchSize ?? 500,
      maxAttempts: deps.maxAttempts ?? 10,
      inRunRetries: deps.inRunRetries ?? 3,
      retryDelayMs: deps.retryDelayMs ?? 1000,
      sendsPerSecond: deps.sendsPerSecond ?? 48,
      ...(deps.maxSendsPerRun !== undefined ? { maxSends: deps.maxSendsPerRun } : {}),
      keepGoing: () => tryAcquireLease(deps.db, SCHEDULER_LEASE, deps.holder, clock().toISOString(), leaseUntil()),
    });
    // Quiet when idle: this runs every minute.
    if (planned + cancelled + deferred + drained.sent + drained.retried + drained.failed > 0) {
      log.info('scheduler: run done', { evaluations: snapshots.length, planned, cancelled, deferred, ...drained });
    }
    return { ran: true, evaluations: snapshots.length, planned, cancelled, deferred, ...drained };
  } finally {
    await releaseLease(deps.db, SCHEDULER_LEASE, deps.holder, clock().toISOString());
  }
}

export interface DueStep {
  step: PlannedStep;
  evaluation: EvaluationSnapshot;
  outboxKey: string;
}

/**
 * The outbox key of a ladder step, which is also its Lark `uuid`: derived from the readable step key
 * (evaluation|person|step|day), so it is the same on every instance and every retry, and Lark sends at
 * most one message per uuid within an hour, which covers a crash between send and mark.
 */
export function reminderOutboxKey(stepKey: string): string {
  return sendKey(REMINDER_KEY_PREFIX.slice(0, -1), stepKey);
}

/** Every ladder step due at `now` across the evaluations, with its outbox key (also used by `tick --dry-run`). */
export async function planDueSteps(snapshots: readonly EvaluationSnapshot[], now: Date, calendar: WorkCalendar): Promise<DueStep[]> {
  return snapshots.flatMap((evaluation) =>
    planLadder(evaluation, now, calendar).map((step) => ({ step, evaluation, outboxKey: reminderOutboxKey(step.key) })),
  );
}

/**
 * The new steps and their outbox rows, written in units of a few dozen steps: each unit is atomic
 * (records and rows together) and both inserts are keyed, so a repeat inserts nothing.
 */
async function writeNewSteps(deps: SchedulerDeps, due: DueStep[], now: Date): Promise<number> {
  const known = await existingStepKeys(deps.db, due.map((d) => d.step.key));
  const fresh = due.filter((d) => !known.has(d.step.key));
  const at = now.toISOString();
  const UNIT = 77; // 7 statements of 11 step records, 11 of 7 outbox rows
  for (let i = 0; i < fresh.length; i += UNIT) {
    const unit = fresh.slice(i, i + UNIT);
    const records = unit.map(({ step, outboxKey }) => ({
      stepKey: step.key,
      evaluationId: step.evaluationId,
      person: step.person,
      step: step.step,
      day: step.day,
      outboxKey,
      dueAt: step.dueAt.toISOString(),
      plannedAt: at,
    }));
    const messages = unit.map(({ step, evaluation, outboxKey }): OutboxMessage => {
      const message = renderStep(step, evaluation, deps.calendar);
      return { dedupeKey: outboxKey, tenantKey: evaluation.tenantKey ?? '', evaluationId: evaluation.id, ...message, notBefore: at };
    });
    await atomic(deps.db, [...recordPlannedSteps(deps.db, records), ...enqueueOutboxMany(deps.db, messages, at)].map((query) => ({ query })));
  }
  return fresh.length;
}

/**
 * Reminder rows still pending from an earlier run (a failed send waiting to retry) must not go out
 * once they are no longer due: cancelled when the evaluation stopped collecting or the step is past or
 * moot; held until the window opens when it is quiet hours for that evaluation.
 */
async function settleStaleReminders(
  deps: SchedulerDeps,
  snapshots: EvaluationSnapshot[],
  due: readonly DueStep[],
  now: Date,
): Promise<{ cancelled: number; deferred: number }> {
  const pending = await listPendingReminders(deps.db);
  const dueSteps = new Set(due.map((d) => d.step.key));
  const dueKeys = new Set(due.map((d) => d.outboxKey));
  const byId = new Map(snapshots.map((s) => [s.id, s]));
  const cancel: number[] = [];
  const defer = new Map<string, number[]>();
  for (const row of pending) {
    if ((row.step_key !== null && dueSteps.has(row.step_key)) || dueKeys.has(row.dedupe_key)) continue;
    const evaluation = row.evaluation_id ? byId.get(row.evaluation_id) : undefined;
    if (evaluation && !isSendable(now, deps.calendar, evaluation.settings.window)) {
      const until = nextSendable(now, deps.calendar, evaluation.settings.window).toISOString();
      defer.set(until, [...(defer.get(until) ?? []), row.id]);
    } else {
      cancel.push(row.id);
    }
  }
  await cancelOutboxRows(deps.db, cancel, 'no longer due');
  for (const [until, ids] of defer) await deferOutboxRows(deps.db, ids, until);
  return { cancelled: cancel.length, deferred: [...defer.values()].reduce((s, ids) => s + ids.length, 0) };
}
