import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { createBot } from '../bot';
import { parseConfig, type Config } from '../config';
import { createFakeLark, type FakeLark } from '../fake-lark';
import { trackedLater } from '../features/shared/later';
import { systemClock, type Clock } from '../platform/clock';
import type { Logger } from '../platform/log';
import type { Database } from '../storage/database';
import { createLarkClient, type FullLarkClient } from '../transport/client';
import type { Dispatcher } from '../transport/dispatcher';
import { createNodeCrypto } from './crypto-node';

/**
 * The whole bot — verified webhooks, dispatcher, the collection, summary and reminder flows, SQLite —
 * against a Lark that lives in this process (`src/fake-lark`), with every background task tracked so a
 * script can wait for it. Events and card callbacks are signed and encrypted exactly as Lark sends
 * them, so what works here works against a real tenant. `npm run demo` runs on it; `npm start` without
 * a Lark app runs the same embedded fake behind a real port (main.ts).
 */
export interface LocalBot {
  fake: FakeLark;
  app: Hono;
  lark: FullLarkClient;
  dispatcher: Dispatcher<string>;
  db: Kysely<Database>;
  clock: Clock;
  config: Config;
  /** Waits until every event handler and follow-up send started so far has finished. */
  settle(): Promise<void>;
}

export async function createLocalBot(opts: { db: Kysely<Database>; log: Logger; clock?: Clock; botName?: string }): Promise<LocalBot> {
  const clock = opts.clock ?? systemClock;
  const { db, log } = opts;
  const crypto = createNodeCrypto();
  const fake = createFakeLark({ crypto, clock, botName: opts.botName ?? '绩效自评助手', tenantKey: 'tenant_local' });
  const baseUrl = 'http://fake.lark';
  const config = parseConfig(fake.env(baseUrl));
  const lark = createLarkClient({ baseUrl, appId: fake.appId, appSecret: fake.appSecret, fetch: fake.fetch, clock });

  // Background work (event handling after the 200, follow-up sends after a card answer) is tracked so
  // `settle()` can wait for it: the demo prints each step only once its messages have arrived.
  const { later, settle } = trackedLater(log);
  const { app, dispatcher } = createBot({ config, crypto, clock, db, lark, log, later, botOpenId: fake.botOpenId });
  fake.connect({ fetch: (request) => app.fetch(request) });

  return {
    fake,
    app,
    lark,
    dispatcher,
    db,
    clock,
    config,
    settle,
  };
}
