import type { Kysely } from 'kysely';
import type { Database } from '../../database';
import type { EvaluationRow } from '../../tables/core';

/**
 * The evaluations the reminder ladder runs for: collecting answers, or in review (where a returned row
 * is open again), with a deadline and a group. Oldest first.
 */
export function listCollectingEvaluations(db: Kysely<Database>): Promise<EvaluationRow[]> {
  return db
    .selectFrom('evaluations')
    .selectAll()
    .where('status', 'in', ['collecting', 'reviewing'])
    .where('deadline', 'is not', null)
    .where('chat_id', 'is not', null)
    .orderBy('created_at')
    .execute();
}
