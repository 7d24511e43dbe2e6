/**
 * The seam between Lark transport and the product. Features (flows, jobs, reports) depend only on
 * these types; `src/transport/` implements them (verified webhooks, long connection, the rate-limited
 * client) and `src/fake-lark/` plays Lark against them in tests, the demo and local mode.
 */

/** Card JSON 2.0 (`schema: "2.0"`). Built by the modules in `cards/`. */
export type CardJson = Record<string, unknown> & { schema: '2.0' };

export type ReceiveIdType = 'open_id' | 'chat_id' | 'user_id' | 'union_id' | 'email';

export interface Toast {
  type: 'info' | 'success' | 'error' | 'warning';
  content: string;
  i18n?: { zh_cn?: string; en_us?: string };
}

/** A `card.action.trigger` callback after verification and parsing. */
export interface CardAction {
  eventId: string;
  tenantKey: string;
  operator: { openId: string; userId?: string; unionId?: string };
  /** Delayed-update credential: 30 min, 2 uses. */
  token: string;
  openMessageId: string;
  openChatId?: string;
  tag: string;
  name?: string;
  /** The component's `behaviors[].value` object; our cards always put `{ action: "<name>", ... }` here. */
  value: Record<string, unknown>;
  formValue?: Record<string, unknown>;
  inputValue?: string;
  option?: string;
  timezone?: string;
  /**
   * True when the click came in the old callback format (消息卡片回传交互（旧）: no schema, top-level `open_id`).
   * Handlers need not care: the transport answers it with the toast and applies the card by delayed update.
   */
  legacy?: boolean;
}

/** What a card-action handler answers with (HTTP 200 within 3 s). */
export interface CardActionResponse {
  toast?: Toast;
  card?: { type: 'raw'; data: CardJson };
}

/**
 * What a received message holds, read from its `content` by `message_type` as Lark documents the received
 * shapes (https://open.feishu.cn/document/server-docs/im-v1/message-content-description/message_content).
 * Features switch on `kind`; every kind other than `text`, `post` and `file` is something the bot cannot act
 * on, and the chat layer answers it with a short note instead of dropping it.
 */
export type MessageBody =
  /** `text` keeps the `@_user_N` placeholders where people were mentioned (see `MessageEvent.mentions`). */
  | { kind: 'text'; text: string }
  /** Rich text. `text` is the title and every line's text, links and code blocks, mentions as `@_user_N`. */
  | { kind: 'post'; title: string; text: string; imageKeys: string[] }
  | { kind: 'file'; fileKey: string; fileName: string }
  | { kind: 'image'; imageKey: string }
  /** A video: `fileName` as sent, `imageKey` its cover. */
  | { kind: 'media'; fileKey: string; fileName: string; imageKey?: string; durationMs?: number }
  | { kind: 'audio'; fileKey: string; durationMs?: number }
  /** A sticker can be re-sent but not downloaded. */
  | { kind: 'sticker'; fileKey: string }
  /** Merged forward: the children are fetched with GET message; the content itself says nothing. */
  | { kind: 'merge_forward' }
  /** A card a user forwarded: Lark returns no JSON 2.0 content for it. */
  | { kind: 'interactive' }
  | { kind: 'share_chat'; chatId: string }
  | { kind: 'share_user'; userId: string }
  /** Group notices such as "{from_user} invited {to_chatters}". */
  | { kind: 'system'; template: string }
  /** Any other type (location, todo, vote, calendar, …) or a content that is not the documented JSON. */
  | { kind: 'unsupported'; messageType: string };

export type MessageKind = MessageBody['kind'];

export interface Mention {
  /** Positional placeholder in the text (`@_user_1`), not an identity; `@_all` for 提及所有人. */
  key: string;
  /** Absent for `@_all`. The bot's own mention is listed like a person's: compare with the bot's open_id. */
  openId?: string;
  userId?: string;
  unionId?: string;
  name: string;
  /** `user` or `bot` as Lark sends it (undocumented values are passed through); absent on older payloads. */
  mentionedType?: string;
}

/** `im.message.receive_v1`, flattened (https://open.feishu.cn/document/server-docs/im-v1/message/events/receive). */
export interface MessageEvent {
  eventId: string;
  tenantKey: string;
  /** ms since the epoch (Lark sends a string). */
  createTime: number;
  /** `userId` is absent without the user-id scope (Lark sends null); `unionId` is absent for some external users. */
  sender: { openId: string; userId?: string; unionId?: string; senderType: string };
  messageId: string;
  /** Only on replies. */
  rootId?: string;
  parentId?: string;
  /** Only on messages in a topic (话题), `omt_…`. */
  threadId?: string;
  chatId: string;
  chatType: 'p2p' | 'group' | string;
  messageType: string;
  /** The raw `content` JSON string, as Lark sends it. */
  content: string;
  /** `content` read by type. */
  body: MessageBody;
  mentions: Mention[];
}

export interface SentMessage {
  messageId: string;
  chatId?: string;
}

export interface ChatMember {
  openId: string;
  name: string;
}

export type OutgoingMessage =
  | { msgType: 'text'; content: { text: string } }
  | { msgType: 'post'; content: Record<string, unknown> }
  | { msgType: 'interactive'; content: CardJson }
  | { msgType: 'file'; content: { file_key: string } };

/** The one outbound client every feature uses. Every send carries a caller-chosen or derived `uuid`. */
export interface LarkClient {
  sendMessage(
    receiveIdType: ReceiveIdType,
    receiveId: string,
    message: OutgoingMessage,
    opts?: { uuid?: string; tenantKey?: string },
  ): Promise<SentMessage>;
  /**
   * `chatId` is the chat the replied-to message is in: Lark's 5 QPS per group counts replies and sends alike
   * (https://open.feishu.cn/document/server-docs/im-v1/message/reply), so the client puts both in one bucket.
   */
  replyMessage?(messageId: string, message: OutgoingMessage, opts?: { uuid?: string; chatId?: string }): Promise<SentMessage>;
  patchCard(messageId: string, card: CardJson): Promise<void>;
  delayedUpdateCard(token: string, card: CardJson): Promise<void>;
  urgentApp(messageId: string, openIds: string[]): Promise<{ invalidUserIds: string[] }>;
  uploadFile(fileName: string, data: Uint8Array, fileType?: 'xls' | 'doc' | 'pdf' | 'stream'): Promise<{ fileKey: string }>;
  getMessage(messageId: string): Promise<{ messageId: string; msgType: string; content: string; chatId: string; senderId?: string }>;
  downloadMessageResource(messageId: string, fileKey: string, type: 'file' | 'image'): Promise<Uint8Array>;
  listChatMembers(chatId: string): Promise<ChatMember[]>;
  batchGetUserIds(query: { emails?: string[]; mobiles?: string[] }): Promise<Array<{ email?: string; mobile?: string; openId: string | null }>>;
}
