import { sql, type Kysely } from 'kysely';
import type { Database } from '../../database';

/**
 * While answers come in, an evaluation is `collecting` as long as any row waits for its owner
 * (pending or returned) and `reviewing` once every row has an answer. Computed inside the statement,
 * not in JS, so two owners submitting the last two rows at once still leave it `reviewing`.
 * Draft and final evaluations are left alone.
 */
export function recomputeStatus(db: Kysely<Database>, evaluationId: string, at: string) {
  return db
    .updateTable('evaluations')
    .set({
      status: statusFromRows(evaluationId),
      updated_at: at,
    })
    .where('id', '=', evaluationId)
    .where('status', 'in', ['collecting', 'reviewing']);
}

/** Same rule for leaving `final` (reopen). */
export function reopenStatus(db: Kysely<Database>, evaluationId: string, at: string) {
  return db
    .updateTable('evaluations')
    .set({
      status: statusFromRows(evaluationId),
      locked_at: null,
      locked_by: null,
      updated_at: at,
      version: sql<number>`version + 1`,
    })
    .where('id', '=', evaluationId)
    .where('status', '=', 'final');
}

/** `collecting` while any row waits for its owner (pending or returned), else `reviewing` (see `isOpenStatus`). */
function statusFromRows(evaluationId: string) {
  return sql<'collecting' | 'reviewing'>`CASE WHEN EXISTS (SELECT 1 FROM indicator_values WHERE evaluation_id = ${evaluationId} AND status IN ('pending', 'returned')) THEN 'collecting' ELSE 'reviewing' END`;
}
