import type { Hono } from 'hono';
import { systemClock, type Clock } from '../platform/clock';
import type { Crypto } from '../platform/crypto';
import { createWebCrypto } from '../platform/crypto-web';
import type { CardActionResponse, CardJson } from '../transport/contract';
import { byteLength } from '../transport/card-measure';
import { KNOWN_CARD_DEBT } from './card-debt';
import { findAll, validateCard, type CardRule, type CardViolation } from './card-rules';
import { REAL_LIMITS, type FakeLimits } from './limits';
import { CARD_WINDOW_MS, createFakeServer, type InjectedFailure } from './server';
import { DEFAULT_SHAPES, idsOf, type PayloadShapes } from './shapes';
import { signLarkRequest, signLegacyCardCallback, type SignedRequest } from './sign';
import { createFakeState, makeMessage, type FakeChat, type FakeMessage, type FakeUser } from './state';
import { createWsGateway, mountWsEndpoint, WS_PATH, type WsGatewayOptions } from './ws-gateway';

export interface FakeLarkOptions {
  appId?: string;
  appSecret?: string;
  verificationToken?: string;
  /** null: the app has no Encrypt Key, so nothing is signed or encrypted (local development only). */
  encryptKey?: string | null;
  /** Encrypt bodies (as Lark does whenever an Encrypt Key is set). Default true. */
  encrypt?: boolean;
  tenantKey?: string;
  botName?: string;
  clock?: Clock;
  crypto?: Crypto;
  limits?: Partial<FakeLimits>;
  /**
   * With only the "@bot in groups" scope (the default), group messages that do not mention the bot are
   * stored but never delivered, as in Lark (https://open.feishu.cn/document/uAjLw4CM/ukTMukTMukTM/reference/im-v1/message/events/receive). Set true for the 获取群组中所有消息 scope.
   */
  receiveAllGroupMessages?: boolean;
  /**
   * How the app receives events and card callbacks: `webhook` (signed HTTP POSTs to the app, after
   * `fake.connect`) or `ws` (pushed over the long connection the app's SDK `WSClient` opens to the gateway;
   * serve it with `listenFakeLark`). The simulator API is the same either way.
   */
  eventMode?: 'webhook' | 'ws';
  /** Long-connection gateway settings (server-pushed ClientConfig, fragment size, ack timeout); see ./ws-gateway.ts. */
  ws?: Omit<WsGatewayOptions, 'appId' | 'appSecret' | 'clock' | 'randomId'>;
  /** Which real payload shapes to send (ids, callback format, token errors, page tokens); see shapes.ts. */
  shapes?: Partial<PayloadShapes>;
  /**
   * Card rules recorded in `fake.cardDebt` instead of refused. Default KNOWN_CARD_DEBT; pass `[]` for a fake
   * exactly as strict as Lark.
   */
  cardDebt?: readonly CardRule[];
}

/** Where the fake delivers events and callbacks: the app's base URL, or a fetch-like handler (e.g. `app.fetch`). */
export type AppTarget = { url: string } | { fetch: (request: Request) => Response | Promise<Response> };

export interface Delivery {
  kind: 'event' | 'card' | 'challenge';
  eventId: string;
  path: string;
  request: SignedRequest;
  status: number;
  /** Parsed JSON answer, or the raw text when it is not JSON. */
  response: unknown;
  /** The answer's bytes as received. */
  responseBytes: number;
  elapsedMs: number;
}

export interface PressResult {
  status: number;
  response: CardActionResponse | null;
  toast?: CardActionResponse['toast'];
  /** Lark client error code when the answer would show an error (200341 slow, 200671 non-200, 200672 bad body, 200673 bad card, 200830 2.0 → 1.0). */
  clientError?: number;
  /** With 200673: the card rules the answer's card breaks. */
  refused?: CardViolation[];
  /** The message after the callback answer was applied. */
  message: FakeMessage;
  delivery: Delivery;
}

export interface PressOptions {
  /** open_id of the person pressing. */
  operator: string;
  /** Picks the button whose callback value has `action === this` (our cards' convention). */
  action?: string;
  /** …or by its label (zh_cn or en_us content). */
  text?: string;
  /** …or by component name. */
  name?: string;
  /** When several buttons match, the n-th (0-based). */
  index?: number;
  /** Form fields by `name` (inputs: strings; multi-selects: arrays); unspecified fields keep their defaults. */
  formValue?: Record<string, unknown>;
}

export interface MessageEventOptions {
  /** open_id of the sender. */
  sender: string;
  /** Group chat id; omit for a DM to the bot. */
  chatId?: string;
  text?: string;
  /** Prefix the text with an @mention of the bot (as a user typing "@绩效自评助手 导入"). */
  mentionBot?: boolean;
  /** Other people @mentioned (open_ids), appended after the text. */
  mentions?: string[];
  parentId?: string;
  /** The topic (话题) the message is posted in: Lark adds `thread_id` (https://open.feishu.cn/document/im-v1/message/thread-introduction). */
  threadId?: string;
  /** Send a file message instead of text. */
  file?: { name: string; bytes: Uint8Array };
  /**
   * Any other message type with its received content (see received-content.ts for the documented shapes of
   * post, image, media, sticker, merge_forward, interactive, system, …).
   */
  content?: { messageType: string; content: Record<string, unknown> };
  /** Add an @所有人 mention (key `@_all`, empty id). */
  mentionAll?: boolean;
}

export type FakeLark = ReturnType<typeof createFakeLark>;

/**
 * A Lark Open Platform in a box: the HTTP API (`fake.app`, or `fake.fetch` for an in-process client) and a
 * Lark client simulator that sends signed, encrypted events and card callbacks to the app exactly as
 * Lark does. See README.md in this folder.
 */
export function createFakeLark(options: FakeLarkOptions = {}) {
  const appId = options.appId ?? 'cli_fake_app';
  const appSecret = options.appSecret ?? 'fake-app-secret';
  const verificationToken = options.verificationToken ?? 'fake-verification-token';
  const encryptKey = options.encryptKey === null ? undefined : (options.encryptKey ?? 'fake-encrypt-key');
  const encrypt = options.encrypt ?? true;
  const tenantKey = options.tenantKey ?? 'tenant_fake';
  const botName = options.botName ?? '绩效自评助手';
  const clock = options.clock ?? systemClock;
  const crypto = options.crypto ?? createWebCrypto();
  const limits: FakeLimits = { ...REAL_LIMITS, ...options.limits };
  const botOpenId = `ou_bot_${appId}`;
  const state = createFakeState();
  /** Mutable: a test may switch a shape between two deliveries. */
  const shapes: PayloadShapes = { ...DEFAULT_SHAPES, ...options.shapes };
  const debt = new Set(options.cardDebt ?? KNOWN_CARD_DEBT);
  const failures: InjectedFailure[] = [];
  const stats = { requests: 0, rateLimited: 0, byOp: {} as Record<string, number> };
  const deliveries: Delivery[] = [];
  const randomId = () => crypto.randomUUID().replace(/-/g, '');
  const now = () => clock.now().getTime();
  let target: AppTarget | null = null;
  let paths = { event: '/webhook/event', card: '/webhook/card' };

  const eventMode = options.eventMode ?? 'webhook';

  const app: Hono = createFakeServer({ state, appId, appSecret, botOpenId, botName, tenantKey, clock, limits, failures, stats, randomId, shapes, cardDebt: options.cardDebt ?? KNOWN_CARD_DEBT });
  const gateway = createWsGateway({ appId, appSecret, clock, randomId, ...options.ws });
  mountWsEndpoint(app, gateway);

  function envelope(eventType: string, event: Record<string, unknown>, eventId = `ev_fake_${++state.counters.event}_${randomId().slice(0, 8)}`) {
    // create_time is a string: ms for events, µs for card callbacks (https://open.feishu.cn/document/feishu-cards/card-callback-communication)
    const createTime = eventType === 'card.action.trigger' ? `${now()}000` : String(now());
    return {
      schema: '2.0',
      header: { event_id: eventId, token: verificationToken, create_time: createTime, event_type: eventType, tenant_key: tenantKey, app_id: appId },
      event,
    };
  }

  async function post(kind: Delivery['kind'], path: string, payload: unknown, eventId: string, signOverrides: { timestampHeader?: string } = {}): Promise<Delivery> {
    // Over the long connection Lark pushes plain JSON: the connection was authenticated once, at discovery.
    const request = eventMode === 'ws' ? { body: JSON.stringify(payload), headers: {} } : await signLarkRequest(payload, { crypto, encryptKey, encrypt, nowMs: now(), ...signOverrides });
    return deliver(kind, path, request, eventId);
  }

  async function deliver(kind: Delivery['kind'], path: string, request: SignedRequest, eventId: string): Promise<Delivery> {
    if (eventMode === 'ws') {
      if (kind === 'challenge') throw new Error('fake Lark: there is no URL verification over the long connection');
      const ack = await gateway.push(kind, request.body);
      const d: Delivery = { kind, eventId, path: WS_PATH, request, status: ack.code, response: ack.data, responseBytes: byteLength(JSON.stringify(ack.data ?? null)), elapsedMs: ack.elapsedMs };
      deliveries.push(d);
      return d;
    }
    if (!target) throw new Error('fake Lark: call fake.connect({ url }) or fake.connect({ fetch }) before sending events');
    const started = Date.now();
    const init: RequestInit = { method: 'POST', headers: request.headers, body: request.body };
    const res = 'url' in target ? await fetch(target.url.replace(/\/+$/, '') + path, init) : await target.fetch(new Request(`http://app.local${path}`, init));
    const text = await res.text();
    let response: unknown = text;
    try {
      response = text ? JSON.parse(text) : null;
    } catch {
      // keep the raw text
    }
    const d: Delivery = { kind, eventId, path, request, status: res.status, response, responseBytes: byteLength(text), elapsedMs: Date.now() - started };
    deliveries.push(d);
    return d;
  }

  function user(openId: string): FakeUser {
    const u = state.users.get(openId);
    if (!u) throw new Error(`fake Lark: unknown user ${openId}; add it with fake.addUser()`);
    return u;
  }

  function p2pChatId(openId: string): string {
    const chatId = `oc_p2p_${openId}`;
    if (!state.chats.has(chatId)) state.chats.set(chatId, { chatId, name: '', type: 'p2p', members: [openId], botIn: true });
    return chatId;
  }

  function chatOf(idOrOpenId: string): string {
    return state.chats.has(idOrOpenId) && state.chats.get(idOrOpenId)!.type === 'group' ? idOrOpenId : `oc_p2p_${idOrOpenId}`;
  }

  function messagesIn(chatId: string): FakeMessage[] {
    return state.order.map((id) => state.messages.get(id)!).filter((m) => m.chatId === chatId);
  }

  const fake = {
    app,
    appId,
    appSecret,
    verificationToken,
    encryptKey,
    tenantKey,
    botOpenId,
    botName,
    state,
    stats,
    deliveries,
    eventMode,
    /** The long-connection gateway: connections, stats, `dropConnections()`, `setClientConfig()`, its `violations`. */
    gateway,
    /** The payload shapes sent; change a field to vary them between deliveries. */
    shapes,
    /** Card-protocol misuse the real Lark would punish; tests can assert it stays empty. */
    violations: state.violations,
    /** Card rules broken by accepted cards because they are known debt (card-debt.ts); the fix empties it. */
    cardDebt: state.cardDebt,
    /** What Lark accepts but shows wrongly, e.g. a markdown escape in plain_text. */
    cardFlaws: state.cardFlaws,
    /** Buzz (urgent_app) records, oldest first. */
    urgent: state.urgent,
    /** A fetch that calls the fake in-process: pass it to `createLarkClient({ fetch: fake.fetch, baseUrl: 'http://fake.lark' })`. */
    fetch: ((input: RequestInfo | URL, init?: RequestInit) => app.fetch(new Request(input, init))) as typeof fetch,

    /** Env for an app pointed at this fake. */
    env(baseUrl: string): Record<string, string> {
      return {
        LARK_APP_ID: appId,
        LARK_APP_SECRET: appSecret,
        LARK_VERIFICATION_TOKEN: verificationToken,
        ...(encryptKey ? { LARK_ENCRYPT_KEY: encryptKey } : { JIXIAO_INSECURE_LOCAL_DEV: '1' }),
        LARK_BASE_URL: baseUrl,
        LARK_EVENT_MODE: eventMode,
      };
    },

    connect(to: AppTarget, p: Partial<typeof paths> = {}) {
      target = to;
      paths = { ...paths, ...p };
    },

    addUser(u: Partial<FakeUser> & { name: string }): FakeUser {
      const n = ++state.counters.user;
      const full: FakeUser = { openId: u.openId ?? `ou_fake_${n}`, unionId: u.unionId ?? `on_fake_${n}`, userId: u.userId ?? `u${n}`, ...u };
      state.users.set(full.openId, full);
      return full;
    },

    addChat(c: { chatId?: string; name: string; members: string[]; botIn?: boolean }): FakeChat {
      const chat: FakeChat = { chatId: c.chatId ?? `oc_fake_${++state.counters.chat}`, name: c.name, type: 'group', members: [...c.members], botIn: c.botIn ?? true };
      for (const m of chat.members) user(m);
      state.chats.set(chat.chatId, chat);
      return chat;
    },

    /** Every message in a chat (bot and users), oldest first. A user's open_id means their DM with the bot. */
    messagesIn(idOrOpenId: string): FakeMessage[] {
      return messagesIn(chatOf(idOrOpenId));
    },

    /** Messages the bot sent to a user (DM) or chat, oldest first. */
    messagesTo(idOrOpenId: string): FakeMessage[] {
      return messagesIn(chatOf(idOrOpenId)).filter((m) => m.sender === 'bot');
    },

    /** The most recent card the bot sent to a user (DM) or chat, with its current content. */
    lastCard(idOrOpenId: string): (FakeMessage & { card: CardJson }) | undefined {
      const cards = fake.messagesTo(idOrOpenId).filter((m) => m.msgType === 'interactive');
      return cards[cards.length - 1] as (FakeMessage & { card: CardJson }) | undefined;
    },

    message(messageId: string): FakeMessage | undefined {
      return state.messages.get(messageId);
    },

    file(fileKey: string) {
      return state.files.get(fileKey);
    },

    /** Makes the next `times` calls of an operation fail (e.g. `{ op: 'im.message.create', status: 500, code: 500 }`). */
    failNext(f: Omit<InjectedFailure, 'times'> & { times?: number }) {
      failures.push({ times: 1, ...f });
    },

    /** Expires every issued tenant token (the next call gets 99991663). */
    expireTokens() {
      for (const k of state.tenantTokens.keys()) state.tenantTokens.set(k, 0);
    },

    /** Lark's `url_verification` request, as sent when the URL is saved in the console. */
    async challenge(opts: { path?: 'event' | 'card'; token?: string } = {}): Promise<Delivery> {
      const challenge = randomId();
      const payload = { challenge, token: opts.token ?? verificationToken, type: 'url_verification' };
      const request = encrypt && encryptKey
        ? { body: JSON.stringify({ encrypt: await crypto.encrypt(encryptKey, JSON.stringify(payload)) }), headers: { 'content-type': 'application/json' } }
        : { body: JSON.stringify(payload), headers: { 'content-type': 'application/json' } };
      return deliver('challenge', paths[opts.path ?? 'event'], request, challenge);
    },

    /** Sends any event (signed, encrypted) to the events URL. */
    async sendEvent(eventType: string, event: Record<string, unknown>, opts: { eventId?: string; timestampHeader?: string } = {}): Promise<Delivery> {
      const env = envelope(eventType, event, opts.eventId);
      return post('event', paths.event, env, env.header.event_id, opts);
    },

    /** Re-sends a delivery byte for byte (as Lark's retries do). */
    async redeliver(d: Delivery): Promise<Delivery> {
      return deliver(d.kind, d.path, d.request, d.eventId);
    },

    /** The bot was added to a group (im.chat.member.bot.added_v1). */
    async botAddedToChat(chatId: string, operator: string): Promise<Delivery> {
      const chat = state.chats.get(chatId);
      if (!chat) throw new Error(`fake Lark: unknown chat ${chatId}`);
      chat.botIn = true;
      const u = user(operator);
      return fake.sendEvent('im.chat.member.bot.added_v1', {
        chat_id: chatId,
        operator_id: idsOf(u, shapes.ids),
        external: false,
        operator_tenant_key: tenantKey,
        name: chat.name,
      });
    },

    /**
     * A user posts a message (text or file) in a group or DM. It is stored in the chat's history; it is
     * delivered to the app as `im.message.receive_v1` when Lark would deliver it (DMs always; group
     * messages only when they @mention the bot, unless `receiveAllGroupMessages`).
     */
    async sendMessageEvent(m: MessageEventOptions): Promise<{ message: FakeMessage; delivered: boolean; delivery?: Delivery }> {
      const sender = user(m.sender);
      const chatId = m.chatId ?? p2pChatId(sender.openId);
      const chat = state.chats.get(chatId);
      if (!chat) throw new Error(`fake Lark: unknown chat ${chatId}`);
      if (chat.type === 'group' && !chat.members.includes(sender.openId)) throw new Error(`fake Lark: ${sender.name} is not a member of ${chat.name}`);
      // Mentions as Lark lists them: positional keys, `mentioned_type`, the bot like a person (its user_id
      // empty), @所有人 as `@_all` with an empty id (https://open.feishu.cn/document/server-docs/im-v1/message/events/receive).
      const mentions: Array<{ key: string; id: Record<string, string | null>; name: string; tenant_key: string; mentioned_type: string }> = [];
      let content: string;
      let messageType: string;
      let parent: FakeMessage | undefined;
      if (m.parentId) {
        parent = state.messages.get(m.parentId);
        if (!parent) throw new Error(`fake Lark: unknown parent message ${m.parentId}`);
      }
      const messageId = `om_fake_${++state.counters.message}_${randomId().slice(0, 8)}`;
      if (m.file) {
        messageType = 'file';
        const fileKey = `file_v3_fake_${++state.counters.file}_${randomId().slice(0, 8)}`;
        state.files.set(fileKey, { fileKey, fileName: m.file.name, fileType: 'stream', bytes: m.file.bytes, messageId });
        content = JSON.stringify({ file_key: fileKey, file_name: m.file.name });
      } else if (m.content) {
        messageType = m.content.messageType;
        content = JSON.stringify(m.content.content);
      } else {
        messageType = 'text';
        const parts: string[] = [];
        const mention = (id: Record<string, string | null>, name: string, type: string) => {
          mentions.push({ key: `@_user_${mentions.length + 1}`, id, name, tenant_key: tenantKey, mentioned_type: type });
          parts.push(mentions[mentions.length - 1]!.key);
        };
        if (m.mentionBot) mention({ open_id: botOpenId, union_id: `on_${botOpenId}`, user_id: '' }, botName, 'bot');
        if (m.text) parts.push(m.text);
        for (const id of m.mentions ?? []) {
          const u = user(id);
          mention(idsOf(u, shapes.ids), u.name, 'user');
        }
        if (m.mentionAll) {
          mentions.push({ key: '@_all', id: { open_id: '', union_id: '', user_id: '' }, name: '所有人', tenant_key: tenantKey, mentioned_type: 'user' });
          parts.push('@_all');
        }
        content = JSON.stringify({ text: parts.join(' ') });
      }
      const message = makeMessage({
        messageId,
        chatId,
        chatType: chat.type,
        sender: sender.openId,
        msgType: messageType,
        content,
        parentId: parent?.messageId,
        rootId: parent ? (parent.rootId ?? parent.messageId) : undefined,
        threadId: m.threadId ?? parent?.threadId,
        createTime: now(),
      });
      state.messages.set(messageId, message);
      state.order.push(messageId);

      const mentionsBot = mentions.some((x) => x.id.open_id === botOpenId);
      if (chat.type === 'group' && !mentionsBot && !options.receiveAllGroupMessages) return { message, delivered: false };
      const senderIds = idsOf(sender, shapes.ids);
      const delivery = await fake.sendEvent('im.message.receive_v1', {
        sender: { sender_id: senderIds, sender_type: 'user', ...(shapes.ids === 'minimal' ? {} : { tenant_key: tenantKey }) },
        message: {
          message_id: messageId,
          // only replies carry root_id / parent_id, only topic messages thread_id
          ...(message.rootId ? { root_id: message.rootId, parent_id: message.parentId } : {}),
          ...(message.threadId ? { thread_id: message.threadId } : {}),
          create_time: String(message.createTime),
          update_time: String(message.createTime),
          chat_id: chatId,
          chat_type: chat.type,
          message_type: messageType,
          content,
          ...(mentions.length > 0 ? { mentions } : {}),
        },
      });
      return { message, delivered: true, delivery };
    },

    /**
     * Presses a button on a card the bot sent, as the Lark client does: inside a form it gathers every
     * field by `name` (defaults overlaid with `formValue`, required fields enforced), then sends a signed
     * `card.action.trigger` and applies the answer (toast, replacement card) to the message.
     */
    async pressButton(cardMessage: FakeMessage | string, opts: PressOptions): Promise<PressResult> {
      const message = typeof cardMessage === 'string' ? state.messages.get(cardMessage) : state.messages.get(cardMessage.messageId);
      if (message?.msgType !== 'interactive') throw new Error('fake Lark: pressButton needs a card message the bot sent');
      const operator = user(opts.operator);
      const chat = state.chats.get(message.chatId)!;
      if (!chat.members.includes(operator.openId)) throw new Error(`fake Lark: ${operator.name} cannot see this card (not in the chat)`);
      const card = message.card!;
      const forms = findAll(card.body, (n) => n.tag === 'form');
      const buttons = findAll(card.body, (n) => n.tag === 'button').filter((b) => {
        const value = callbackValue(b);
        if (opts.action !== undefined && (value as { action?: unknown } | undefined)?.action !== opts.action) return false;
        if (opts.text !== undefined && !labels(b).includes(opts.text)) return false;
        if (opts.name !== undefined && b.name !== opts.name) return false;
        return true;
      });
      if (buttons.length === 0) throw new Error(`fake Lark: no button matches ${JSON.stringify({ action: opts.action, text: opts.text, name: opts.name })} on card ${message.messageId}`);
      if (buttons.length > 1 && opts.index === undefined) throw new Error(`fake Lark: ${buttons.length} buttons match; pass index`);
      const button = buttons[opts.index ?? 0];
      if (!button) throw new Error('fake Lark: button index out of range');
      if (button.disabled === true) throw new Error('fake Lark: the button is disabled; the Lark client would not send anything');
      const form = forms.find((f) => findAll(f, (n) => n === button).length > 0);

      const action: Record<string, unknown> = { tag: 'button', value: callbackValue(button) ?? {}, timezone: 'Asia/Shanghai' };
      if (typeof button.name === 'string') action.name = button.name;
      if (form && (button.form_action_type === 'submit' || button.action_type === 'form_submit')) {
        action.form_value = collectForm(form, opts.formValue ?? {});
      } else if (opts.formValue) {
        throw new Error('fake Lark: formValue given but the button does not submit a form');
      }
      return fake.sendCardAction(message.messageId, operator.openId, action);
    },

    /**
     * Low-level: sends a card callback with any `action` object for a card message, in the format
     * `fake.shapes.cardCallback` names. A 2.0 card older than 14 days sends nothing: "卡片可交互和可更新时间统一为
     * 14 天" (https://open.feishu.cn/document/feishu-cards/card-json-v2-breaking-changes-release-notes).
     */
    async sendCardAction(messageId: string, operatorOpenId: string, action: Record<string, unknown>): Promise<PressResult> {
      const message = state.messages.get(messageId);
      if (!message) throw new Error(`fake Lark: unknown message ${messageId}`);
      if (message.card?.schema === '2.0' && message.createTime < now() - CARD_WINDOW_MS) {
        throw new Error('fake Lark: this card JSON 2.0 message was sent more than 14 days ago; the Lark client no longer sends its callbacks');
      }
      const operator = user(operatorOpenId);
      const token = `c-${randomId()}`;
      const t = { token, messageId, uses: 0, expiresAt: now() + 30 * 60_000, inFlight: true };
      state.cardTokens.set(token, t);
      let delivery: Delivery;
      if (shapes.cardCallback === 'legacy') {
        // 消息卡片回传交互（旧）: top-level ids, no schema, plain JSON with a sha1 signature even with an Encrypt Key
        const ids = idsOf(operator, shapes.ids);
        const payload = { open_id: ids.open_id, user_id: ids.user_id, open_message_id: messageId, open_chat_id: message.chatId, tenant_key: tenantKey, token, action };
        const request = await signLegacyCardCallback(payload, { crypto, verificationToken, nowMs: now() });
        delivery = await deliver('card', paths.card, request, `legacy_${token}`);
      } else {
        const env = envelope('card.action.trigger', {
          operator: { tenant_key: tenantKey, ...idsOf(operator, shapes.ids) },
          token,
          action,
          host: 'im_message',
          context: { open_message_id: messageId, open_chat_id: message.chatId },
        });
        delivery = await post('card', paths.card, env, env.header.event_id);
      }
      t.inFlight = false;
      return applyCardAnswer(message, delivery, shapes.cardCallback);
    },

    /** Re-sends a card callback byte for byte (a replay or a double-click delivered twice). */
    async replayCardAction(d: Delivery): Promise<PressResult> {
      const plain = JSON.parse(d.request.body) as { encrypt?: string };
      const body = JSON.parse(plain.encrypt && encryptKey ? await crypto.decrypt(encryptKey, plain.encrypt) : d.request.body) as {
        event?: { context: { open_message_id: string } };
        open_message_id?: string;
      };
      const message = state.messages.get(body.event?.context.open_message_id ?? body.open_message_id ?? '')!;
      return applyCardAnswer(message, await deliver('card', d.path, d.request, d.eventId), body.event ? 'v2' : 'legacy');
    },
  };

  /**
   * What the Lark client does with the callback's answer (https://open.feishu.cn/document/feishu-cards/card-callback-communication):
   * 200341 past 3 s, 200671 non-200, 200672 a body that is not a JSON object, 200673 a card Lark refuses,
   * 200830 a 2.0 card answered with a 1.0 one (which is what an old-format answer's card is).
   */
  function applyCardAnswer(message: FakeMessage, delivery: Delivery, format: PayloadShapes['cardCallback']): PressResult {
    const result: PressResult = { status: delivery.status, response: null, message, delivery };
    if (delivery.elapsedMs > 3000) result.clientError = 200341;
    if (delivery.status !== 200) {
      result.clientError ??= 200671;
      return result;
    }
    const body = delivery.response;
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      result.clientError ??= 200672;
      return result;
    }
    const answer = body as CardActionResponse & Record<string, unknown>;
    result.response = answer;
    result.toast = answer.toast;
    if (result.clientError) return result;
    const before = message.card as { schema?: string } | undefined;
    if (format === 'legacy') {
      // the old format's answer is a 1.0 card at the top level: never allowed over a 2.0 card
      if (['card', 'header', 'elements', 'config', 'i18n_elements'].some((k) => k in answer) && before?.schema === '2.0') result.clientError = 200830;
      return result;
    }
    if (answer.card) {
      if (answer.card.type !== 'raw') return result; // templates: not rendered by the fake
      const card = answer.card.data;
      if (before?.schema === '2.0' && card?.schema !== '2.0') {
        result.clientError = 200830;
        return result;
      }
      const found = validateCard(card, { bodyBytes: delivery.responseBytes, knowsUser: (id) => state.users.has(id) });
      const refused = found.filter((v) => v.rejects && !debt.has(v.rule));
      for (const v of found) if (!refused.includes(v)) (v.rejects ? state.cardDebt : state.cardFlaws).push({ ...v, op: 'card.answer', messageId: message.messageId });
      if (refused.length > 0) {
        result.clientError = 200673;
        result.refused = refused;
        return result;
      }
      message.history.push(message.content);
      message.content = JSON.stringify(card);
    }
    return result;
  }

  return fake;
}

function callbackValue(button: Record<string, unknown>): Record<string, unknown> | undefined {
  const behaviors = Array.isArray(button.behaviors) ? (button.behaviors as Array<Record<string, unknown>>) : [];
  const cb = behaviors.find((b) => b.type === 'callback');
  if (cb) return cb.value as Record<string, unknown>;
  return button.value as Record<string, unknown> | undefined;
}

function labels(node: Record<string, unknown>): string[] {
  const text = node.text as { content?: string; i18n_content?: Record<string, string> } | undefined;
  return [text?.content, ...Object.values(text?.i18n_content ?? {})].filter((x): x is string => typeof x === 'string');
}

const FIELD_TAGS = new Set(['input', 'select_static', 'multi_select_static', 'select_person', 'multi_select_person', 'date_picker', 'picker_time', 'picker_datetime', 'checker']);

/** What the Lark client puts in `form_value`: every named field, typed value or its default. */
function collectForm(form: Record<string, unknown>, given: Record<string, unknown>): Record<string, unknown> {
  const fields = findAll(form, (n) => FIELD_TAGS.has(String(n.tag)) && typeof n.name === 'string');
  const names = new Set(fields.map((f) => String(f.name)));
  for (const k of Object.keys(given)) if (!names.has(k)) throw new Error(`fake Lark: the form has no field named "${k}" (fields: ${[...names].join(', ')})`);
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const name = String(f.name);
    let value = given[name];
    if (value === undefined) value = defaultOf(f);
    const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
    if (f.required === true && empty) throw new Error(`fake Lark: required field "${name}" is empty; the Lark client would not submit the form`);
    if (f.tag === 'input' && typeof value === 'string') {
      const max = typeof f.max_length === 'number' ? f.max_length : 1000;
      if (value.length > max) throw new Error(`fake Lark: field "${name}" is longer than max_length ${max}; the Lark client would not accept it`);
    }
    if (!empty) out[name] = value;
    else if (f.tag === 'input') out[name] = '';
  }
  return out;
}

function defaultOf(f: Record<string, unknown>): unknown {
  switch (f.tag) {
    case 'input':
      return typeof f.default_value === 'string' ? f.default_value : undefined;
    case 'date_picker':
      return typeof f.initial_date === 'string' ? `${f.initial_date} +0800` : undefined;
    case 'multi_select_static':
    case 'multi_select_person':
      return Array.isArray(f.selected_values) ? f.selected_values : undefined;
    case 'checker':
      return f.checked === true;
    default:
      if (typeof f.initial_option === 'string') return f.initial_option;
      if (typeof f.initial_index === 'number' && Array.isArray(f.options)) return (f.options[f.initial_index - 1] as { value?: string } | undefined)?.value;
      return undefined;
  }
}
