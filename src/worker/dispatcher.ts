import type { Kysely } from 'kysely';
import { COLLECTION_ACTION_NAMES, registerCollectionHandlers } from '../handlers/register';
import type { Clock } from '../platform/clock';
import type { Database } from '../storage/database';
import type { LarkClient } from '../transport/contract';
import { createDispatcher, type Dispatcher } from '../transport/dispatcher';
import type { Logger } from '../transport/log';
import { workerLater } from './background';
import { tableReaders } from './table-readers';

export interface FeatureDeps {
  db: Kysely<Database>;
  lark: LarkClient;
  clock: Clock;
  log: Logger;
}

/** The Worker's dispatcher with every feature's handlers, registered exactly as the Node server does. */
export function createWorkerDispatcher(deps: FeatureDeps): Dispatcher<string> {
  const dispatcher = createDispatcher<string>([...COLLECTION_ACTION_NAMES]);
  registerCollectionHandlers(dispatcher, { ...deps, tables: tableReaders, later: workerLater(deps.log) });
  return dispatcher;
}
