import type { Kysely } from 'kysely';
import { atomic } from '../../../storage/atomic';
import type { Database } from '../../../storage/database';
import { releaseLease, tryAcquireLease } from '../../../storage/repositories/reminders/lease';
import { cancelOutboxRows, deferOutboxRows, listPendingByPrefix } from '../../../storage/repositories/reminders/outbox-drain';
import { existingStepKeys } from '../../../storage/repositories/reminders/steps';
import type { LarkClient } from '../../../transport/contract';
import { type Logger, silentLogger } from '../../../platform/log';
import { isSendable, nextSendable } from './calendar/quiet-hours';
import type { WorkCalendar } from './calendar/work-calendar';
import { type DrainReport, drainOutbox } from './drain-outbox';
import { planLadder } from './ladder/plan-ladder';
import type { EvaluationSnapshot, PlannedStep } from './ladder/types';
import { REMINDER_KEY_PREFIX, reminderOutboxKey } from './outbox-key';
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
    const { cancelled, deferred } = await settleStaleReminders(deps, snapshots, new Set(due.map((d) => d.outboxKey)), now);

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

/** Every ladder step due at `now` across the evaluations, with its outbox key (also used by `tick --dry-run`). */
export async function planDueSteps(snapshots: readonly EvaluationSnapshot[], now: Date, calendar: WorkCalendar): Promise<DueStep[]> {
  const planned = snapshots.flatMap((evaluation) => planLadder(evaluation, now, calendar).map((step) => ({ step, evaluation })));
  // Digests all at once: WebCrypto is asynchronous, one at a time it costs ~0.25 ms per key on Node.
  const keys = await Promise.all(planned.map(({ step }) => reminderOutboxKey(step.key)));
  return planned.map((p, i) => ({ ...p, outboxKey: keys[i]! }));
}

/**
 * The new steps and their outbox rows, written in units of a few dozen steps: each unit is atomic
 * (records and rows together) and both inserts are keyed, so a repeat inserts nothing. Multi-row
 * inserts keep each statement under D1's 100 bound parameters.
 */
async function writeNewSteps(deps: SchedulerDeps, due: DueStep[], now: Date): Promise<number> {
  const known = await existingStepKeys(deps.db, due.map((d) => d.step.key));
  const fresh = due.filter((d) => !known.has(d.step.key));
  const at = now.toISOString();
  const STEP_ROWS = 11; // 8 columns each
  const OUTBOX_ROWS = 7; // 12 columns each
  const UNIT = STEP_ROWS * OUTBOX_ROWS;
  for (let i = 0; i < fresh.length; i += UNIT) {
    const unit = fresh.slice(i, i + UNIT);
    const records = unit.map(({ step, outboxKey }) => ({
      step_key: step.key,
      evaluation_id: step.evaluationId,
      person: step.person,
      step: step.step,
      day: step.day,
      outbox_key: outboxKey,
      due_at: step.dueAt.toISOString(),
      planned_at: at,
    }));
    const rows = unit.map(({ step, evaluation, outboxKey }) => {
      const message = renderStep(step, evaluation, deps.calendar);
      return {
        dedupe_key: outboxKey,
        tenant_key: evaluation.tenantKey ?? '',
        evaluation_id: evaluation.id,
        receive_id_type: message.receiveIdType,
        receive_id: message.receiveId,
        msg_type: message.msgType,
        content_json: JSON.stringify(message.content),
        not_before: at,
        last_error: null,
        message_id: null,
        created_at: at,
        sent_at: null,
      };
    });
    await atomic(deps.db, [
      ...chunks(records, STEP_ROWS).map((values) => ({
        query: deps.db.insertInto('reminder_steps').values(values).onConflict((oc) => oc.column('step_key').doNothing()),
      })),
      ...chunks(rows, OUTBOX_ROWS).map((values) => ({
        query: deps.db.insertInto('outbox').values(values).onConflict((oc) => oc.column('dedupe_key').doNothing()),
      })),
    ]);
  }
  return fresh.length;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Reminder rows still pending from an earlier run (a failed send waiting to retry) must not go out
 * once they are no longer due: cancelled when the evaluation stopped collecting or the step is past or
 * moot; held until the window opens when it is quiet hours for that evaluation.
 */
async function settleStaleReminders(
  deps: SchedulerDeps,
  snapshots: EvaluationSnapshot[],
  dueKeys: Set<string>,
  now: Date,
): Promise<{ cancelled: number; deferred: number }> {
  const pending = await listPendingByPrefix(deps.db, REMINDER_KEY_PREFIX);
  const byId = new Map(snapshots.map((s) => [s.id, s]));
  const cancel: number[] = [];
  const defer = new Map<string, number[]>();
  for (const row of pending) {
    if (dueKeys.has(row.dedupe_key)) continue;
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
