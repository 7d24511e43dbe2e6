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
}

/** What a card-action handler answers with (HTTP 200 within 3 s). */
export interface CardActionResponse {
  toast?: Toast;
  card?: { type: 'raw'; data: CardJson };
}

/** `im.message.receive_v1`, flattened. */
export interface MessageEvent {
  eventId: string;
  tenantKey: string;
  createTime: number;
  sender: { openId: string; userId?: string; unionId?: string; senderType: string };
  messageId: string;
  rootId?: string;
  parentId?: string;
  chatId: string;
  chatType: 'p2p' | 'group' | string;
  messageType: string;
  /** The raw `content` JSON string, as Lark sends it. */
  content: string;
  mentions: Array<{ key: string; openId?: string; name: string }>;
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
  replyMessage?(messageId: string, message: OutgoingMessage, opts?: { uuid?: string }): Promise<SentMessage>;
  patchCard(messageId: string, card: CardJson): Promise<void>;
  delayedUpdateCard(token: string, card: CardJson): Promise<void>;
  urgentApp(messageId: string, openIds: string[]): Promise<{ invalidUserIds: string[] }>;
  uploadFile(fileName: string, data: Uint8Array, fileType?: 'xls' | 'doc' | 'pdf' | 'stream'): Promise<{ fileKey: string }>;
  getMessage(messageId: string): Promise<{ messageId: string; msgType: string; content: string; chatId: string; senderId?: string }>;
  downloadMessageResource(messageId: string, fileKey: string, type: 'file' | 'image'): Promise<Uint8Array>;
  listChatMembers(chatId: string): Promise<ChatMember[]>;
  batchGetUserIds(query: { emails?: string[]; mobiles?: string[] }): Promise<Array<{ email?: string; mobile?: string; openId: string | null }>>;
}
