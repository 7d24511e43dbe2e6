import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { sql, type Kysely } from 'kysely';
import type { Config } from './config';
import type { Clock } from './platform/clock';
import type { Crypto } from './platform/crypto';
import type { Database } from './storage/database';
import { cardActionsRepository } from './storage/repositories/transport/card-actions';
import { directWrites, type WriteExecutor } from './storage/repositories/transport/group-commit';
import { inboundEventsRepository } from './storage/repositories/transport/inbound-events';
import type { LarkClient } from './transport/contract';
import type { Dispatcher } from './transport/dispatcher';
import { defaultRunInBackground, type RunInBackground } from './transport/inbound/background';
import { createEventProcessor, type EventProcessor } from './transport/inbound/process-event';
import { handleWebhook, type WebhookDeps } from './transport/inbound/webhook';
import { consoleLogger, errorFields, type Logger } from './platform/log';

export interface AppDeps {
  config: Config;
  crypto: Crypto;
  clock: Clock;
  db: Kysely<Database>;
  dispatcher: Dispatcher<string>;
  lark: LarkClient;
  /** Node: the durable in-process queue; Workers: omit it and `executionCtx.waitUntil` is used. */
  runInBackground?: RunInBackground;
  /** Pass the one the queue's sweep uses, so both claim the same rows; built from deps otherwise. */
  processor?: EventProcessor;
  log?: Logger;
  /**
   * How the transport's own writes (inbox rows, card-action dedupe) are executed. Node passes
   * `groupCommitWrites(db)` (one SQLite commit for many requests); the default runs each directly (D1).
   */
  writes?: WriteExecutor;
}

/**
 * The HTTP face of the bot: Lark's event and card-callback webhooks and a health check. Runs unchanged
 * on Node (@hono/node-server) and on workerd.
 */
export function createApp(deps: AppDeps): Hono {
  const log = deps.log ?? consoleLogger;
  const { config } = deps;
  const writes = deps.writes ?? directWrites(deps.db);
  const inbox = inboundEventsRepository(deps.db, writes);
  const processor = deps.processor ?? createEventProcessor({ inbox, dispatcher: deps.dispatcher, clock: deps.clock, log });
  const runInBackground = deps.runInBackground ?? defaultRunInBackground((err) => log.error('background work failed', errorFields(err)));
  // In ws mode without keys the webhooks stay closed rather than accepting unverified requests.
  const webhookOpen =
    config.lark.eventMode === 'webhook' ||
    Boolean(config.lark.encryptKey && config.lark.verificationToken) ||
    config.security.insecureLocalDev;

  const webhookDeps: WebhookDeps = {
    settings: {
      verificationToken: config.lark.verificationToken,
      encryptKey: config.lark.encryptKey,
      maxClockSkewSeconds: config.security.maxClockSkewSeconds,
    },
    crypto: deps.crypto,
    clock: deps.clock,
    log,
    inbox,
    dispatcher: deps.dispatcher,
    processor,
    card: {
      cards: cardActionsRepository(deps.db, writes),
      dispatcher: deps.dispatcher,
      lark: deps.lark,
      crypto: deps.crypto,
      clock: deps.clock,
      log,
      budgetMs: config.cardBudgetMs,
    },
  };

  const app = new Hono();
  const streamingLimit = bodyLimit({ maxSize: config.security.maxBodyBytes, onError: (c) => c.body(null, 413) });
  // With a Content-Length (Lark always sends one) HTTP framing bounds the body, so the header is checked
  // without touching the body: hono's bodyLimit reads `req.body`, which defeats @hono/node-server's fast
  // text() path and costs a full Request per call. Chunked bodies are counted while streaming.
  const limit: MiddlewareHandler = async (c, next) => {
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) return streamingLimit(c, next);
    if (!/^\d+$/.test(length) || Number(length) > config.security.maxBodyBytes) return c.body(null, 413);
    await next();
  };

  const webhook = async (c: Context) => {
    if (!webhookOpen) return c.body(null, 404);
    const raw = await c.req.text();
    const answer = await handleWebhook(
      raw,
      {
        timestamp: c.req.header('x-lark-request-timestamp'),
        nonce: c.req.header('x-lark-request-nonce'),
        signature: c.req.header('x-lark-signature'),
      },
      webhookDeps,
      (work) => runInBackground(work, { waitUntil: executionWaitUntil(c) }),
    );
    if (answer.status !== 200) return c.body(null, answer.status);
    return c.body(answer.json, 200, JSON_HEADERS);
  };

  app.post('/webhook/event', limit, webhook);
  app.post('/webhook/card', limit, webhook);
  app.get('/healthz', async (c) => {
    try {
      await sql`SELECT 1`.execute(deps.db);
    } catch (err) {
      log.error('health check: database unavailable', errorFields(err));
      return c.json({ status: 'error', database: 'unavailable' }, 503);
    }
    return c.json({ status: 'ok', mode: config.mode, eventMode: config.lark.eventMode });
  });
  app.onError((err, c) => {
    log.error('unhandled error in request', { path: c.req.path, ...errorFields(err) });
    return c.json({ status: 'error' }, 500);
  });
  return app;
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=UTF-8' };

/** `executionCtx` throws outside Workers; its absence just means Node's queue or a detached promise. */
function executionWaitUntil(c: Context): ((p: Promise<unknown>) => void) | undefined {
  try {
    const ctx = c.executionCtx;
    return (p) => ctx.waitUntil(p);
  } catch {
    return undefined;
  }
}
