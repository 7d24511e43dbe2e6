import type { Kysely } from 'kysely';
import type { Database } from '../../database';
import type { Selectable } from 'kysely';
import type { CardMessagesTable } from '../../tables/core';

/** Cards we sent and may patch later: the group's progress card, an owner's entry cards, review batches. */

export type CardMessageRow = Selectable<CardMessagesTable>;

export function recordCardMessage(
  db: Kysely<Database>,
  row: { messageId: string; evaluationId: string; kind: string; recipientId: string; itemId?: string | null; at: string },
) {
  return db
    .insertInto('card_messages')
    .values({
      message_id: row.messageId,
      evaluation_id: row.evaluationId,
      kind: row.kind,
      recipient_id: row.recipientId,
      indicator_id: row.itemId ?? null,
      created_at: row.at,
    })
    .onConflict((oc) => oc.column('message_id').doNothing());
}

export function listCardMessages(
  db: Kysely<Database>,
  evaluationId: string,
  filter: { kind?: string; recipientId?: string } = {},
): Promise<CardMessageRow[]> {
  let q = db.selectFrom('card_messages').selectAll().where('evaluation_id', '=', evaluationId);
  if (filter.kind !== undefined) q = q.where('kind', '=', filter.kind);
  if (filter.recipientId !== undefined) q = q.where('recipient_id', '=', filter.recipientId);
  return q.orderBy('created_at').orderBy('message_id').execute();
}

/** The newest card each person received for this evaluation (what the deadline-day 加急 buzzes). */
export async function latestCardPerRecipient(db: Kysely<Database>, evaluationId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('card_messages')
    .select(['recipient_id', 'message_id'])
    .where('evaluation_id', '=', evaluationId)
    .orderBy('created_at')
    .orderBy('message_id')
    .execute();
  return new Map(rows.map((r) => [r.recipient_id, r.message_id]));
}
