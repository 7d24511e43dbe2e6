import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { createBot } from '../bot';
import type { Config } from '../config';
import type { SchedulerDeps } from '../features/reminders';
import type { Clock } from '../platform/clock';
import { createWebCrypto } from '../platform/crypto-web';
import type { Database } from '../storage/database';
import { createLarkClient, type FullLarkClient } from '../transport/client';
import type { Logger } from '../platform/log';
import { openD1 } from './d1-database';
import { type WorkerEnv, workerConfig } from './env';
import { waitUntilLater } from './later';
import type { InboxSweep } from './sweep-inbox';

/** What the Worker builds once per isolate and reuses across requests and cron runs. */
export interface WorkerRuntime {
  config: Config;
  db: Kysely<Database>;
  lark: FullLarkClient;
  app: Hono;
  scheduler: SchedulerDeps;
  inbox: InboxSweep;
}

export interface RuntimeOptions {
  clock: Clock;
  log: Logger;
  /** Outbound fetch for the Lark client (tests: the fake Lark's); the runtime's own fetch otherwise. */
  larkFetch?: typeof fetch;
}

// One Lark client (and with it one tenant-token cache and one rate limiter) per app per isolate, even
// if workerd hands a later request a different `env` object.
const larkClients = new Map<string, FullLarkClient>();

export function buildRuntime(env: WorkerEnv, options: RuntimeOptions): WorkerRuntime {
  const config = workerConfig(env);
  const crypto = createWebCrypto();
  const db = openD1(env.DB);
  const lark = larkClientFor(config, options);
  const { log, clock } = options;
  const bot = createBot({ config, crypto, clock, db, lark, log, later: waitUntilLater(log) });
  const scheduler: SchedulerDeps = {
    db,
    lark,
    calendar: bot.calendar,
    holder: `worker:${crypto.randomUUID()}`,
    log,
    // One cron invocation may make ~1,000 D1 queries and a bounded number of subrequests; each send costs one
    // fetch and about three queries (claim, send, mark). The rest go out on the next minute's run.
    maxSendsPerRun: 250,
  };
  return { config, db, lark, app: bot.app, scheduler, inbox: { processor: bot.processor, inbox: bot.inbox, cards: bot.cards } };
}

function larkClientFor(config: Config, options: RuntimeOptions): FullLarkClient {
  const { appId, appSecret, baseUrl } = config.lark;
  const make = () => createLarkClient({ baseUrl, appId: appId!, appSecret: appSecret!, clock: options.clock, fetch: options.larkFetch });
  // An injected fetch (tests) gets its own client, kept with the runtime of that worker instance.
  if (options.larkFetch) return make();
  const key = JSON.stringify([baseUrl, appId, appSecret]);
  let client = larkClients.get(key);
  if (!client) {
    client = make();
    larkClients.set(key, client);
  }
  return client;
}
