import type { Kysely } from 'kysely';
import type { Database } from '../../database';
import type { EvaluationRow, EvaluationStatus, EvaluationsTable } from '../../tables/core';
import type { Insertable, Updateable } from 'kysely';

/** Queries of `evaluations`, `evaluation_admins` and `tenants`. Builders are returned unexecuted for `atomic`. */

export function getEvaluationRow(db: Kysely<Database>, id: string): Promise<EvaluationRow | undefined> {
  return db.selectFrom('evaluations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The evaluation an earlier run of the same import made, if any (see migrations/0004). */
export async function findEvaluationIdBySource(db: Kysely<Database>, tenantKey: string, sourceKey: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('evaluations')
    .select('id')
    .where('tenant_key', '=', tenantKey)
    .where('source_key', '=', sourceKey)
    .executeTakeFirst();
  return row?.id;
}

export async function listAdmins(db: Kysely<Database>, evaluationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('evaluation_admins')
    .select('open_id')
    .where('evaluation_id', '=', evaluationId)
    .orderBy('added_at')
    .orderBy('open_id')
    .execute();
  return rows.map((r) => r.open_id);
}

export async function isAdmin(db: Kysely<Database>, evaluationId: string, openId: string): Promise<boolean> {
  const row = await db
    .selectFrom('evaluation_admins')
    .select('open_id')
    .where('evaluation_id', '=', evaluationId)
    .where('open_id', '=', openId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Evaluations of a group chat, newest first; `statuses` narrows (e.g. the ones still running). */
export function listEvaluationsInChat(
  db: Kysely<Database>,
  tenantKey: string,
  chatId: string,
  statuses?: readonly EvaluationStatus[],
): Promise<EvaluationRow[]> {
  let q = db.selectFrom('evaluations').selectAll().where('tenant_key', '=', tenantKey).where('chat_id', '=', chatId);
  if (statuses && statuses.length > 0) q = q.where('status', 'in', statuses);
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

export function insertTenantIfMissing(db: Kysely<Database>, tenantKey: string, now: string) {
  return db
    .insertInto('tenants')
    .values({ tenant_key: tenantKey, created_at: now })
    .onConflict((oc) => oc.column('tenant_key').doNothing());
}

export function insertEvaluation(db: Kysely<Database>, row: Insertable<EvaluationsTable>) {
  return db.insertInto('evaluations').values(row);
}

export function insertAdmin(
  db: Kysely<Database>,
  row: { evaluation_id: string; open_id: string; role: 'importer' | 'admin'; added_by: string; added_at: string },
) {
  return db
    .insertInto('evaluation_admins')
    .values(row)
    .onConflict((oc) => oc.columns(['evaluation_id', 'open_id']).doNothing());
}

export function deleteAdmin(db: Kysely<Database>, evaluationId: string, openId: string) {
  return db
    .deleteFrom('evaluation_admins')
    .where('evaluation_id', '=', evaluationId)
    .where('open_id', '=', openId)
    .where('role', '=', 'admin');
}

/** Guarded update: changes the row only while it is still at `expectedVersion`, and bumps the version. */
export function updateEvaluationGuarded(
  db: Kysely<Database>,
  id: string,
  expectedVersion: number,
  changes: Omit<Updateable<EvaluationsTable>, 'id' | 'version'>,
) {
  return db
    .updateTable('evaluations')
    .set({ ...changes, version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion);
}
