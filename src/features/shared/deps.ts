import type { Kysely } from 'kysely';
import type { EvaluationInput } from '../../domain/evaluation';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../storage/database';
import type { LarkClient } from '../../transport/contract';
import type { Logger } from '../../platform/log';

/** What reading a sheet gave: an evaluation, or a Chinese message saying what is wrong with the sheet. */
export type ReadOutcome =
  | { ok: true; input: EvaluationInput; deadline?: string | null }
  | { ok: false; message: string };

/** The table readers of the import feature, injected so handlers stay testable without real sheets. */
export interface TableReaders {
  readFile(bytes: Uint8Array, fileName: string): Promise<ReadOutcome>;
  readPasted(text: string): Promise<ReadOutcome>;
  /** The project's own simple template as .xlsx (`模板`). */
  template(): Promise<{ fileName: string; bytes: Uint8Array }>;
}

export interface CollectionHandlerDeps {
  db: Kysely<Database>;
  clock: Clock;
  lark: LarkClient;
  tables: TableReaders;
  log: Logger;
  /**
   * The bot's own open_id, to tell an @mention of the bot from one of a colleague. Without it every
   * group message that reaches us is taken as addressed to us (true when the app only holds the
   * "messages that @mention the bot" scope).
   */
  botOpenId?: string;
  /**
   * Runs follow-up sends (progress patch, review cards, DMs) after a card callback has been answered,
   * so the 3 s callback budget is spent on the committed write only. Defaults to a detached promise.
   */
  later?: (work: () => Promise<void>) => void;
}
