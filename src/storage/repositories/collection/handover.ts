import type { Kysely } from 'kysely';
import type { Database } from '../../database';
import type { HandoverRequestRow } from '../../tables/scheduler';

/** 转交 requests: created by the owner, decided once by an admin (the `status = 'pending'` guard). */
export function insertHandoverRequest(
  db: Kysely<Database>,
  row: { id: string; evaluationId: string; fromOpenId: string; toOpenId: string; toName: string | null; at: string },
) {
  return db.insertInto('handover_requests').values({
    id: row.id,
    evaluation_id: row.evaluationId,
    from_open_id: row.fromOpenId,
    to_open_id: row.toOpenId,
    to_name: row.toName,
    status: 'pending',
    requested_at: row.at,
    decided_by: null,
    decided_at: null,
  });
}

export function getHandoverRequest(db: Kysely<Database>, id: string): Promise<HandoverRequestRow | undefined> {
  return db.selectFrom('handover_requests').selectAll().where('id', '=', id).executeTakeFirst();
}

export function decideHandoverRequest(
  db: Kysely<Database>,
  id: string,
  decision: 'approved' | 'declined',
  actor: string,
  at: string,
) {
  return db
    .updateTable('handover_requests')
    .set({ status: decision, decided_by: actor, decided_at: at })
    .where('id', '=', id)
    .where('status', '=', 'pending');
}
