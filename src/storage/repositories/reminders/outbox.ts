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
  /** `urgent_app`: not a message — the drainer buzzes an earlier card (src/features/reminders/scheduler/render-step.ts). */
  msgType: 'text' | 'post' | 'interactive' | 'file' | 'urgent_app';
  content: unknown;
  /** ISO time before which it must not be sent. */
  notBefore: string;
}

export const MAX_DEDUPE_KEY = 50;

/** Keys of reminder rows (`sendKey('rm', step key)`), as opposed to messages the collection flow queued. */
export const REMINDER_KEY_PREFIX = 'rm-';

/** One message; planning it again is a no-op. Builder returned unexecuted (for `atomic`). */
export function enqueueOutbox(db: Kysely<Database>, message: OutboxMessage, now: string) {
  return db
    .insertInto('outbox')
    .values(toRow(message, now))
    .onConflict((oc) => oc.column('dedupe_key').doNothing());
}

/**
 * Many messages as multi-row inserts of `perStatement` rows (12 columns each: keep the product under
 * D1's 100 bound parameters per statement). Builders returned unexecuted, in order, for `atomic`.
 */
export function enqueueOutboxMany(db: Kysely<Database>, messages: readonly OutboxMessage[], now: string, perStatement = 7) {
  const rows = messages.map((m) => toRow(m, now));
  const statements = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    statements.push(db.insertInto('outbox').values(rows.slice(i, i + perStatement)).onConflict((oc) => oc.column('dedupe_key').doNothing()));
  }
  return statements;
}

function toRow(message: OutboxMessage, now: string) {
  if (message.dedupeKey.length === 0 || message.dedupeKey.length > MAX_DEDUPE_KEY) {
    throw new RangeError(`outbox dedupe key must be 1–${MAX_DEDUPE_KEY} characters: ${message.dedupeKey}`);
  }
  return {
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
  };
}


/** People the collection flow itself queued or sent a message to for this evaluation (not reminders). */
export async function recipientsContactedByCollection(db: Kysely<Database>, evaluationId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('outbox')
    .select('receive_id')
    .distinct()
    .where('evaluation_id', '=', evaluationId)
    .where('receive_id_type', '=', 'open_id')
    .where('dedupe_key', 'not like', `${REMINDER_KEY_PREFIX}%`)
    .execute();
  return new Set(rows.map((r) => r.receive_id));
}
