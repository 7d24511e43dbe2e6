import { CompiledQuery, type Kysely } from 'kysely';
import { directWrites, type WriteExecutor } from './group-commit';
import type { Database } from '../../database';
import type { CardActionStatus } from '../../tables/transport';

export interface CardActionRecord {
  dedupeKey: string;
  eventId: string;
  status: CardActionStatus;
  response: string | null;
}

/** Card interactions already seen, so a double-click or a replayed callback applies once. */
export function cardActionsRepository(db: Kysely<Database>, write: WriteExecutor = directWrites(db)) {
  return {
    /** True if this interaction is new (now `running`); false if its key was seen before. */
    async begin(a: { dedupeKey: string; eventId: string; operatorOpenId: string; openMessageId: string; action: string }, now: Date): Promise<boolean> {
      // Hand-written SQL: this runs on every card click, and compiling the builder costs more than executing it.
      const r = await write(
        CompiledQuery.raw(
          `INSERT INTO lark_card_actions (dedupe_key, event_id, operator_open_id, open_message_id, action, status, response, received_at, finished_at)
           VALUES (?, ?, ?, ?, ?, 'running', NULL, ?, NULL) ON CONFLICT DO NOTHING`,
          [a.dedupeKey, a.eventId, a.operatorOpenId, a.openMessageId, a.action, now.toISOString()],
        ),
      );
      return Number(r.numAffectedRows ?? 0) === 1;
    },

    /** The earlier interaction a duplicate collided with. */
    async find(dedupeKey: string): Promise<CardActionRecord | null> {
      const row = await db
        .selectFrom('lark_card_actions')
        .select(['dedupe_key', 'event_id', 'status', 'response'])
        .where('dedupe_key', '=', dedupeKey)
        .executeTakeFirst();
      return row ? { dedupeKey: row.dedupe_key, eventId: row.event_id, status: row.status, response: row.response } : null;
    },

    /** The handler finished; `response` is what a repeated click is answered with. */
    async finish(dedupeKey: string, response: string | null, now: Date): Promise<void> {
      await write(
        CompiledQuery.raw("UPDATE lark_card_actions SET status = 'done', response = ?, finished_at = ? WHERE dedupe_key = ?", [response, now.toISOString(), dedupeKey]),
      );
    },

    /** A handler failure frees the key so the user can press again. */
    async release(dedupeKey: string): Promise<void> {
      await db.deleteFrom('lark_card_actions').where('dedupe_key', '=', dedupeKey).execute();
    },

    async prune(before: Date): Promise<number> {
      const r = await db.deleteFrom('lark_card_actions').where('received_at', '<', before.toISOString()).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}

export type CardActionsRepository = ReturnType<typeof cardActionsRepository>;
