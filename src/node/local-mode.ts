import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { createApp } from '../app';
import { parseConfig, type Config } from '../config';
import { createFakeLark, type FakeLark } from '../fake-lark';
import { listenFakeLark } from '../fake-lark/listen';
import { COLLECTION_ACTION_NAMES, registerCollectionHandlers, type CollectionHandlerDeps } from '../handlers/register';
import { importTableReaders } from '../handlers/table-readers';
import { systemClock, type Clock } from '../platform/clock';
import type { Database } from '../storage/database';
import { inboundEventsRepository } from '../storage/repositories/transport/inbound-events';
import { createLarkClient, type FullLarkClient } from '../transport/client';
import { createDispatcher, type Dispatcher } from '../transport/dispatcher';
import { createEventProcessor } from '../transport/inbound/process-event';
import type { RunInBackground } from '../transport/inbound/background';
import { errorFields, type Logger } from '../transport/log';
import { createNodeCrypto } from './crypto-node';

/**
 * Local mode: the whole bot — verified webhooks, dispatcher, the collection and summary flows, SQLite —
 * against a Lark that lives in this process (`src/fake-lark`). Events and card callbacks are signed and
 * encrypted exactly as Lark sends them, so what works here works against a real tenant. `npm run demo`
 * and `npm start` without a Lark app both run on it.
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
  const dispatcher = createDispatcher<string>(COLLECTION_ACTION_NAMES);
  const processor = createEventProcessor({ inbox: inboundEventsRepository(db), dispatcher, clock, log });

  // Background work (event handling after the 200, follow-up sends after a card answer) is tracked so
  // `settle()` can wait for it: the demo prints each step only once its messages have arrived.
  const running = new Set<Promise<void>>();
  const track = (p: Promise<void>) => {
    running.add(p);
    void p.finally(() => running.delete(p));
  };
  const runInBackground: RunInBackground = (work) => track(work().catch((err) => log.error('background work failed', errorFields(err))));
  const app = createApp({ config, crypto, clock, db, dispatcher, lark, runInBackground, processor, log });
  fake.connect({ fetch: (request) => app.fetch(request) });

  const deps: CollectionHandlerDeps = {
    db,
    clock,
    lark,
    tables: importTableReaders,
    log,
    botOpenId: fake.botOpenId,
    later: (work) => track(work().catch((err) => log.error('follow-up failed', errorFields(err)))),
  };
  registerCollectionHandlers(dispatcher, deps);

  return {
    fake,
    app,
    lark,
    dispatcher,
    db,
    clock,
    config,
    async settle() {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}

/** What `npm start` prints when no Lark app is configured. */
export function localModeBanner(urls: { bot: string; fake: string }): string {
  return [
    '本地模式：未配置飞书应用（LARK_APP_ID / LARK_APP_SECRET），已启动内置的模拟飞书，无需飞书租户。',
    `  机器人：${urls.bot}　模拟飞书开放平台：${urls.fake}　完整演示：npm run demo`,
    '接入真实飞书应用：在 .env 或环境变量中设置 LARK_APP_ID、LARK_APP_SECRET（webhook 模式另需 LARK_ENCRYPT_KEY、LARK_VERIFICATION_TOKEN）后重新运行 npm start。',
  ].join('\n');
}

/**
 * `npm start` without a Lark app: serves the bot on `config.port` and the embedded fake Lark's Open
 * Platform API on a free local port, and says so. Returns a function that stops both.
 */
export async function startLocalMode(opts: {
  config: Config;
  db: Kysely<Database>;
  log: Logger;
  print?: (text: string) => void;
}): Promise<{ close: () => Promise<void>; bot: LocalBot }> {
  const bot = await createLocalBot({ db: opts.db, log: opts.log });
  const fakeServer = await listenFakeLark(bot.fake);
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: bot.app.fetch, hostname: '127.0.0.1', port: opts.config.port }, () => resolve(s));
    s.once('error', reject);
  });
  (opts.print ?? ((t: string) => process.stdout.write(`${t}\n`)))(localModeBanner({ bot: `http://127.0.0.1:${opts.config.port}`, fake: fakeServer.baseUrl }));
  return {
    bot,
    close: async () => {
      await new Promise<void>((done) => server.close(() => done()));
      await fakeServer.close();
      await bot.settle();
    },
  };
}
