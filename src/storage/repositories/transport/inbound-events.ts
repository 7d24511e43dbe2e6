import type { Kysely } from 'kysely';
import { directWrites, type WriteExecutor } from './group-commit';
import type { Database } from '../../database';
import type { InboundEventStatus } from '../../tables/transport';

export interface InboundEventRow {
  eventId: string;
  eventType: string;
  tenantKey: string;
  payload: string;
  status: InboundEventStatus;
  attempts: number;
}

/**
 * The inbox of Lark events: `record` is the dedupe check and the durable enqueue in one INSERT, done
 * before the webhook answers 200; the queue worker then claims, finishes or reschedules each row.
 */
/** How long a claimed event may run before a sweep takes it for dead (Workers' waitUntil ends after ~30 s). */
export const CLAIM_LEASE_MS = 10 * 60_000;

export function inboundEventsRepository(db: Kysely<Database>, write: WriteExecutor = directWrites(db)) {
  return {
    /** True if this event id is new (and is now recorded as pending); false for a duplicate. */
    async record(e: { eventId: string; eventType: string; tenantKey: string; payload: string; chatId?: string | null; status?: InboundEventStatus }, now: Date): Promise<boolean> {
      const r = await write(
        db
          .insertInto('lark_inbound_events')
          .values({
            event_id: e.eventId,
            event_type: e.eventType,
            tenant_key: e.tenantKey,
            payload: e.payload,
            chat_id: e.chatId ?? null,
            status: e.status ?? 'pending',
            received_at: now.toISOString(),
            next_attempt_at: now.toISOString(),
            finished_at: e.status === 'ignored' ? now.toISOString() : null,
          })
          .onConflict((oc) => oc.column('event_id').doNothing()),
      );
      return Number(r.numAffectedRows ?? 0) === 1;
    },

    /**
     * Moves a pending/failed row to running; false if another worker already has it or it is finished.
     * While running, `next_attempt_at` is the claim's expiry: a run that has not finished by then died with
     * its isolate or process, and `requeueStale` hands the event to the next sweep.
     */
    async claim(eventId: string, now: Date, leaseMs = CLAIM_LEASE_MS): Promise<InboundEventRow | null> {
      const r = await db
        .updateTable('lark_inbound_events')
        .set((eb) => ({ status: 'running', attempts: eb('attempts', '+', 1), next_attempt_at: new Date(now.getTime() + leaseMs).toISOString() }))
        .where('event_id', '=', eventId)
        .where('status', 'in', ['pending', 'failed'])
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return null;
      const row = await db.selectFrom('lark_inbound_events').selectAll().where('event_id', '=', eventId).executeTakeFirstOrThrow();
      return {
        eventId: row.event_id,
        eventType: row.event_type,
        tenantKey: row.tenant_key,
        payload: row.payload,
        status: row.status,
        attempts: row.attempts,
      };
    },

    async finish(eventId: string, status: 'done' | 'ignored', now: Date): Promise<void> {
      await write(db.updateTable('lark_inbound_events').set({ status, finished_at: now.toISOString(), last_error: null }).where('event_id', '=', eventId));
    },

    /** A failed attempt: retried at `nextAttemptAt`, or given up (`nextAttemptAt` null) after the last try. */
    async fail(eventId: string, error: string, nextAttemptAt: Date | null, now: Date): Promise<void> {
      await db
        .updateTable('lark_inbound_events')
        .set({
          status: 'failed',
          last_error: error.slice(0, 2000),
          next_attempt_at: nextAttemptAt ? nextAttemptAt.toISOString() : null,
          finished_at: nextAttemptAt ? null : now.toISOString(),
        })
        .where('event_id', '=', eventId)
        .execute();
    },

    /** Rows to (re)run: pending ones and failed ones whose retry time has come. */
    async due(now: Date, opts: { limit?: number } = {}): Promise<string[]> {
      const rows = await db
        .selectFrom('lark_inbound_events')
        .select('event_id')
        .where('status', 'in', ['pending', 'failed'])
        .where('next_attempt_at', 'is not', null)
        .where('next_attempt_at', '<=', now.toISOString())
        .orderBy('received_at')
        .limit(opts.limit ?? 100)
        .execute();
      return rows.map((r) => r.event_id);
    },

    /**
     * Rows whose run outlived its claim go back to pending. On Workers several isolates process events at
     * once, so only an expired claim (not merely `running`) tells a dead run from a live one; the cron calls this.
     */
    async requeueStale(now: Date): Promise<number> {
      const r = await db
        .updateTable('lark_inbound_events')
        .set({ status: 'pending' })
        .where('status', '=', 'running')
        .where('next_attempt_at', '<=', now.toISOString())
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },

    /** Rows left `running` by a crashed process go back to pending (called once at start-up). */
    async requeueRunning(now: Date): Promise<number> {
      const r = await db
        .updateTable('lark_inbound_events')
        .set({ status: 'pending', next_attempt_at: now.toISOString() })
        .where('status', '=', 'running')
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },

    async get(eventId: string) {
      return db.selectFrom('lark_inbound_events').selectAll().where('event_id', '=', eventId).executeTakeFirst();
    },

    /** Forgets finished rows older than `before` (keep ≥ 8 h: Lark retries for ~7.1 h). */
    async prune(before: Date): Promise<number> {
      const r = await db
        .deleteFrom('lark_inbound_events')
        .where('status', 'in', ['done', 'ignored'])
        .where('received_at', '<', before.toISOString())
        .executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}

export type InboundEventsRepository = ReturnType<typeof inboundEventsRepository>;
