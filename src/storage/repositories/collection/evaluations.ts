import { sql, type Kysely } from 'kysely';
import type { Database } from '../../database';
import type { EvaluationRow, EvaluationStatus, EvaluationsTable } from '../../tables/core';
import type { Insertable } from 'kysely';

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

/** Any change of settings or status bumps the version (the preview card's `rev`). Builder for `atomic`. */
export function bumpEvaluation(db: Kysely<Database>, id: string, changes: { deadline?: string; updated_at: string }) {
  return db
    .updateTable('evaluations')
    .set({ ...changes, version: sql<number>`version + 1` })
    .where('id', '=', id);
}

/** 开始收集: draft → collecting (guarded, so a double click starts it once). Builder for `atomic`. */
export function startCollectingRow(db: Kysely<Database>, id: string, at: string) {
  return db
    .updateTable('evaluations')
    .set({ status: 'collecting', updated_at: at, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('status', '=', 'draft');
}

/** 锁定: collecting or reviewing → final. Builder for `atomic`. */
export function lockEvaluationRow(db: Kysely<Database>, id: string, actor: string, at: string) {
  return db
    .updateTable('evaluations')
    .set({ status: 'final', locked_at: at, locked_by: actor, updated_at: at, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('status', 'in', ['collecting', 'reviewing']);
}

/** From now on every change carries a 变更 notice. Builder for `atomic`. */
export function markSummaryPostedRow(db: Kysely<Database>, id: string, at: string) {
  return db.updateTable('evaluations').set({ summary_posted_at: at, updated_at: at }).where('id', '=', id);
}

/** The group's progress card, patched in place by later answers. */
export async function setProgressMessageId(db: Kysely<Database>, id: string, messageId: string, at: string): Promise<void> {
  await db.updateTable('evaluations').set({ progress_message_id: messageId, updated_at: at }).where('id', '=', id).execute();
}

/** Name, deadline and tenant of some evaluations (oldest first), without their rows. */
export function listEvaluationHeads(db: Kysely<Database>, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('evaluations').select(['id', 'project_name', 'deadline', 'tenant_key']).where('id', 'in', ids).orderBy('created_at').execute();
}

/** The group chats of some evaluations (those bound to one), once each. */
export async function listChatsOfEvaluations(db: Kysely<Database>, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('evaluations').select('chat_id').distinct().where('id', 'in', ids).where('chat_id', 'is not', null).execute();
  return rows.map((r) => r.chat_id!);
}

/**
 * Groups of a tenant's evaluations a person imported, administers or answers in, newest first (where a
 * sheet sent by DM may go).
 */
export async function listGroupsOfPerson(db: Kysely<Database>, req: { tenantKey: string; openId: string; limit: number }) {
  return db
    .selectFrom('evaluations')
    .select(['evaluations.chat_id', 'evaluations.project_name'])
    .where('evaluations.tenant_key', '=', req.tenantKey)
    .where('evaluations.chat_id', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('evaluations.importer_open_id', '=', req.openId),
        eb.exists(eb.selectFrom('evaluation_admins').select('evaluation_admins.open_id').whereRef('evaluation_admins.evaluation_id', '=', 'evaluations.id').where('evaluation_admins.open_id', '=', req.openId)),
        eb.exists(eb.selectFrom('indicators').select('indicators.id').whereRef('indicators.evaluation_id', '=', 'evaluations.id').where('indicators.owner_open_id', '=', req.openId)),
      ]),
    )
    .orderBy('evaluations.created_at', 'desc')
    .limit(req.limit)
    .execute();
}

/** Every tenant known to the database (the CLI picks the only one). */
export async function listTenantKeys(db: Kysely<Database>): Promise<string[]> {
  return (await db.selectFrom('tenants').select('tenant_key').execute()).map((r) => r.tenant_key);
}
