import { Hono, type Context } from 'hono';
import type { Clock } from '../platform/clock';
import { byteLength, LARK_BODY_MAX_BYTES } from '../transport/card-measure';
import { validateCard, type CardRule, type CardViolation } from './card-rules';
import { createWindowCounter, type FakeLimits } from './limits';
import { KNOWN_CARD_DEBT } from './card-debt';
import { DEFAULT_SHAPES, type PayloadShapes } from './shapes';
import { makeMessage, type FakeChat, type FakeMessage, type FakeState } from './state';

export interface InjectedFailure {
  /** Operation name as the client names it (`im.message.create`, `im.message.patch`, …) or '*'. */
  op: string;
  status: number;
  code: number;
  msg?: string;
  times: number;
  resetSeconds?: number;
}

export interface FakeServerOptions {
  state: FakeState;
  appId: string;
  appSecret: string;
  botOpenId: string;
  botName: string;
  tenantKey: string;
  clock: Clock;
  limits: FakeLimits;
  failures: InjectedFailure[];
  stats: { requests: number; rateLimited: number; byOp: Record<string, number> };
  randomId: () => string;
  /** Default DEFAULT_SHAPES. */
  shapes?: PayloadShapes;
  /** Card rules recorded instead of refused; default KNOWN_CARD_DEBT (card-debt.ts). */
  cardDebt?: readonly CardRule[];
}



const UUID_TTL_MS = 3_600_000;
/** 2.0 cards: "卡片可交互和可更新时间统一为 14 天" (card-json-v2-breaking-changes-release-notes); PATCH → 230031. */
export const CARD_WINDOW_MS = 14 * 24 * 3_600_000;
const FILE_TYPES = new Set(['opus', 'mp4', 'pdf', 'doc', 'xls', 'ppt', 'stream']);

class LarkError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    msg: string,
    readonly resetSeconds?: number,
  ) {
    super(msg);
  }
}

/**
 * The Lark Open Platform endpoints the client uses, with their request and response shapes, error codes,
 * rate limits and card checks. A Hono app, so it runs in Node and in workerd.
 */
export function createFakeServer(options: FakeServerOptions): Hono {
  const o = { ...options, shapes: options.shapes ?? DEFAULT_SHAPES, cardDebt: new Set(options.cardDebt ?? KNOWN_CARD_DEBT) };
  const { state } = o;
  const counter = createWindowCounter();
  const now = () => o.clock.now().getTime();
  const app = new Hono();

  const ok = (c: Context, data: unknown) => c.json({ code: 0, msg: 'success', data });

  /** Auth, app-level limits and injected failures for one operation. */
  function gate(c: Context, op: string, extra: Array<{ key: string; max: number; windowMs: number; code: number; status: number }> = []) {
    o.stats.requests++;
    o.stats.byOp[op] = (o.stats.byOp[op] ?? 0) + 1;
    const auth = c.req.header('authorization') ?? '';
    if (!auth.startsWith('Bearer ')) throw new LarkError(400, 99991661, 'Missing access token for authorization.');
    const expires = state.tenantTokens.get(auth.slice(7));
    if (expires === undefined || expires <= now()) throw new LarkError(400, 99991663, 'Invalid access token for authorization.');
    const failure = o.failures.find((f) => f.times > 0 && (f.op === op || f.op === '*'));
    if (failure) {
      failure.times--;
      throw new LarkError(failure.status, failure.code, failure.msg ?? 'injected failure', failure.resetSeconds);
    }
    if (!o.limits.enforce) return;
    const checks = [
      { key: `app:${op}:s`, max: o.limits.appPerSecond, windowMs: 1000, code: 99991400, status: 429 },
      { key: `app:${op}:m`, max: o.limits.appPerMinute, windowMs: 60_000, code: 99991400, status: 429 },
      ...extra,
    ];
    const counted: string[] = [];
    for (const check of checks) {
      const wait = counter.hit(check.key, check.max, check.windowMs, now());
      if (wait !== null) {
        for (const k of counted) counter.undo(k);
        o.stats.rateLimited++;
        throw new LarkError(check.status, check.code, check.code === 99991400 ? 'request trigger frequency limit' : 'The request you send to the same user or chat is too frequent.', wait);
      }
      counted.push(check.key);
    }
  }

  app.onError((err, c) => {
    if (err instanceof LarkError) {
      if (err.resetSeconds !== undefined) {
        c.header('x-ogw-ratelimit-limit', String(o.limits.appPerSecond));
        c.header('x-ogw-ratelimit-reset', String(err.resetSeconds));
      }
      c.header('x-tt-logid', `fake-${o.randomId()}`);
      return c.json({ code: err.code, msg: err.message }, err.status as 400);
    }
    return c.json({ code: 500, msg: `fake lark internal error: ${err instanceof Error ? err.message : String(err)}` }, 500);
  });

  app.post('/open-apis/auth/v3/tenant_access_token/internal', async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as { app_id?: string; app_secret?: string };
    // Real Lark answers these with HTTP 200 and a code (oapi-sdk-java#33, dreamux#417).
    const status = o.shapes.tokenErrors === 'http200' ? 200 : 400;
    if (!body.app_id) return c.json({ code: 10003, data: {}, msg: 'invalid param' }, status);
    if (body.app_id !== o.appId) return c.json({ code: 10014, msg: 'app id not exists' }, status);
    if (body.app_secret !== o.appSecret) return c.json({ code: 10014, msg: 'app secret invalid' }, status);
    const token = `t-fake-${++state.counters.token}-${o.randomId()}`;
    state.tenantTokens.set(token, now() + 7200 * 1000);
    return c.json({ code: 0, msg: 'ok', tenant_access_token: token, expire: 7200 });
  });

  function chatFor(receiveIdType: string, receiveId: string): FakeChat {
    if (receiveIdType === 'chat_id') {
      const chat = state.chats.get(receiveId);
      if (!chat) throw new LarkError(400, 230001, `invalid receive_id: chat ${receiveId} not found`);
      if (!chat.botIn) throw new LarkError(400, 230002, 'Bot/User can NOT be out of the chat.');
      return chat;
    }
    const user = findUser(receiveIdType, receiveId);
    if (!user) throw new LarkError(400, 230034, `The receive_id is invalid: no user with ${receiveIdType} ${receiveId}`);
    if (user.unavailable) throw new LarkError(400, 230013, 'Bot has NO availability to this user.');
    if (user.blocked) throw new LarkError(400, 230035, 'Send Message Permission Denied.');
    return p2pChat(user.openId);
  }

  function findUser(type: string, id: string) {
    for (const u of state.users.values()) {
      if ((type === 'open_id' && u.openId === id) || (type === 'user_id' && u.userId === id) || (type === 'union_id' && u.unionId === id) || (type === 'email' && u.email === id)) return u;
    }
    return undefined;
  }

  function p2pChat(openId: string): FakeChat {
    const chatId = `oc_p2p_${openId}`;
    let chat = state.chats.get(chatId);
    if (!chat) {
      chat = { chatId, name: '', type: 'p2p', members: [openId], botIn: true };
      state.chats.set(chatId, chat);
    }
    return chat;
  }

  function checkContent(msgType: string, content: string, bodyBytes: number, op: string) {
    const bytes = byteLength(content);
    if (msgType === 'text' && bytes > 150 * 1024) throw new LarkError(400, 230025, 'The message content is too long (text ≤ 150 KB).');
    let parsed: unknown;
    try {
      parsed = JSON.parse(content);
    } catch {
      throw new LarkError(400, 230001, 'invalid message content: content must be a JSON string');
    }
    if (msgType === 'interactive') checkCard(parsed, bodyBytes, op);
    else if (msgType === 'post' && bodyBytes > LARK_BODY_MAX_BYTES) throw new LarkError(400, 230025, `The request body is too long (post ≤ 30 KB): ${bodyBytes} bytes.`);
    else if (msgType === 'text' && typeof (parsed as { text?: unknown }).text !== 'string') throw new LarkError(400, 230001, 'invalid message content: text needs "text"');
    else if (msgType === 'file' && !state.files.has(String((parsed as { file_key?: unknown }).file_key))) throw new LarkError(400, 230001, 'invalid message content: unknown file_key');
  }

  const knowsUser = (id: string) => state.users.has(id) || [...state.users.values()].some((u) => u.userId === id || u.email === id);

  /**
   * The card rules on the request body as sent. What Lark refuses is refused (230025, or 230099 with the
   * sub-code in `msg` as Lark words it); known debt and what Lark shows wrongly are recorded.
   */
  function checkCard(card: unknown, bodyBytes: number, op: string, messageId?: string, refuse = (v: CardViolation[]) => cardError(v)) {
    const found = validateCard(card, { bodyBytes, knowsUser });
    const refused = found.filter((v) => v.rejects && !o.cardDebt.has(v.rule));
    for (const v of found) if (!refused.includes(v)) (v.rejects ? state.cardDebt : state.cardFlaws).push({ ...v, op, messageId });
    if (refused.length > 0) throw refuse(refused);
  }

  function cardError(v: CardViolation[]): LarkError {
    const first = v[0]!;
    if (first.code === 230025) return new LarkError(400, 230025, `The request body is too long (card ≤ 30 KB). ${first.message}`);
    return new LarkError(400, 230099, `Failed to create card content, ext=ErrCode: ${first.code}; ErrMsg: ${v.map((x) => x.message).join('; ')}`);
  }

  function send(c: Context, chat: FakeChat, body: { msg_type?: string; content?: string; uuid?: string }, bodyBytes: number, op: string, parent?: FakeMessage) {
    const msgType = body.msg_type ?? '';
    const content = body.content ?? '';
    if (!msgType || typeof content !== 'string') throw new LarkError(400, 230001, 'invalid param: msg_type and content are required');
    if (body.uuid !== undefined && (typeof body.uuid !== 'string' || body.uuid.length > 50)) throw new LarkError(400, 230001, 'invalid param: uuid must be at most 50 characters');
    if (body.uuid) {
      const seen = state.uuids.get(body.uuid);
      if (seen && seen.at > now() - UUID_TTL_MS) {
        const prior = state.messages.get(seen.messageId)!;
        return ok(c, messageView(prior));
      }
    }
    checkContent(msgType, content, bodyBytes, op);
    const message = makeMessage({
      messageId: `om_fake_${++state.counters.message}_${o.randomId().slice(0, 8)}`,
      chatId: chat.chatId,
      chatType: chat.type,
      sender: 'bot',
      msgType,
      content,
      uuid: body.uuid,
      parentId: parent?.messageId,
      rootId: parent ? (parent.rootId ?? parent.messageId) : undefined,
      createTime: now(),
    });
    state.messages.set(message.messageId, message);
    state.order.push(message.messageId);
    if (body.uuid) state.uuids.set(body.uuid, { messageId: message.messageId, at: now() });
    return ok(c, messageView(message));
  }

  function messageView(m: FakeMessage) {
    return {
      message_id: m.messageId,
      // only replies carry root_id and parent_id (https://open.feishu.cn/document/server-docs/im-v1/message/get)
      ...(m.rootId ? { root_id: m.rootId, parent_id: m.parentId } : {}),
      msg_type: m.msgType,
      create_time: String(m.createTime),
      update_time: String(m.createTime),
      deleted: false,
      updated: m.history.length > 0,
      chat_id: m.chatId,
      sender: m.sender === 'bot' ? { id: o.appId, id_type: 'app_id', sender_type: 'app', tenant_key: o.tenantKey } : { id: m.sender, id_type: 'open_id', sender_type: 'user', tenant_key: o.tenantKey },
      body: { content: m.content },
      mentions: [],
    };
  }

  const perReceiver = (id: string) => ({ key: `recv:${id}`, max: o.limits.perReceiverPerSecond, windowMs: 1000, code: 230020, status: 400 });

  app.post('/open-apis/im/v1/messages', async (c) => {
    const receiveIdType = c.req.query('receive_id_type') ?? '';
    const raw = await c.req.text();
    const body = parseBody(raw) as { receive_id?: string; msg_type?: string; content?: string; uuid?: string } | null;
    const receiveId = body?.receive_id ?? '';
    gate(c, 'im.message.create', [perReceiver(chatIdOf(receiveIdType, receiveId))]);
    if (!['open_id', 'user_id', 'union_id', 'email', 'chat_id'].includes(receiveIdType)) throw new LarkError(400, 230001, 'invalid param: receive_id_type');
    if (!body || !receiveId) throw new LarkError(400, 230001, 'invalid param: receive_id is required');
    return send(c, chatFor(receiveIdType, receiveId), body, byteLength(raw), 'im.message.create');
  });

  app.post('/open-apis/im/v1/messages/:id/reply', async (c) => {
    const parent = state.messages.get(c.req.param('id'));
    gate(c, 'im.message.reply', [perReceiver(parent?.chatId ?? c.req.param('id'))]);
    if (!parent) throw new LarkError(400, 230001, 'invalid param: message not found');
    const chat = state.chats.get(parent.chatId)!;
    if (!chat.botIn) throw new LarkError(400, 230002, 'Bot/User can NOT be out of the chat.');
    const raw = await c.req.text();
    const body = (parseBody(raw) ?? {}) as { msg_type?: string; content?: string; uuid?: string };
    return send(c, chat, body, byteLength(raw), 'im.message.reply', parent);
  });

  app.patch('/open-apis/im/v1/messages/:id', async (c) => {
    const id = c.req.param('id');
    gate(c, 'im.message.patch', [{ key: `patch:${id}`, max: o.limits.perMessagePatchPerSecond, windowMs: 1000, code: 230020, status: 400 }]);
    const m = state.messages.get(id);
    if (!m) throw new LarkError(400, 230001, 'invalid param: message not found');
    if (m.sender !== 'bot') throw new LarkError(400, 230017, 'The bot is not the owner of the resource.');
    if (m.msgType !== 'interactive') throw new LarkError(400, 230001, 'only interactive messages can be patched');
    if (m.createTime < now() - CARD_WINDOW_MS) throw new LarkError(400, 230031, 'Message can only be modified within 14 days after sending.');
    const raw = await c.req.text();
    const body = (parseBody(raw) ?? {}) as { content?: string };
    if (typeof body.content !== 'string') throw new LarkError(400, 230001, 'invalid param: content is required');
    updateCard(m, body.content, byteLength(raw), 'im.message.patch');
    return ok(c, {});
  });

  function updateCard(m: FakeMessage, content: string, bodyBytes: number, op: string, refuse?: (v: CardViolation[]) => LarkError) {
    let card: unknown;
    try {
      card = JSON.parse(content);
    } catch {
      throw new LarkError(400, 230001, 'invalid message content');
    }
    checkCard(card, bodyBytes, op, m.messageId, refuse);
    const before = m.card as { schema?: string; config?: { update_multi?: boolean } } | undefined;
    const after = card as { schema?: string };
    if (before?.schema === '2.0' && after.schema !== '2.0') throw new LarkError(400, 230099, 'Failed to update card content, ext=ErrCode: 200830; a 2.0 card cannot become 1.0');
    if (before?.config?.update_multi === false) throw new LarkError(400, 230099, 'only shared cards (update_multi) can be updated');
    m.history.push(m.content);
    m.content = content;
  }

  app.post('/open-apis/interactive/v1/card/update', async (c) => {
    gate(c, 'interactive.card.update');
    const raw = await c.req.text();
    const body = (parseBody(raw) ?? {}) as { token?: string; card?: unknown };
    const t = state.cardTokens.get(body.token ?? '');
    if (!t || t.expiresAt <= now()) throw new LarkError(400, 300030, 'The card update token has expired.');
    if (t.uses >= 2) throw new LarkError(400, 300040, 'The card update token has been used up.');
    if (t.inFlight) state.violations.push(`delayed update with token ${t.token} before the callback was answered (Lark would fail or revert the card)`);
    const m = state.messages.get(t.messageId)!;
    const card = body.card as Record<string, unknown> | undefined;
    if (!card) throw new LarkError(400, 230001, 'invalid param: card is required');
    t.uses++;
    // a card Lark cannot use answers 11311 here (https://open.feishu.cn/document/server-docs/im-v1/message-card/delay-update-message-card)
    updateCard(m, JSON.stringify(card), byteLength(raw), 'interactive.card.update', (v) => new LarkError(400, 11311, `card content is invalid: ${v.map((x) => `${x.code} ${x.message}`).join('; ')}`));
    return ok(c, {});
  });

  app.patch('/open-apis/im/v1/messages/:id/urgent_app', async (c) => {
    gate(c, 'im.message.urgent_app');
    if (c.req.query('user_id_type') !== 'open_id') throw new LarkError(400, 230001, 'invalid param: user_id_type must be open_id here');
    const m = state.messages.get(c.req.param('id'));
    if (!m) throw new LarkError(400, 230001, 'invalid param: message not found');
    if (m.sender !== 'bot') throw new LarkError(400, 230017, 'The bot is not the owner of the resource.');
    const body = (await c.req.json().catch(() => ({}))) as { user_id_list?: string[] };
    const ids = body.user_id_list ?? [];
    if (ids.length === 0 || ids.length > 200) throw new LarkError(400, 230001, 'invalid param: user_id_list must hold 1 to 200 ids');
    const chat = state.chats.get(m.chatId)!;
    const invalid = ids.filter((id) => !chat.members.includes(id) || !state.users.has(id));
    const valid = ids.filter((id) => !invalid.includes(id));
    if (valid.length > 0) state.urgent.push({ messageId: m.messageId, openIds: valid, at: now() });
    return ok(c, { invalid_user_id_list: invalid });
  });

  app.post('/open-apis/im/v1/files', async (c) => {
    gate(c, 'im.file.create');
    const form = await c.req.formData().catch(() => null);
    if (!form) throw new LarkError(400, 234001, 'invalid request: multipart/form-data expected');
    const fileType = String(form.get('file_type') ?? '');
    const fileName = String(form.get('file_name') ?? '');
    const file = form.get('file') as File | string | null;
    if (!FILE_TYPES.has(fileType)) throw new LarkError(400, 234001, 'invalid param: file_type');
    if (!fileName) throw new LarkError(400, 234001, 'invalid param: file_name');
    if (!file || typeof file === 'string') throw new LarkError(400, 234001, 'invalid param: file');
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (bytes.length === 0) throw new LarkError(400, 234010, 'File size cannot be 0.');
    // upload limit 30 MB → 234006 (https://open.feishu.cn/document/server-docs/im-v1/file/create)
    if (bytes.length > 30 * 1024 * 1024) throw new LarkError(400, 234006, 'The file size exceed the max value.');
    const fileKey = `file_v3_fake_${++state.counters.file}_${o.randomId().slice(0, 8)}`;
    state.files.set(fileKey, { fileKey, fileName, fileType, bytes });
    return ok(c, { file_key: fileKey });
  });

  app.get('/open-apis/im/v1/messages/:id', (c) => {
    gate(c, 'im.message.get');
    const m = state.messages.get(c.req.param('id'));
    if (!m) throw new LarkError(400, 230001, 'invalid param: message not found');
    if (!state.chats.get(m.chatId)?.botIn) throw new LarkError(400, 230002, 'Bot/User can NOT be out of the chat.');
    return ok(c, { items: [messageView(m)] });
  });

  app.get('/open-apis/im/v1/messages/:id/resources/:key', (c) => {
    gate(c, 'im.message.resource.get');
    const m = state.messages.get(c.req.param('id'));
    if (!m) throw new LarkError(400, 230001, 'invalid param: message not found');
    if (!state.chats.get(m.chatId)?.botIn) throw new LarkError(400, 230002, 'Bot/User can NOT be out of the chat.');
    const file = state.files.get(c.req.param('key'));
    if (!file || file.messageId !== m.messageId) throw new LarkError(400, 234003, 'File not in msg.');
    // download limit 100 MB → 234037 (https://open.feishu.cn/document/server-docs/im-v1/message/get-2)
    if (file.bytes.length > 100 * 1024 * 1024) throw new LarkError(400, 234037, 'Downloaded file size exceeds limit.');
    const type = c.req.query('type');
    if (type !== 'file' && type !== 'image') throw new LarkError(400, 234001, 'invalid param: type must be file or image');
    return c.body(file.bytes.slice().buffer as ArrayBuffer, 200, {
      'content-type': 'application/octet-stream',
      'content-disposition': `attachment; filename="${encodeURIComponent(file.fileName)}"`,
    });
  });

  app.get('/open-apis/im/v1/chats/:id/members', (c) => {
    gate(c, 'im.chat.members.get');
    const chat = state.chats.get(c.req.param('id'));
    if (!chat) throw new LarkError(400, 232006, 'invalid chat_id');
    if (!chat.botIn) throw new LarkError(400, 232011, 'The operator is not in the chat.');
    const pageSize = Math.min(100, Math.max(1, Number(c.req.query('page_size') ?? 20) || 20));
    const start = readPageToken(c.req.query('page_token'));
    const slice = chat.members.slice(start, start + pageSize);
    const hasMore = start + pageSize < chat.members.length;
    return ok(c, {
      items: slice.map((id) => ({ member_id_type: 'open_id', member_id: id, name: state.users.get(id)?.name ?? '', tenant_key: o.tenantKey })),
      // opaque, and only while has_more (https://open.feishu.cn/document/server-docs/group/chat-member/get)
      ...(hasMore ? { page_token: pageToken(start + pageSize) } : {}),
      has_more: hasMore,
      member_total: chat.members.length,
    });
  });

  app.post('/open-apis/contact/v3/users/batch_get_id', async (c) => {
    gate(c, 'contact.user.batch_get_id');
    const body = (await c.req.json().catch(() => ({}))) as { emails?: string[]; mobiles?: string[] };
    const emails = body.emails ?? [];
    const mobiles = body.mobiles ?? [];
    if (emails.length > 50 || mobiles.length > 50) throw new LarkError(400, 40001, 'invalid param: at most 50 emails and 50 mobiles');
    const users = [...state.users.values()];
    const idType = c.req.query('user_id_type') ?? 'open_id';
    const idOf = (u: (typeof users)[number]) => (idType === 'user_id' ? u.userId : idType === 'union_id' ? u.unionId : u.openId);
    const normalise = (m: string) => m.replace(/^\+86/, '');
    return ok(c, {
      user_list: [
        ...emails.map((email) => {
          const u = users.find((x) => x.email?.toLowerCase() === email.toLowerCase());
          return u ? { user_id: idOf(u), email } : { email };
        }),
        ...mobiles.map((mobile) => {
          const u = users.find((x) => x.mobile && normalise(x.mobile) === normalise(mobile));
          return u ? { user_id: idOf(u), mobile } : { mobile };
        }),
      ],
    });
  });

  app.get('/open-apis/bot/v3/info', (c) => {
    gate(c, 'bot.info');
    // the data is under `bot`, not `data` (https://open.feishu.cn/document/client-docs/bot-v3/obtain-bot-info)
    return c.json({ code: 0, msg: 'ok', bot: { activate_status: 2, app_name: o.botName, avatar_url: '', ip_white_list: [], open_id: o.botOpenId } });
  });

  function pageToken(offset: number): string {
    return o.shapes.pageTokens === 'offset' ? String(offset) : btoa(JSON.stringify({ o: offset, s: o.randomId().slice(0, 6) }));
  }

  function readPageToken(token: string | undefined): number {
    if (!token) return 0;
    if (o.shapes.pageTokens === 'offset') return Number(token) || 0;
    try {
      const offset = (JSON.parse(atob(token)) as { o?: unknown }).o;
      if (typeof offset === 'number') return offset;
    } catch {
      // fall through
    }
    throw new LarkError(400, 99992402, 'field validation failed: page_token is invalid');
  }

  /** The chat a send goes to, for the per-group bucket: chats by id, users by their DM. */
  function chatIdOf(receiveIdType: string, receiveId: string): string {
    if (receiveIdType === 'chat_id') return receiveId;
    const user = findUser(receiveIdType, receiveId);
    return user ? `oc_p2p_${user.openId}` : receiveId;
  }

  return app;
}

function parseBody(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}
