/**
 * `npm start`: the bot on Node. Parses the configuration, opens SQLite, builds the Hono app and serves it
 * on PORT, runs the durable event queue, and in `LARK_EVENT_MODE=ws` also the long connection.
 * Keep this a wiring file: features register their handlers in src/handlers/register-features.ts.
 */
import { serve } from '@hono/node-server';
import { createApp } from '../app';
import { ConfigError, parseConfig, type Config } from '../config';
import { createFakeLark } from '../fake-lark';
import { adjustableClock, systemClock } from '../platform/clock';
import { cardActionsRepository } from '../storage/repositories/transport/card-actions';
import { groupCommitWrites } from '../storage/repositories/transport/group-commit';
import { inboundEventsRepository } from '../storage/repositories/transport/inbound-events';
import { createLarkClient, type FullLarkClient } from '../transport/client';
import { calendarOverridesFromEnv, createWorkCalendar } from '../jobs/calendar/work-calendar';
import { startEveryMinute } from '../jobs/every-minute';
import { createFeatureDispatcher } from '../handlers/register-features';
import { createEventProcessor } from '../transport/inbound/process-event';
import { consoleLogger } from '../transport/log';
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

// Features are wired in one place for Node, local mode and the Worker (src/handlers/register-features.ts).
const calendar = createWorkCalendar(calendarOverridesFromEnv(process.env));
const dispatcher = createFeatureDispatcher({ db, clock, lark, log, calendar, botOpenId: localFake?.botOpenId, later: (work) => queue.enqueue(work) });

const queue = createJobQueue({ concurrency: 4, log });
const writes = groupCommitWrites(db);
const inbox = inboundEventsRepository(db, writes);
const cards = cardActionsRepository(db, writes);
const processor = createEventProcessor({ inbox, dispatcher, clock, log });
const app = createApp({ config, crypto, clock, db, dispatcher, lark, processor, log, writes, runInBackground: (work) => queue.enqueue(work) });
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
        later: (work) => queue.enqueue(work),
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

