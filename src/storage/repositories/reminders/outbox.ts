import type { Kysely } from 'kysely';
import type { Database } from '../../database';

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

