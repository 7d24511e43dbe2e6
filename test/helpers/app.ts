import type { Kysely } from 'kysely';
import type { Hono } from 'hono';
import { createApp } from '../../src/app';
import { parseConfig, type Config } from '../../src/config';
import { createFakeLark, type FakeLark, type FakeLarkOptions } from '../../src/fake-lark';
import { manualClock, systemClock, type Clock } from '../../src/platform/clock';
import type { Database } from '../../src/storage/database';
import { createLarkClient, type ClientLimits, type FullLarkClient } from '../../src/transport/client';
import { createDispatcher, type Dispatcher } from '../../src/transport/dispatcher';
import { createEventProcessor, type EventProcessor } from '../../src/transport/inbound/process-event';
import type { RunInBackground } from '../../src/transport/inbound/background';
import { memoryLogger } from '../../src/platform/log';
import { inboundEventsRepository } from '../../src/storage/repositories/transport/inbound-events';
import { createTestDb } from './db';
import { testCrypto } from './signing';

export interface TestBot<A extends string> {
  app: Hono;
  fake: FakeLark;
  lark: FullLarkClient;
  dispatcher: Dispatcher<A>;
  db: Kysely<Database>;
  config: Config;
  processor: EventProcessor;
  log: ReturnType<typeof memoryLogger>;
  /** Resolves when all background work started so far has finished. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The whole app wired to an in-process fake Lark (no sockets): events and card callbacks from
 * `bot.fake` go through `app.fetch`, and the app's Lark client calls `fake.fetch`. Register handlers on
 * `bot.dispatcher` before sending.
 */
export async function createTestBot<A extends string>(opts: {
  actions?: readonly A[];
  fake?: FakeLarkOptions;
  env?: Record<string, string>;
  db?: Kysely<Database>;
  clock?: Clock;
  clientLimits?: Partial<ClientLimits>;
} = {}): Promise<TestBot<A>> {
  const clock = opts.clock ?? systemClock;
  const fake = createFakeLark({ crypto: testCrypto, clock, ...opts.fake });
  const owned = opts.db ? null : await createTestDb();
  const db = opts.db ?? owned!.db;
  const config = parseConfig({ ...fake.env('http://fake.lark'), ...opts.env });
  const lark = createLarkClient({ baseUrl: 'http://fake.lark', appId: fake.appId, appSecret: fake.appSecret, fetch: fake.fetch, clock, limits: opts.clientLimits });
  const dispatcher = createDispatcher<A>(opts.actions ?? ([] as unknown as readonly A[]));
  const log = memoryLogger();
  const processor = createEventProcessor({ inbox: inboundEventsRepository(db), dispatcher, clock, log });
  const pending = new Set<Promise<void>>();
  const runInBackground: RunInBackground = (work) => {
    const p = work().catch((err) => log.error('background failed', { error: String(err) }));
    pending.add(p);
    void p.finally(() => pending.delete(p));
  };
  const app = createApp({ config, crypto: testCrypto, clock, db, dispatcher, lark, runInBackground, processor, log });
  fake.connect({ fetch: (req) => app.fetch(req) });
  return {
    app,
    fake,
    lark,
    dispatcher,
    db,
    config,
    processor,
    log,
    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    async close() {
      while (pending.size > 0) await Promise.all([...pending]);
      if (owned) await owned.close();
    },
  };
}

export { manualClock };
