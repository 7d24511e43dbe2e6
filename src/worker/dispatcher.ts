import type { Kysely } from 'kysely';
import { COLLECTION_ACTION_NAMES, registerCollectionHandlers } from '../handlers/register';
import { REMINDER_ACTION_NAMES, registerReminderHandlers } from '../handlers/reminders/register';
import { importTableReaders } from '../handlers/table-readers';
import type { WorkCalendar } from '../jobs/calendar';
import type { Clock } from '../platform/clock';
import type { Database } from '../storage/database';
import type { LarkClient } from '../transport/contract';
import { createDispatcher, type Dispatcher } from '../transport/dispatcher';
import type { Logger } from '../transport/log';
import { workerLater } from './background';

export interface FeatureDeps {
  db: Kysely<Database>;
  lark: LarkClient;
  clock: Clock;
  calendar: WorkCalendar;
  log: Logger;
}

/**
 * The Worker's dispatcher with every feature's handlers: the collection flow (whose message router also
 * carries the reminder and summary text commands) and the reminder feature's admin / hand-over buttons.
 */
export function createWorkerDispatcher(deps: FeatureDeps): Dispatcher<string> {
  const dispatcher = createDispatcher<string>([...COLLECTION_ACTION_NAMES, ...REMINDER_ACTION_NAMES]);
  const handlerDeps = { db: deps.db, lark: deps.lark, clock: deps.clock, log: deps.log, tables: importTableReaders, later: workerLater(deps.log) };
  registerCollectionHandlers(dispatcher, handlerDeps);
  registerReminderHandlers(dispatcher, { ...handlerDeps, calendar: deps.calendar });
  return dispatcher;
}
