import type { Kysely } from 'kysely';
import type { Database } from '../../database';
import type { OutboxRow } from '../../tables/core';
import { REMINDER_KEY_PREFIX } from './outbox';

/**
 * The drainer's side of the core `outbox`: claim due rows, then record each result. A claim pushes
 * `not_before` to the claim's expiry and tags `last_error` with `sending:<holder>`, so a second drainer
 * skips the row, and a row still tagged when it comes due again was interrupted mid-send (crash).
 */
export const SENDING_TAG = 'sending:';
const CHUNK = 90; // D1 allows 100 bound parameters per statement

export function listDueOutboxRows(db: Kysely<Database>, now: string, limit: number): Promise<OutboxRow[]> {
  return db
    .selectFrom('outbox')
    .selectAll()
    .where('status', '=', 'pending')
    .where('not_before', '<=', now)
    .orderBy('not_before')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Claims those of `ids` that are still pending and due; returns the ids this caller now owns. */
export async function claimOutboxRows(
  db: Kysely<Database>,
  ids: readonly number[],
  now: string,
  claimUntil: string,
  holder: string,
): Promise<Set<number>> {
  const owned = new Set<number>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .updateTable('outbox')
      .set((eb) => ({ not_before: claimUntil, attempts: eb('attempts', '+', 1), last_error: `${SENDING_TAG}${holder}` }))
      .where('id', 'in', ids.slice(i, i + CHUNK))
      .where('status', '=', 'pending')
      .where('not_before', '<=', now)
      .returning('id')
      .execute();
    for (const r of rows) owned.add(r.id);
  }
  return owned;
}

export function markClaimedSent(db: Kysely<Database>, id: number, messageId: string | null, now: string) {
  return db
    .updateTable('outbox')
    .set({ status: 'sent', message_id: messageId, sent_at: now, last_error: null })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

/** A failed attempt: retried from `retryAt`, or given up (`failed`) when it is null. */
export function markClaimedFailed(db: Kysely<Database>, id: number, error: string, retryAt: string | null) {
  return db
    .updateTable('outbox')
    .set({ last_error: error.slice(0, 1000), ...(retryAt === null ? { status: 'failed' as const } : { not_before: retryAt }) })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

/**
 * Pending reminder rows, for the run to cancel or hold back before it drains, each with the ladder step it
 * was planned for (`step_key`, through `reminder_steps.outbox_key`): the step, not the key, says whether
 * it is still due, so rows queued under an older key scheme are judged the same way.
 */
export function listPendingReminders(
  db: Kysely<Database>,
): Promise<Array<Pick<OutboxRow, 'id' | 'dedupe_key' | 'evaluation_id' | 'not_before'> & { step_key: string | null }>> {
  return db
    .selectFrom('outbox')
    .leftJoin('reminder_steps', 'reminder_steps.outbox_key', 'outbox.dedupe_key')
    .select(['outbox.id', 'outbox.dedupe_key', 'outbox.evaluation_id', 'outbox.not_before', 'reminder_steps.step_key'])
    .where('outbox.status', '=', 'pending')
    .where('outbox.dedupe_key', 'like', `${REMINDER_KEY_PREFIX}%`)
    .execute();
}

/** Ends rows that must not go out any more (the owner finished, went on leave, collection closed). */
export async function cancelOutboxRows(db: Kysely<Database>, ids: readonly number[], reason: string): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK) {
    await db
      .updateTable('outbox')
      .set({ status: 'failed', last_error: `cancelled: ${reason}` })
      .where('id', 'in', ids.slice(i, i + CHUNK))
      .where('status', '=', 'pending')
      .execute();
  }
}

/** Holds rows back until `notBefore` (quiet hours) without counting an attempt. */
export async function deferOutboxRows(db: Kysely<Database>, ids: readonly number[], notBefore: string): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK) {
    await db
      .updateTable('outbox')
      .set({ not_before: notBefore })
      .where('id', 'in', ids.slice(i, i + CHUNK))
      .where('status', '=', 'pending')
      .where('not_before', '<', notBefore)
      .execute();
  }
}
