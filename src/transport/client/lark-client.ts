import type { Clock } from '../../platform/clock';
import { systemClock } from '../../platform/clock';
import type { CardJson, ChatMember, LarkClient, OutgoingMessage, SentMessage } from '../contract';
import { LarkApiError, RATE_LIMIT_CODES, TOKEN_CODES } from './errors';
import { createRateLimiter, type Bucket, type Limit } from './rate-limiter';
import { createTokenCache } from './token-cache';

/** Lark's documented limits (https://open.feishu.cn/document/server-docs/api-call-guide/frequency-control), with a safety margin on the windows. */
export interface ClientLimits {
  /** Per app and endpoint. */
  appPerSecond: number;
  appPerMinute: number;
  /** Per receiving user or chat (send), per message (patch). */
  perReceiverPerSecond: number;
  perMessagePatchPerSecond: number;
  /** Added to every window against clock rounding (the limiter already counts calls until their answer arrives). */
  windowMarginMs: number;
  /** Retries after 5xx / network errors (bounded exponential backoff). */
  maxServerRetries: number;
  /** Retries after a rate-limit answer (each waits x-ogw-ratelimit-reset). */
  maxRateLimitRetries: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Per-request timeout. */
  timeoutMs: number;
  /**
   * A downloaded file is cut off after this many bytes (and one more, so the reader can tell it was cut): a
   * memory ceiling, so a huge file in a chat never sits in memory whole. The import fences hold the configured
   * limit (JIXIAO_IMPORT_MAX_FILE_MB, at most 100 MB) and refuse the file by its size.
   */
  maxDownloadBytes: number;
}

export const DEFAULT_LIMITS: ClientLimits = {
  appPerSecond: 50,
  appPerMinute: 1000,
  perReceiverPerSecond: 5,
  perMessagePatchPerSecond: 5,
  windowMarginMs: 5,
  maxServerRetries: 3,
  maxRateLimitRetries: 8,
  backoffBaseMs: 250,
  backoffMaxMs: 4000,
  timeoutMs: 20_000,
  maxDownloadBytes: 100 * 1024 * 1024,
};

export interface LarkClientOptions {
  baseUrl: string;
  appId: string;
  appSecret: string;
  fetch?: typeof fetch;
  clock?: Clock;
  limits?: Partial<ClientLimits>;
  /** Defaults to real timers; tests may inject a virtual one. */
  sleep?: (ms: number) => Promise<void>;
  randomUUID?: () => string;
}

/** Extra operations beyond the contract, used by the transport itself and by tests. */
export interface FullLarkClient extends LarkClient {
  replyMessage(messageId: string, message: OutgoingMessage, opts?: { uuid?: string; chatId?: string }): Promise<SentMessage>;
  /** The tenant token (fetched or cached). */
  tenantToken(): Promise<string>;
  /**
   * The bot's own identity, `GET /open-apis/bot/v3/info`: its open_id is how a group message's mention of the
   * bot is recognised (mention keys are positional). The data is under `bot`, not `data`
   * (https://open.feishu.cn/document/client-docs/bot-v3/obtain-bot-info).
   */
  botInfo(): Promise<{ openId: string; appName: string }>;
}

const FILE_TYPES = new Set(['opus', 'mp4', 'pdf', 'doc', 'xls', 'ppt', 'stream']);

interface Call {
  op: string;
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  query?: Record<string, string | undefined>;
  json?: unknown;
  form?: () => FormData;
  binary?: boolean;
  buckets?: Bucket[];
}

/**
 * The one outbound Lark client (fetch only, so it runs in workerd): one rate limiter and retry policy for
 * every call, a cached tenant token, a `uuid` on every send so retries never duplicate a message, and
 * `LarkApiError` for everything Lark refuses.
 */
export function createLarkClient(options: LarkClientOptions): FullLarkClient {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const clock = options.clock ?? systemClock;
  const now = () => clock.now().getTime();
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const uuid = options.randomUUID ?? (() => crypto.randomUUID());
  const base = options.baseUrl.replace(/\/+$/, '');
  const limiter = createRateLimiter({ now, sleep });
  const stretch = (ms: number) => ms + limits.windowMarginMs;
  const appLimits: Limit[] = [
    { max: limits.appPerSecond, windowMs: stretch(1000) },
    { max: limits.appPerMinute, windowMs: stretch(60_000) },
  ];
  const perSecond = (max: number): Limit[] => [{ max, windowMs: stretch(1000) }];

  const tokens = createTokenCache(async () => {
    const body = await request({
      op: 'auth.tenant_access_token',
      method: 'POST',
      path: '/open-apis/auth/v3/tenant_access_token/internal',
      json: { app_id: options.appId, app_secret: options.appSecret },
    }, false);
    // Failures come back as HTTP 200 with a non-zero code (`request` refuses those); an answer without a token
    // is refused too, so no call ever goes out with an undefined token.
    const b = body as { tenant_access_token?: unknown; expire?: unknown };
    const token = required(b.tenant_access_token, 'tenant_access_token', 'auth.tenant_access_token');
    return { token, expireSeconds: typeof b.expire === 'number' && b.expire > 0 ? b.expire : 7200 };
  }, now);

  function backoff(attempt: number): number {
    const exp = Math.min(limits.backoffMaxMs, limits.backoffBaseMs * 2 ** attempt);
    return exp / 2 + Math.random() * (exp / 2);
  }

  /** Runs one call with the retry policy; returns the whole JSON body (or bytes for `binary`). */
  async function request(call: Call, authorised = true): Promise<unknown> {
    let serverRetries = 0;
    let rateRetries = 0;
    let tokenRetried = false;
    const url = new URL(base + call.path);
    for (const [k, v] of Object.entries(call.query ?? {})) if (v !== undefined) url.searchParams.set(k, v);

    for (;;) {
      const headers: Record<string, string> = {};
      let token: string | undefined;
      if (authorised) {
        token = await tokens.get();
        headers.authorization = `Bearer ${token}`;
      }
      const release = await limiter.acquire([{ key: `app:${call.op}`, limits: appLimits }, ...(call.buckets ?? [])]);
      try {
        const outcome = await attempt(url, call, headers, token);
        if (outcome.kind === 'done') return outcome.value;
        if (outcome.kind === 'network') {
          if (serverRetries < limits.maxServerRetries) {
            await sleepAfter(release, backoff(serverRetries++));
            continue;
          }
          throw new LarkApiError(-1, 0, `network error: ${outcome.message}`, call.op);
        }
        if (outcome.kind === 'rate-limited' && rateRetries++ < limits.maxRateLimitRetries) {
          await sleepAfter(release, outcome.resetMs);
          continue;
        }
        if (outcome.kind === 'token' && !tokenRetried && token) {
          tokenRetried = true;
          tokens.invalidate(token);
          continue;
        }
        if (outcome.kind === 'server' && serverRetries < limits.maxServerRetries) {
          await sleepAfter(release, backoff(serverRetries++));
          continue;
        }
        throw outcome.error;
      } finally {
        release();
      }
    }
  }

  async function sleepAfter(release: () => void, ms: number) {
    release();
    await sleep(ms);
  }

  type Attempt =
    | { kind: 'done'; value: unknown }
    | { kind: 'network'; message: string }
    | { kind: 'rate-limited'; resetMs: number; error: LarkApiError }
    | { kind: 'token'; error: LarkApiError }
    | { kind: 'server'; error: LarkApiError }
    | { kind: 'failed'; error: LarkApiError };

  /** One HTTP exchange, classified; the caller decides whether to retry. */
  async function attempt(url: URL, call: Call, headers: Record<string, string>, token: string | undefined): Promise<Attempt> {
    let body: BodyInit | undefined;
    if (call.json !== undefined) {
      headers['content-type'] = 'application/json; charset=utf-8';
      body = JSON.stringify(call.json);
    } else if (call.form) {
      body = call.form();
    }

    let res: Response;
    try {
      res = await doFetch(url.toString(), { method: call.method, headers, body, signal: AbortSignal.timeout(limits.timeoutMs) });
    } catch (err) {
      return { kind: 'network', message: err instanceof Error ? err.message : String(err) };
    }

    const logId = res.headers.get('x-tt-logid') ?? undefined;
    if (call.binary && res.ok) return { kind: 'done', value: await readCapped(res, limits.maxDownloadBytes) };
    const text = await res.text();
    const parsed = parseJson(text) as { code?: unknown; msg?: unknown; data?: unknown } | null;
    // An error is any non-2xx, any body with a non-zero `code` (Lark answers some failures, the token
    // endpoint's among them, with HTTP 200), and any 2xx body that is not a JSON object with `code: 0`
    // (a plain-text 404 from a proxy, an HTML error page): none of them yields ids or tokens to later calls.
    const code = typeof parsed?.code === 'number' ? parsed.code : res.ok ? -1 : res.status;
    if (res.ok && code === 0) return { kind: 'done', value: parsed };
    const error = new LarkApiError(code === 0 ? res.status : code, res.status, (typeof parsed?.msg === 'string' ? parsed.msg : '') || text.slice(0, 200), call.op, logId);
    if (res.status === 429 || RATE_LIMIT_CODES.has(code)) {
      const reset = Number(res.headers.get('x-ogw-ratelimit-reset'));
      return { kind: 'rate-limited', resetMs: Number.isFinite(reset) && reset > 0 ? reset * 1000 : 1000, error };
    }
    if (token !== undefined && TOKEN_CODES.has(code)) return { kind: 'token', error };
    if (res.status >= 500) return { kind: 'server', error };
    return { kind: 'failed', error };
  }

  async function data<T>(call: Call): Promise<T> {
    const body = (await request(call)) as { data?: T };
    return (body.data ?? {}) as T;
  }

  function content(message: OutgoingMessage): string {
    return JSON.stringify(message.content);
  }

  /** Chats of messages this client sent (bounded), so replies to them share their chat's rate bucket. */
  const chatOfMessage = new Map<string, string>();
  function sent(d: { message_id?: unknown; chat_id?: unknown }, op: string): SentMessage {
    const messageId = required(d.message_id, 'message_id', op);
    const chatId = typeof d.chat_id === 'string' && d.chat_id !== '' ? d.chat_id : undefined;
    if (chatId) {
      chatOfMessage.set(messageId, chatId);
      if (chatOfMessage.size > 10_000) chatOfMessage.delete(chatOfMessage.keys().next().value!);
    }
    return { messageId, chatId };
  }

  const client: FullLarkClient = {
    tenantToken: () => tokens.get(),

    async sendMessage(receiveIdType, receiveId, message, opts) {
      const d = await data<{ message_id: string; chat_id?: string }>({
        op: 'im.message.create',
        method: 'POST',
        path: '/open-apis/im/v1/messages',
        query: { receive_id_type: receiveIdType },
        json: { receive_id: receiveId, msg_type: message.msgType, content: content(message), uuid: opts?.uuid ?? uuid() },
        buckets: [{ key: `receiver:${receiveId}`, limits: perSecond(limits.perReceiverPerSecond) }],
      });
      return sent(d, 'im.message.create');
    },

    async replyMessage(messageId, message, opts) {
      // Lark's 5 QPS is per group and counts replies and sends alike (message/reply, message/create), so a
      // reply waits in its chat's bucket, the one sends to that chat use. Without the caller's chat id the
      // chat of a message this client sent is known; only a reply to an unknown message falls back to its own.
      const chatId = opts?.chatId ?? chatOfMessage.get(messageId);
      const d = await data<{ message_id: string; chat_id?: string }>({
        op: 'im.message.reply',
        method: 'POST',
        path: `/open-apis/im/v1/messages/${encodeURIComponent(messageId)}/reply`,
        json: { msg_type: message.msgType, content: content(message), uuid: opts?.uuid ?? uuid() },
        buckets: [{ key: chatId ? `receiver:${chatId}` : `reply:${messageId}`, limits: perSecond(limits.perReceiverPerSecond) }],
      });
      return sent(d, 'im.message.reply');
    },

    async botInfo() {
      const body = (await request({ op: 'bot.info', method: 'GET', path: '/open-apis/bot/v3/info' })) as { bot?: { open_id?: unknown; app_name?: unknown } };
      return { openId: required(body.bot?.open_id, 'bot.open_id', 'bot.info'), appName: typeof body.bot?.app_name === 'string' ? body.bot.app_name : '' };
    },

    async patchCard(messageId, card) {
      await data({
        op: 'im.message.patch',
        method: 'PATCH',
        path: `/open-apis/im/v1/messages/${encodeURIComponent(messageId)}`,
        json: { content: JSON.stringify(card) },
        buckets: [{ key: `patch:${messageId}`, limits: perSecond(limits.perMessagePatchPerSecond) }],
      });
    },

    async delayedUpdateCard(token: string, card: CardJson) {
      await data({ op: 'interactive.card.update', method: 'POST', path: '/open-apis/interactive/v1/card/update', json: { token, card } });
    },

    async urgentApp(messageId, openIds) {
      const d = await data<{ invalid_user_id_list?: string[] }>({
        op: 'im.message.urgent_app',
        method: 'PATCH',
        path: `/open-apis/im/v1/messages/${encodeURIComponent(messageId)}/urgent_app`,
        query: { user_id_type: 'open_id' },
        json: { user_id_list: openIds },
      });
      return { invalidUserIds: d.invalid_user_id_list ?? [] };
    },

    async uploadFile(fileName, bytes, fileType = 'stream') {
      const type = FILE_TYPES.has(fileType) ? fileType : 'stream';
      const d = await data<{ file_key: string }>({
        op: 'im.file.create',
        method: 'POST',
        path: '/open-apis/im/v1/files',
        form: () => {
          const form = new FormData();
          form.set('file_type', type);
          form.set('file_name', fileName);
          form.set('file', new Blob([new Uint8Array(bytes)]), fileName);
          return form;
        },
      });
      return { fileKey: required(d.file_key, 'file_key', 'im.file.create') };
    },

    async getMessage(messageId) {
      const d = await data<{ items?: Array<{ message_id: string; msg_type: string; chat_id: string; body?: { content?: string }; sender?: { id?: string } }> }>({
        op: 'im.message.get',
        method: 'GET',
        path: `/open-apis/im/v1/messages/${encodeURIComponent(messageId)}`,
      });
      const item = d.items?.[0];
      if (!item) throw new LarkApiError(230001, 200, 'message not found', 'im.message.get');
      return { messageId: item.message_id, msgType: item.msg_type, content: item.body?.content ?? '', chatId: item.chat_id, senderId: item.sender?.id };
    },

    async downloadMessageResource(messageId, fileKey, type) {
      return (await request({
        op: 'im.message.resource.get',
        method: 'GET',
        path: `/open-apis/im/v1/messages/${encodeURIComponent(messageId)}/resources/${encodeURIComponent(fileKey)}`,
        query: { type },
        binary: true,
      })) as Uint8Array;
    },

    async listChatMembers(chatId) {
      const members: ChatMember[] = [];
      const seen = new Set<string>();
      let pageToken: string | undefined;
      do {
        const d = await data<{ items?: Array<{ member_id: string; name?: string }>; has_more?: boolean; page_token?: string }>({
          op: 'im.chat.members.get',
          method: 'GET',
          path: `/open-apis/im/v1/chats/${encodeURIComponent(chatId)}/members`,
          query: { member_id_type: 'open_id', page_size: '100', page_token: pageToken },
        });
        for (const item of d.items ?? []) members.push({ openId: item.member_id, name: item.name ?? '' });
        // `page_token` is opaque and passed back verbatim; Lark returns it only while `has_more`
        // (https://open.feishu.cn/document/server-docs/group/chat-member/get). A token seen before would loop.
        const next = d.has_more && typeof d.page_token === 'string' && d.page_token ? d.page_token : undefined;
        if (next !== undefined && seen.has(next)) throw new LarkApiError(-1, 200, 'page_token repeats', 'im.chat.members.get');
        if (next !== undefined) seen.add(next);
        pageToken = next;
      } while (pageToken);
      return members;
    },

    async batchGetUserIds(query) {
      const out: Array<{ email?: string; mobile?: string; openId: string | null }> = [];
      const emails = query.emails ?? [];
      const mobiles = query.mobiles ?? [];
      // The endpoint takes at most 50 emails and 50 mobiles per call.
      for (let i = 0; i < Math.max(emails.length, mobiles.length); i += 50) {
        const d = await data<{ user_list?: Array<{ user_id?: string; email?: string; mobile?: string }> }>({
          op: 'contact.user.batch_get_id',
          method: 'POST',
          path: '/open-apis/contact/v3/users/batch_get_id',
          query: { user_id_type: 'open_id' },
          json: { emails: emails.slice(i, i + 50), mobiles: mobiles.slice(i, i + 50), include_resigned: false },
        });
        for (const u of d.user_list ?? []) {
          out.push({ ...(u.email ? { email: u.email } : {}), ...(u.mobile ? { mobile: u.mobile } : {}), openId: u.user_id ?? null });
        }
      }
      return out;
    },
  };
  return client;
}

/** The body as a JSON object, or null (empty, not JSON, or JSON that is not an object). */
function parseJson(text: string): Record<string, unknown> | null {
  if (!text) return null;
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The body's first `maxBytes + 1` bytes at most; the rest is never read (the stream is cancelled). */
async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      break;
    }
  }
  const out = new Uint8Array(Math.min(size, maxBytes + 1));
  let at = 0;
  for (const c of chunks) {
    const part = c.subarray(0, out.byteLength - at);
    out.set(part, at);
    at += part.byteLength;
    if (at === out.byteLength) break;
  }
  return out;
}

/** An id or token a later call will use: refused unless Lark really sent a non-empty string. */
function required(value: unknown, field: string, op: string): string {
  if (typeof value === 'string' && value !== '') return value;
  throw new LarkApiError(-1, 200, `answer has no ${field}`, op);
}
