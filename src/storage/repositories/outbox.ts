import type { Kysely } from 'kysely';
import type { Database } from '../database';
import type { OutboxRow } from '../tables/core';

/**
 * The outbox: messages planned by a change or a job and sent later by whoever drains it. Planning the
 * same `dedupeKey` twice is a no-op (INSERT … ON CONFLICT DO NOTHING); the key doubles as the Lark
 * `uuid` of the send, so it must be ≤ 50 characters.
 */
export interface OutboxMessage {
  dedupeKey: string;
  tenantKey: string;
  evaluationId?: string | null;
  receiveIdType: 'open_id' | 'chat_id' | 'user_id' | 'union_id' | 'email';
  receiveId: string;
  msgType: 'text' | 'post' | 'interactive' | 'file';
  content: unknown;
  /** ISO time before which it must not be sent. */
  notBefore: string;
}

export const MAX_DEDUPE_KEY = 50;

export function enqueueOutbox(db: Kysely<Database>, message: OutboxMessage, now: string) {
  if (message.dedupeKey.length === 0 || message.dedupeKey.length > MAX_DEDUPE_KEY) {
    throw new RangeError(`outbox dedupe key must be 1–${MAX_DEDUPE_KEY} characters: ${message.dedupeKey}`);
  }
  return db
    .insertInto('outbox')
    .values({
      dedupe_key: message.dedupeKey,
      tenant_key: message.tenantKey,
      evaluation_id: message.evaluationId ?? null,
      receive_id_type: message.receiveIdType,
      receive_id: message.receiveId,
      msg_type: message.msgType,
      content_json: JSON.stringify(message.content),
      not_before: message.notBefore,
      last_error: null,
      message_id: null,
      created_at: now,
      sent_at: null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing());
}

/** Pending messages whose time has come, oldest first. */
export function listDueOutbox(db: Kysely<Database>, now: string, limit = 100): Promise<OutboxRow[]> {
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

export function markOutboxSent(db: Kysely<Database>, id: number, messageId: string, now: string) {
  return db
    .updateTable('outbox')
    .set({ status: 'sent', message_id: messageId, sent_at: now, last_error: null })
    .where('id', '=', id)
    .where('status', '=', 'pending');
}

/**
 * Records a failed attempt: retried after `retryAt`, or given up (`failed`) when `retryAt` is null.
 */
export function markOutboxAttemptFailed(db: Kysely<Database>, id: number, error: string, retryAt: string | null) {
  return db
    .updateTable('outbox')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      last_error: error.slice(0, 1000),
      ...(retryAt === null ? { status: 'failed' as const } : { not_before: retryAt }),
    }))
    .where('id', '=', id)
    .where('status', '=', 'pending');
}
