import type { Hono } from 'hono';
import type { Clock } from '../platform/clock';
import { decodeFrame, encodeFrame, FRAME_METHOD, headerOf, type WsFrame } from './ws-frame';

/**
 * The long-connection gateway of the fake Lark: what the official SDKs' `WSClient` talks to in
 * `LARK_EVENT_MODE=ws`. Implemented from the SDKs' public source — larksuite/node-sdk `ws-client/index.ts`
 * (`pullConnectConfig`, `pingLoop`, `handleControlData`, `handleEventData`), `ws-client/ws-config.ts`,
 * `ws-client/data-cache.ts`, `ws-client/enum.ts`, and larksuite/oapi-sdk-go `ws/client.go`, `ws/model.go`,
 * `ws/const.go` — and the long-connection guide
 * (https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/request-url-configuration-case):
 *
 * 1. Discovery: `POST {domain}/callback/ws/endpoint` with `{AppID, AppSecret}` answers
 *    `{code: 0, data: {URL, ClientConfig}}`; the URL carries `device_id` and `service_id` (the SDK reads them with
 *    `qs.parse(URL)`, so neither may be the first query parameter) and a one-time ticket.
 * 2. Control frames (method 0): the client pings (`type: ping`, `service` = service_id) every PingInterval;
 *    the gateway answers `type: pong` with the ClientConfig as JSON payload — the server-pushed config
 *    (PingInterval, ReconnectCount, ReconnectInterval, ReconnectNonce, in seconds).
 * 3. Data frames (method 1): `type: event` with headers message_id, sum, seq, trace_id; a payload larger than
 *    `maxFrameBytes` is split into `sum` frames (`seq` 0…sum-1, byte-wise, possibly inside a UTF-8 character)
 *    that the client reassembles. Card callbacks (`card.action.trigger`) travel as `type: event` too: both
 *    official SDKs drop `type: card` frames without answering (node-sdk `handleEventData`: `if (type !==
 *    MessageType.event) return`; oapi-sdk-go `handleDataFrame`: `case MessageTypeCard: return`).
 * 4. Acks: the client answers every data frame with the same frame (plus a `biz_rt` header) whose payload is
 *    `{"code":200}` — or 500 when the handler threw — with the handler's result as base64 JSON in `data`: for
 *    a card callback that is the card answer (toast / card).
 * 5. Redelivery: an event not acked with 200 — the connection dropped first, the handler threw, or no ack
 *    within `ackTimeoutMs` (Lark: 3 s) — is pushed again, same payload and event_id, on the same or the next
 *    connection. Card callbacks are never pushed twice ("回调是同步操作，不提供补推机制").
 * 6. Cluster mode: with several connections each push goes to one of them (event-card-faq: 实例采用随机选择策略).
 *
 * The socket itself is Node's (`./listen.ts`): this module sees bytes, so it also runs in workerd.
 */

/** Server-pushed client settings, in seconds (larksuite/oapi-sdk-go `ws/model.go`, `ClientConfig`). */
export interface WsClientConfig {
  PingInterval: number;
  ReconnectCount: number;
  ReconnectInterval: number;
  ReconnectNonce: number;
}

/** What the SDK assumes before the server says otherwise (larksuite/node-sdk `ws-client/ws-config.ts`). */
export const REAL_CLIENT_CONFIG: WsClientConfig = { PingInterval: 120, ReconnectCount: -1, ReconnectInterval: 120, ReconnectNonce: 30 };

/** Endpoint error codes (larksuite/node-sdk `ws-client/enum.ts`, `ErrorCode`). */
export const WS_ERROR = { ok: 0, systemBusy: 1, forbidden: 403, authFailed: 514, internalError: 1000040343, exceedConnLimit: 1000040350 } as const;

/** Lark allows at most 50 long connections per app (the long-connection guide). */
const MAX_CONNECTIONS = 50;
const TICKET_TTL_MS = 5 * 60_000;
export const WS_PATH = '/ws/v2';

export interface WsGatewayOptions {
  appId: string;
  appSecret: string;
  clock: Clock;
  randomId: () => string;
  /** Fractions of a second are allowed, so tests can reconnect fast; Lark sends whole seconds. */
  clientConfig?: Partial<WsClientConfig>;
  /** Payloads above this many bytes are split into fragments. Lark does not document its own threshold. */
  maxFrameBytes?: number;
  /** An event without an ack this long after its push is pushed again (Lark: 3 s). */
  ackTimeoutMs?: number;
  /** Pushes of one event before it is given up (Lark: the first push and 4 retries). */
  maxAttempts?: number;
  /** How long a card push waits for its ack before the fake stops waiting (the 3 s rule is judged by the caller). */
  cardTimeoutMs?: number;
  /** `type` header of card-callback frames; `card` exists in the SDKs' enum, but both SDKs ignore such frames. */
  cardFrameType?: 'event' | 'card';
}

/** What the Node adapter hands the gateway for one accepted socket. */
export interface GatewaySocket {
  send(bytes: Uint8Array): void;
  /** Drops the connection without a close handshake (a network failure, as the client sees it). */
  terminate(): void;
}

export interface GatewaySession {
  receive(bytes: Uint8Array): void;
  closed(): void;
}

export type Handshake =
  | { ok: true; attach(socket: GatewaySocket): GatewaySession }
  /** Refused: the HTTP status and the `Handshake-*` headers the Go SDK's `parseErr` reads. */
  | { ok: false; status: number; headers: Record<string, string> };

export interface WsAck {
  /** The `code` of the client's ack (200 ok, 500 handler failed); 0 when no ack came. */
  code: number;
  /** The handler's result, decoded from the ack's base64 `data` (JSON when it parses). */
  data: unknown;
  elapsedMs: number;
  attempts: number;
}

interface Pending {
  kind: 'event' | 'card';
  payload: Uint8Array;
  attempts: number;
  startedAt: number;
  resolve: (ack: WsAck) => void;
  timer?: ReturnType<typeof setTimeout>;
  settled: boolean;
}

interface Session {
  id: number;
  deviceId: string;
  serviceId: number;
  socket: GatewaySocket;
  /**
   * Pushes start after the client's first ping. node-sdk attaches its `message` listener (`communicate()`) only
   * after the promise resolved in its `open` handler has been awaited, so frames sent right after the upgrade
   * are emitted to nobody: tried here, every one of 5 queued events was lost that way and needed a redelivery.
   */
  ready: boolean;
  open: boolean;
}

export type WsGateway = ReturnType<typeof createWsGateway>;

export function createWsGateway(o: WsGatewayOptions) {
  let config: WsClientConfig = { ...REAL_CLIENT_CONFIG, ...o.clientConfig };
  const maxFrameBytes = o.maxFrameBytes ?? 16_384;
  const ackTimeoutMs = o.ackTimeoutMs ?? 3000;
  const maxAttempts = o.maxAttempts ?? 5;
  const cardTimeoutMs = o.cardTimeoutMs ?? 10_000;
  const now = () => o.clock.now().getTime();
  const tickets = new Map<string, { deviceId: string; serviceId: number; expiresAt: number }>();
  const sessions = new Set<Session>();
  const outbox: Pending[] = [];
  const inflight = new Map<string, { pending: Pending; session: Session }>();
  /** Pushes given up on (ack timeout): a late ack for one of them is not a protocol error. */
  const expired = new Set<string>();
  const readyWaiters: Array<() => void> = [];
  const violations: string[] = [];
  const stats = { endpointCalls: 0, connections: 0, pings: 0, dataFrames: 0, acks: 0, lateAcks: 0, pushes: 0, redeliveries: 0, fragmented: 0 };
  let seq = 0;
  let sessionIds = 0;

  function endpoint(body: unknown, requestUrl: string): { code: number; msg: string; data: { URL?: string; ClientConfig?: WsClientConfig } } {
    stats.endpointCalls++;
    const b = (body ?? {}) as { AppID?: unknown; AppSecret?: unknown };
    // Errors keep `data: {}`: node-sdk's pullConnectConfig destructures `data: { URL, ClientConfig }` before it
    // looks at `code`, so an answer without `data` turns a refusal into a TypeError it retries forever.
    if (b.AppID !== o.appId || b.AppSecret !== o.appSecret) return { code: WS_ERROR.authFailed, msg: 'app_id or app_secret is invalid', data: {} };
    if (openSessions().length >= MAX_CONNECTIONS) return { code: WS_ERROR.exceedConnLimit, msg: 'exceed connection limit', data: {} };
    const deviceId = `${7_000_000_000 + Math.floor(Math.random() * 1_000_000_000)}`;
    const serviceId = 33_554_678;
    const ticket = o.randomId();
    tickets.set(ticket, { deviceId, serviceId, expiresAt: now() + TICKET_TTL_MS });
    const base = new URL(requestUrl);
    const scheme = base.protocol === 'https:' ? 'wss:' : 'ws:';
    const query = new URLSearchParams({ fpid: '493', aid: '552564', device_id: deviceId, access_key: o.randomId().slice(0, 32), service_id: String(serviceId), ticket });
    return { code: WS_ERROR.ok, msg: 'ok', data: { URL: `${scheme}//${base.host}${WS_PATH}?${query}`, ClientConfig: { ...config } } };
  }

  function handshake(url: URL): Handshake {
    const refuse = (code: number, msg: string): Handshake => ({ ok: false, status: 403, headers: { 'Handshake-Status': String(code), 'Handshake-Msg': msg } });
    if (url.pathname !== WS_PATH) return refuse(WS_ERROR.forbidden, 'unknown path');
    const ticket = tickets.get(url.searchParams.get('ticket') ?? '');
    if (!ticket || ticket.expiresAt <= now()) return refuse(WS_ERROR.authFailed, 'ticket invalid or expired');
    if (url.searchParams.get('device_id') !== ticket.deviceId || url.searchParams.get('service_id') !== String(ticket.serviceId)) return refuse(WS_ERROR.authFailed, 'ticket does not match the connection');
    tickets.delete(url.searchParams.get('ticket')!);
    return {
      ok: true,
      attach(socket) {
        const session: Session = { id: ++sessionIds, deviceId: ticket.deviceId, serviceId: ticket.serviceId, socket, ready: false, open: true };
        sessions.add(session);
        stats.connections++;
        return { receive: (bytes) => receive(session, bytes), closed: () => closed(session) };
      },
    };
  }

  function receive(session: Session, bytes: Uint8Array) {
    let frame: WsFrame;
    try {
      frame = decodeFrame(bytes);
    } catch (err) {
      violations.push(`undecodable frame from the client: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    const type = headerOf(frame, 'type');
    if (frame.method === FRAME_METHOD.control) {
      if (type !== 'ping') return;
      stats.pings++;
      if (frame.service !== session.serviceId) violations.push(`ping with service ${frame.service}, expected ${session.serviceId}`);
      send(session, { seqId: 0, logId: 0, service: session.serviceId, method: FRAME_METHOD.control, headers: [{ key: 'type', value: 'pong' }], payload: json(config) });
      if (!session.ready) {
        session.ready = true;
        flush();
        for (const w of readyWaiters.splice(0)) w();
      }
      return;
    }
    if (frame.method === FRAME_METHOD.data) onAck(session, frame);
  }

  function onAck(session: Session, frame: WsFrame) {
    const messageId = headerOf(frame, 'message_id') ?? '';
    const entry = inflight.get(messageId);
    if (expired.delete(messageId)) {
      stats.lateAcks++;
      return;
    }
    if (!entry || entry.session !== session) {
      violations.push(`ack for unknown message_id ${messageId}`);
      return;
    }
    inflight.delete(messageId);
    stats.acks++;
    const { pending } = entry;
    let answer: { code?: unknown; data?: unknown };
    try {
      answer = JSON.parse(new TextDecoder().decode(frame.payload ?? new Uint8Array())) as typeof answer;
    } catch {
      violations.push(`ack payload of ${messageId} is not JSON`);
      answer = {};
    }
    const code = typeof answer.code === 'number' ? answer.code : 0;
    if (code !== 200 && pending.kind === 'event') {
      retryLater(pending);
      return;
    }
    settle(pending, code, decodeData(answer.data));
  }

  function decodeData(data: unknown): unknown {
    if (typeof data !== 'string') return null;
    const text = new TextDecoder().decode(Uint8Array.from(atob(data), (c) => c.charCodeAt(0)));
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }

  function closed(session: Session) {
    if (!session.open) return;
    session.open = false;
    sessions.delete(session);
    for (const [messageId, entry] of [...inflight]) {
      if (entry.session !== session) continue;
      inflight.delete(messageId);
      const { pending } = entry;
      if (pending.kind === 'card') settle(pending, 0, null);
      else dispatch(pending);
    }
  }

  const openSessions = () => [...sessions].filter((s) => s.open);

  function dispatch(pending: Pending) {
    if (pending.settled) return;
    if (pending.attempts >= maxAttempts) {
      settle(pending, 0, null);
      return;
    }
    const ready = openSessions().filter((s) => s.ready);
    if (ready.length === 0) {
      outbox.push(pending);
      return;
    }
    pushTo(ready[Math.floor(Math.random() * ready.length)]!, pending);
  }

  function flush() {
    for (const pending of outbox.splice(0)) dispatch(pending);
  }

  function pushTo(session: Session, pending: Pending) {
    if (pending.attempts > 0) stats.redeliveries++;
    pending.attempts++;
    stats.pushes++;
    const messageId = `fake_msg_${o.randomId()}`;
    const traceId = o.randomId().slice(0, 16);
    const sum = Math.max(1, Math.ceil(pending.payload.length / maxFrameBytes));
    if (sum > 1) stats.fragmented++;
    inflight.set(messageId, { pending, session });
    const type = pending.kind === 'card' ? (o.cardFrameType ?? 'event') : 'event';
    for (let i = 0; i < sum; i++) {
      send(session, {
        seqId: ++seq,
        logId: seq,
        service: session.serviceId,
        method: FRAME_METHOD.data,
        headers: [
          { key: 'type', value: type },
          { key: 'message_id', value: messageId },
          { key: 'sum', value: String(sum) },
          { key: 'seq', value: String(i) },
          { key: 'trace_id', value: traceId },
          { key: 'timestamp', value: String(now()) },
        ],
        payload: pending.payload.subarray(i * maxFrameBytes, (i + 1) * maxFrameBytes),
      });
    }
    if (pending.kind === 'event') {
      clearTimeout(pending.timer);
      pending.timer = setTimeout(() => {
        if (!inflight.has(messageId)) return;
        inflight.delete(messageId);
        expired.add(messageId);
        dispatch(pending);
      }, ackTimeoutMs);
    }
  }

  function retryLater(pending: Pending) {
    clearTimeout(pending.timer);
    pending.timer = setTimeout(() => dispatch(pending), ackTimeoutMs);
  }

  function settle(pending: Pending, code: number, data: unknown) {
    if (pending.settled) return;
    pending.settled = true;
    clearTimeout(pending.timer);
    const i = outbox.indexOf(pending);
    if (i >= 0) outbox.splice(i, 1);
    pending.resolve({ code, data, elapsedMs: now() - pending.startedAt, attempts: pending.attempts });
  }

  function send(session: Session, frame: WsFrame) {
    if (frame.method === FRAME_METHOD.data) stats.dataFrames++;
    session.socket.send(encodeFrame(frame));
  }

  return {
    stats,
    /** Protocol misuse by the client (a frame that does not decode, an ack for nothing, a wrong service id). */
    violations,
    endpoint,
    handshake,

    /**
     * Pushes one event or card callback (its JSON text, as Lark sends it: plain, not encrypted) and resolves
     * with the client's ack. Events wait for a connection and are redelivered until acked; a card callback is
     * pushed once.
     */
    push(kind: 'event' | 'card', body: string): Promise<WsAck> {
      return new Promise<WsAck>((resolve) => {
        const pending: Pending = { kind, payload: new TextEncoder().encode(body), attempts: 0, startedAt: now(), resolve, settled: false };
        if (kind === 'card') pending.timer = setTimeout(() => settle(pending, 0, null), cardTimeoutMs);
        dispatch(pending);
      });
    },

    /** Changes the settings sent with the next pong (the SDK applies them from then on). */
    setClientConfig(next: Partial<WsClientConfig>) {
      config = { ...config, ...next };
    },
    get clientConfig(): WsClientConfig {
      return { ...config };
    },

    /** Open connections that have pinged (ready for pushes). */
    get connections(): number {
      return openSessions().filter((s) => s.ready).length;
    },

    /** Resolves once at least one connection is ready for pushes. */
    whenConnected(): Promise<void> {
      if (openSessions().some((s) => s.ready)) return Promise.resolve();
      return new Promise((resolve) => readyWaiters.push(resolve));
    },

    /** Cuts every connection as a network failure would (no close frame); pending events wait for the next one. */
    dropConnections() {
      for (const s of openSessions()) {
        s.socket.terminate();
        closed(s);
      }
    },
  };
}

function json(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}

/** Mounts `POST /callback/ws/endpoint` on the fake's API app (the SDK posts it to `{domain}`). */
export function mountWsEndpoint(app: Hono, gateway: WsGateway) {
  app.post('/callback/ws/endpoint', async (c) => {
    const body = (await c.req.json().catch(() => null)) as unknown;
    return c.json(gateway.endpoint(body, c.req.url));
  });
}
