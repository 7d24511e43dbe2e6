import type { Kysely } from 'kysely';
import type { Database } from '../../database';

/** 请假至: the current leave of each owner of an evaluation (history keeps every change). */
export async function listLeaves(db: Kysely<Database>, evaluationId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('owner_leaves')
    .select(['open_id', 'until_date'])
    .where('evaluation_id', '=', evaluationId)
    .execute();
  return new Map(rows.map((r) => [r.open_id, r.until_date]));
}

export async function getLeave(db: Kysely<Database>, evaluationId: string, openId: string): Promise<string | null> {
  const row = await db
    .selectFrom('owner_leaves')
    .select('until_date')
    .where('evaluation_id', '=', evaluationId)
    .where('open_id', '=', openId)
    .executeTakeFirst();
  return row?.until_date ?? null;
}

export function upsertLeave(
  db: Kysely<Database>,
  row: { evaluationId: string; openId: string; untilDate: string; reason: string | null; at: string },
) {
  return db
    .insertInto('owner_leaves')
    .values({ evaluation_id: row.evaluationId, open_id: row.openId, until_date: row.untilDate, reason: row.reason, created_at: row.at })
    .onConflict((oc) =>
      oc.columns(['evaluation_id', 'open_id']).doUpdateSet({ until_date: row.untilDate, reason: row.reason, created_at: row.at }),
    );
}
