import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Config } from './config';
import type { Later } from './features/shared/later';
import type { Clock } from './platform/clock';
import type { Crypto } from './platform/crypto';
import { errorFields, type Logger } from './platform/log';
import type { CardActionsRepository } from './storage/repositories/transport/card-actions';
import type { InboundEventsRepository } from './storage/repositories/transport/inbound-events';
import type { LarkClient } from './transport/contract';
import type { Dispatcher } from './transport/dispatcher';
import type { EventProcessor } from './transport/inbound/process-event';
import { handleWebhook, type WebhookDeps } from './transport/inbound/webhook';

export interface AppDeps {
  config: Config;
  crypto: Crypto;
  clock: Clock;
  dispatcher: Dispatcher<string>;
  lark: LarkClient;
  log: Logger;
  /** Runs event handling after the 200 (see `Later`): the runtime's one mechanism. */
  later: Later;
  /** The same processor the inbox sweep uses, so both claim the same rows. */
  processor: EventProcessor;
  inbox: InboundEventsRepository;
  cards: CardActionsRepository;
  /** `/healthz`: throws when the database does not answer. */
  checkDatabase: () => Promise<void>;
}

/**
 * The HTTP face of the bot: Lark's event and card-callback webhooks and a health check. Runs unchanged
 * on Node (@hono/node-server) and on workerd. Built by `createBot` (src/bot.ts).
 */
export function createApp(deps: AppDeps): Hono {
  const { config, log, inbox, processor } = deps;
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
      cards: deps.cards,
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
      deps.later,
    );
    if (answer.status !== 200) return c.body(null, answer.status);
    return c.body(answer.json, 200, JSON_HEADERS);
  };

  app.post('/webhook/event', limit, webhook);
  app.post('/webhook/card', limit, webhook);
  app.get('/healthz', async (c) => {
    try {
      await deps.checkDatabase();
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

