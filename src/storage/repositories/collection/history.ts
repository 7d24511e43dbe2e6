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
