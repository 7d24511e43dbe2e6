import * as lark from '@larksuiteoapi/node-sdk';
import type { Config } from '../config';
import type { Clock } from '../platform/clock';
import type { CardActionResponse } from '../transport/contract';
import type { Dispatcher } from '../transport/dispatcher';
import { EVENT_TYPES } from '../transport/event-types';
import { handleCardAction, TOASTS, type CardCallbackDeps } from '../transport/inbound/card-callback';
import { parseCardAction } from '../transport/inbound/parse-card-action';
import { acceptEvent, type WebhookDeps } from '../transport/inbound/webhook';
import type { Logger } from '../platform/log';
import { envelopeFromSdk, isTooOld } from './ws-envelope';
import { createWsWatchdog } from './ws-watchdog';

const APP_ID_SHAPE = /^cli_[0-9a-fA-F]{16}$/;

export interface LongConnectionDeps {
  config: Config;
  clock: Clock;
  log: Logger;
  dispatcher: Dispatcher<string>;
  /** The same inbox and processor as the webhook path. */
  inbound: Pick<WebhookDeps, 'inbox' | 'processor'>;
  card: Omit<CardCallbackDeps, 'later'>;
  later: (work: () => Promise<void>) => void;
}

/**
 * `LARK_EVENT_MODE=ws`: the SDK's WSClient receives events and card callbacks over an outbound WebSocket
 * and they go through the same dedupe, durable inbox and dispatcher as webhooks.
 */
export function startLongConnection(deps: LongConnectionDeps): { stop: () => void } {
  const { config, clock, log } = deps;
  const maxAge = config.ws.maxEventAgeSeconds;
  // WSClient.start() returns without connecting, logging only at its own error level, for any other app id
  // (larksuite/node-sdk ws-client/index.ts, start()); the watchdog would then restart it forever.
  if (!APP_ID_SHAPE.test(config.lark.appId ?? '')) {
    log.error('长连接未启动：LARK_APP_ID 应形如 cli_ 加 16 位十六进制字符（开发者后台「凭证与基础信息」中的 App ID） / long connection not started: LARK_APP_ID must look like cli_ followed by 16 hex digits', { appId: config.lark.appId });
    return { stop() {} };
  }

  const onEvent = async (data: Record<string, unknown>): Promise<CardActionResponse | undefined> => {
    const envelope = envelopeFromSdk(data);
    if (!envelope) {
      log.warn('long connection: event without id or type dropped');
      return undefined;
    }
    if (isTooOld(envelope, clock.now(), maxAge)) {
      log.warn('long connection: event older than LARK_WS_MAX_EVENT_AGE_SECONDS dropped', { eventId: envelope.eventId, eventType: envelope.eventType, createTime: envelope.createTime });
      return undefined;
    }
    if (envelope.eventType === 'card.action.trigger') {
      const action = parseCardAction(envelope);
      if (!action) return { toast: TOASTS.malformed };
      return handleCardAction(action, { ...deps.card, later: deps.later });
    }
    await acceptEvent(envelope, { ...deps.inbound, dispatcher: deps.dispatcher, clock, log }, deps.later);
    return undefined;
  };

  const eventDispatcher = new lark.EventDispatcher({ loggerLevel: lark.LoggerLevel.warn }).register(
    Object.fromEntries(EVENT_TYPES.map((t) => [t, onEvent])) as Record<string, (data: unknown) => Promise<unknown>>,
  );

  let client = connect();
  function connect() {
    const c = new lark.WSClient({
      appId: config.lark.appId!,
      appSecret: config.lark.appSecret!,
      domain: config.lark.baseUrl,
      loggerLevel: lark.LoggerLevel.warn,
      autoReconnect: true,
      wsConfig: { pingTimeout: config.ws.pingTimeoutSeconds || undefined },
      handshakeTimeoutMs: 10_000,
      onReady: () => log.info('long connection ready'),
      onReconnecting: () => log.warn('long connection lost; reconnecting'),
      onReconnected: () => log.info('long connection re-established'),
      onError: (err) => log.error('long connection failed', { error: err.message }),
    });
    void c.start({ eventDispatcher }).catch((err: unknown) => log.error('long connection start failed', { error: String(err) }));
    return c;
  }

  const watchdog = createWsWatchdog({
    status: () => client.getConnectionStatus(),
    now: () => clock.now().getTime(),
    silenceMs: Math.max(60, config.ws.pingTimeoutSeconds * 3) * 1000,
    onRestart: (reason) => log.warn('long connection watchdog restarts the client', { reason }),
    restart: () => {
      client.close({ force: true });
      client = connect();
    },
  });
  const timer = setInterval(() => void watchdog.tick(), 15_000);
  timer.unref();

  return {
    stop() {
      clearInterval(timer);
      client.close({ force: true });
    },
  };
}
