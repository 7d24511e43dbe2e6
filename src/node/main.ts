/**
 * `npm start`: the bot on Node. Parses the configuration, opens SQLite, builds the Hono app and serves it
 * on PORT, runs the durable event queue, and in `LARK_EVENT_MODE=ws` also the long connection.
 * Keep this a wiring file: the bot itself is wired in src/bot.ts, its features listed in src/features/register.ts.
 */
import { serve } from '@hono/node-server';
import { createBot } from '../bot';
import { ConfigError, parseConfig, type Config } from '../config';
import { createFakeLark } from '../fake-lark';
import { adjustableClock, systemClock } from '../platform/clock';
import { groupCommitWrites } from '../storage/repositories/transport/group-commit';
import { createLarkClient, type FullLarkClient } from '../transport/client';
import { startEveryMinute } from '../features/reminders';
import { consoleLogger } from '../platform/log';
import { createNodeCrypto } from './crypto-node';
import { createJobQueue, startInboxSweeper } from './job-queue';
import { openSqlite } from './sqlite';
import { startLongConnection } from './ws-client';
import { startLocalWorkspace } from './workspace';

let config: Config;
try {
  config = parseConfig(process.env);
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(`配置错误 / configuration error — ${err.message}`);
    process.exit(1);
  }
  throw err;
}

const log = consoleLogger;
// local workspace (src/workspace): in local mode time can be moved forward to the next reminder
const localClock = config.mode === 'local' ? adjustableClock() : null;
const clock = localClock ?? systemClock;
const crypto = createNodeCrypto();
const { db, close: closeDb } = await openSqlite(config.dbPath);

// Local mode (no Lark app configured): an embedded fake Lark stands in for the Open Platform, and signs
// and encrypts its events and card callbacks as Lark does, so they pass the same verification.
const localFake = config.mode === 'local' ? createFakeLark({ crypto, clock }) : null;
if (localFake) {
  config = {
    ...config,
    lark: { ...config.lark, appId: localFake.appId, appSecret: localFake.appSecret, verificationToken: localFake.verificationToken, encryptKey: localFake.encryptKey },
  };
}
const lark: FullLarkClient = createLarkClient({
  baseUrl: localFake ? 'http://fake.lark.local' : config.lark.baseUrl,
  appId: config.lark.appId!,
  appSecret: config.lark.appSecret!,
  clock,
  ...(localFake ? { fetch: localFake.fetch } : {}),
});

// The bot is wired once, for Node, local mode, the Worker and the tests alike (src/bot.ts).
const queue = createJobQueue({ concurrency: 4, log });
const later = (work: () => Promise<void>) => queue.enqueue(work);
const { app, dispatcher, processor, inbox, cards, calendar } = createBot({
  config,
  crypto,
  clock,
  db,
  lark,
  log,
  later,
  writes: groupCommitWrites(db),
  ...(localFake ? { botOpenId: localFake.botOpenId } : {}),
});
if (localFake) localFake.connect({ fetch: (req) => app.fetch(req) });

const sweeper = startInboxSweeper({ processor, inbox, cards, clock, log });
await sweeper.ready;
// local workspace (src/workspace): the browser page over the embedded fake, local mode only
const workspace = localFake && localClock ? await startLocalWorkspace({ fake: localFake, bot: app, db, lark, calendar, clock: localClock, log, dbPath: config.dbPath }) : null;

// Reminders: runDueJobs every minute; the database lease keeps several instances from overlapping.
const scheduler = startEveryMinute({
  db,
  lark,
  clock,
  log,
  calendar,
  holder: `node:${process.pid}:${crypto.randomUUID().slice(0, 8)}`,
});

const ws =
  config.lark.eventMode === 'ws'
    ? startLongConnection({
        config,
        clock,
        log,
        dispatcher,
        inbound: { inbox, processor },
        card: { cards, dispatcher, lark, crypto, clock, log, budgetMs: config.cardBudgetMs },
        later,
      })
    : null;

// local workspace (src/workspace): served on 127.0.0.1 only
const server = serve({ fetch: workspace?.fetch ?? app.fetch, port: config.port, ...(workspace ? { hostname: '127.0.0.1' } : {}) }, (info) => {
  log.info('jixiao listening', {
    port: info.port,
    mode: config.mode,
    eventMode: config.lark.eventMode,
    baseUrl: localFake ? 'embedded fake Lark' : config.lark.baseUrl,
    webhooks: ['/webhook/event', '/webhook/card'],
  });
  if (localFake) {
    // A plain line for the person who just typed `npm start`, next to the JSON log lines meant for machines.
    console.log(
      `本地模式 local mode：未配置飞书应用，机器人连接的是内置的模拟飞书。在浏览器打开 http://127.0.0.1:${info.port}/ 试用（卡片样式：http://127.0.0.1:${info.port}/cards）。` +
        '连接真实应用：设置 LARK_APP_ID、LARK_APP_SECRET、LARK_VERIFICATION_TOKEN、LARK_ENCRYPT_KEY 后重新 npm start（见 README「Connecting a Lark app」）；' +
        '先看完整流程：npm run demo。',
    );
  }
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info('shutting down', { signal });
  ws?.stop();
  await workspace?.stop();
  sweeper.stop();
  await scheduler.stop();
  server.close();
  // Unfinished events stay in the inbox and are recovered on the next start.
  await Promise.race([queue.idle(), new Promise((r) => setTimeout(r, 5000))]);
  await closeDb();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

