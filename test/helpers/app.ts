import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { createBot } from '../../src/bot';
import { parseConfig, type Config } from '../../src/config';
import { createFakeLark, type FakeLark, type FakeLarkOptions } from '../../src/fake-lark';
import type { FeatureDeps } from '../../src/features/shared/feature';
import { trackedLater } from '../../src/features/shared/later';
import { manualClock, systemClock, type Clock } from '../../src/platform/clock';
import { memoryLogger } from '../../src/platform/log';
import type { Database } from '../../src/storage/database';
import { createLarkClient, type ClientLimits, type FullLarkClient } from '../../src/transport/client';
import { createDispatcher, type Dispatcher } from '../../src/transport/dispatcher';
import type { EventProcessor } from '../../src/transport/inbound/process-event';
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
  /** What the features' handlers are given (the same object `createBot` built). */
  deps: FeatureDeps;
  log: ReturnType<typeof memoryLogger>;
  /** Resolves when all background work started so far (event handling, follow-up sends) has finished. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The bot built by `createBot` — exactly as the server wires it — against an in-process fake Lark (no
 * sockets): events and card callbacks from `bot.fake` go through `app.fetch`, and the app's Lark client
 * calls `fake.fetch`. With `features: true` every feature is registered, as in production; without, the
 * dispatcher is a bare one with `actions` and the test registers its own handlers (transport tests).
 */
export async function createTestBot<A extends string>(
  opts: {
    features?: boolean;
    actions?: readonly A[];
    fake?: FakeLarkOptions;
    env?: Record<string, string>;
    db?: Kysely<Database>;
    clock?: Clock;
    clientLimits?: Partial<ClientLimits>;
  } = {},
): Promise<TestBot<A>> {
  const clock = opts.clock ?? systemClock;
  const fake = createFakeLark({ crypto: testCrypto, clock, ...opts.fake });
  const owned = opts.db ? null : await createTestDb();
  const db = opts.db ?? owned!.db;
  const config = parseConfig({ ...fake.env('http://fake.lark'), ...opts.env });
  const lark = createLarkClient({ baseUrl: 'http://fake.lark', appId: fake.appId, appSecret: fake.appSecret, fetch: fake.fetch, clock, limits: opts.clientLimits });
  const log = memoryLogger();
  const { later, settle } = trackedLater(log);
  const bot = createBot({
    config,
    crypto: testCrypto,
    clock,
    db,
    lark,
    log,
    later,
    ...(opts.features ? { botOpenId: fake.botOpenId } : { dispatcher: createDispatcher<A>(opts.actions ?? ([] as unknown as readonly A[])) }),
  });
  fake.connect({ fetch: (req) => bot.app.fetch(req) });
  return {
    app: bot.app,
    fake,
    lark,
    dispatcher: bot.dispatcher as Dispatcher<A>,
    db,
    config,
    processor: bot.processor,
    deps: bot.deps,
    log,
    idle: settle,
    async close() {
      await settle();
      if (owned) await owned.close();
    },
  };
}

export { manualClock };
