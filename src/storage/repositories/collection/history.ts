import type { Kysely } from 'kysely';
import type { Database } from '../../database';
import type { HistoryRow } from '../../tables/core';

/** The append-only change log. There is deliberately no update or delete here. */

export interface HistoryEntry {
  evaluationId: string;
  itemId?: string | null;
  /** The value's new version, for value changes (unique per item). */
  version?: number | null;
  action: string;
  actor: string;
  at: string;
  before?: unknown;
  after?: unknown;
  comment?: string | null;
}

export function appendHistory(db: Kysely<Database>, entry: HistoryEntry) {
  return db.insertInto('history').values({
    evaluation_id: entry.evaluationId,
    indicator_id: entry.itemId ?? null,
    version: entry.version ?? null,
    action: entry.action,
    actor_open_id: entry.actor,
    at: entry.at,
    before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
    after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
    comment: entry.comment ?? null,
  });
}

export function listHistory(
  db: Kysely<Database>,
  evaluationId: string,
  itemId?: string,
): Promise<HistoryRow[]> {
  let q = db.selectFrom('history').selectAll().where('evaluation_id', '=', evaluationId);
  if (itemId !== undefined) q = q.where('indicator_id', '=', itemId);
  return q.orderBy('id').execute();
}

/**
 * When collection of the evaluation last started (its newest `start` record: draft → collecting), or
 * null. Searched in SQL, not among the newest N rows: every leave and settings change adds an
 * evaluation-level row, and the start must not fall out of the window.
 */
export async function collectionStartedAt(db: Kysely<Database>, evaluationId: string): Promise<string | null> {
  const start = await db
    .selectFrom('history')
    .select('at')
    .where('evaluation_id', '=', evaluationId)
    .where('indicator_id', 'is', null)
    .where('action', '=', 'start')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return start?.at ?? null;
}
