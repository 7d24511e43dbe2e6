import type { CardViolation } from './card-rules';

/** Everything the fake Lark remembers: users, chats, messages, files, tokens, buzzes. In memory only. */

export interface FakeUser {
  openId: string;
  unionId: string;
  userId: string;
  name: string;
  email?: string;
  mobile?: string;
  /** Outside the app's availability range: sends fail with 230013. */
  unavailable?: boolean;
  /** Blocked the bot: sends fail with 230035. */
  blocked?: boolean;
}

export interface FakeChat {
  chatId: string;
  name: string;
  type: 'p2p' | 'group';
  members: string[];
  botIn: boolean;
}

export interface FakeMessage {
  messageId: string;
  chatId: string;
  chatType: 'p2p' | 'group';
  /** 'bot' for messages the app sent, else the sender's open_id. */
  sender: string;
  msgType: string;
  /** The content JSON string, exactly as Lark stores it. */
  content: string;
  uuid?: string;
  parentId?: string;
  rootId?: string;
  /** Messages in a topic (话题) carry its `omt_…` id. */
  threadId?: string;
  createTime: number;
  /** Every later version of the content (patches, delayed updates, callback answers), oldest first. */
  history: string[];
  /** Parsed convenience views. */
  readonly text?: string;
  readonly card?: Record<string, unknown>;
}

export interface FakeFile {
  fileKey: string;
  fileName: string;
  fileType: string;
  bytes: Uint8Array;
  /** The message carrying it, for files users send. */
  messageId?: string;
}

export interface UrgentRecord {
  messageId: string;
  openIds: string[];
  at: number;
}

export interface CardToken {
  token: string;
  messageId: string;
  uses: number;
  expiresAt: number;
  /** True while the callback that issued it has not been answered yet. */
  inFlight: boolean;
}

export interface CardRecord extends CardViolation {
  /** The API call that carried the card (`im.message.create`, `im.message.patch`, `card.answer`, …). */
  op: string;
  messageId?: string;
}

export function createFakeState() {
  return {
    users: new Map<string, FakeUser>(),
    chats: new Map<string, FakeChat>(),
    messages: new Map<string, FakeMessage>(),
    /** Message ids in send order. */
    order: [] as string[],
    files: new Map<string, FakeFile>(),
    urgent: [] as UrgentRecord[],
    tenantTokens: new Map<string, number>(),
    cardTokens: new Map<string, CardToken>(),
    /** uuid → { messageId, at } for 1 h dedupe of sends. */
    uuids: new Map<string, { messageId: string; at: number }>(),
    /** Protocol misuse the real Lark would punish (e.g. delayed update before the callback answered). */
    violations: [] as string[],
    /** Card rules broken by cards the fake accepted because they are known debt (card-debt.ts). */
    cardDebt: [] as CardRecord[],
    /** What Lark accepts but shows wrongly (plain_text with markdown escapes). */
    cardFlaws: [] as CardRecord[],
    counters: { message: 0, file: 0, event: 0, token: 0, chat: 0, user: 0 },
  };
}

export type FakeState = ReturnType<typeof createFakeState>;

export function makeMessage(fields: Omit<FakeMessage, 'history' | 'text' | 'card'>): FakeMessage {
  const m = { ...fields, history: [] as string[] } as FakeMessage;
  Object.defineProperty(m, 'text', {
    enumerable: false,
    get() {
      if (m.msgType !== 'text') return undefined;
      try {
        return (JSON.parse(m.content) as { text?: string }).text;
      } catch {
        return undefined;
      }
    },
  });
  Object.defineProperty(m, 'card', {
    enumerable: false,
    get() {
      if (m.msgType !== 'interactive') return undefined;
      try {
        return JSON.parse(m.content) as Record<string, unknown>;
      } catch {
        return undefined;
      }
    },
  });
  return m;
}
