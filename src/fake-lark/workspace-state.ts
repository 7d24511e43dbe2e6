import type { FakeLark } from './simulator';
import { makeMessage, type FakeChat, type FakeFile, type FakeMessage, type FakeUser, type UrgentRecord } from './state';

/**
 * Operations the local workspace needs on top of the simulator: a person's DM with the bot, adding a
 * member to a group, starting afresh, and saving / restoring everything the fake remembers so a restart
 * of `npm start` finds the same conversations the database refers to.
 */

/** The p2p chat between a user and the bot (the id the fake's send path uses too). */
export function dmChatId(fake: FakeLark, openId: string): string {
  const chatId = `oc_p2p_${openId}`;
  if (!fake.state.chats.has(chatId)) fake.state.chats.set(chatId, { chatId, name: '', type: 'p2p', members: [openId], botIn: true });
  return chatId;
}

export function addMember(fake: FakeLark, chatId: string, openId: string): void {
  const chat = fake.state.chats.get(chatId);
  if (!chat || chat.type !== 'group') throw new Error(`fake Lark: unknown group ${chatId}`);
  if (!fake.state.users.has(openId)) throw new Error(`fake Lark: unknown user ${openId}`);
  if (!chat.members.includes(openId)) chat.members.push(openId);
}

/** Forgets every user, chat, message, file, buzz and card token; ids keep counting up, so none is reused. */
export function resetFake(fake: FakeLark): void {
  const s = fake.state;
  s.users.clear();
  s.chats.clear();
  s.messages.clear();
  s.order.length = 0;
  s.files.clear();
  s.urgent.length = 0;
  s.cardTokens.clear();
  s.uuids.clear();
  s.violations.length = 0;
  fake.deliveries.length = 0;
}

export interface FakeSnapshot {
  version: 1;
  users: FakeUser[];
  chats: FakeChat[];
  messages: Array<Omit<FakeMessage, 'text' | 'card'>>;
  files: Array<Omit<FakeFile, 'bytes'> & { base64: string }>;
  urgent: UrgentRecord[];
  counters: Record<string, number>;
}

export function snapshotFake(fake: FakeLark): FakeSnapshot {
  const s = fake.state;
  return {
    version: 1,
    users: [...s.users.values()],
    chats: [...s.chats.values()],
    messages: s.order.map((id) => {
      const m = s.messages.get(id)!;
      return {
        messageId: m.messageId,
        chatId: m.chatId,
        chatType: m.chatType,
        sender: m.sender,
        msgType: m.msgType,
        content: m.content,
        uuid: m.uuid,
        parentId: m.parentId,
        rootId: m.rootId,
        createTime: m.createTime,
        history: [...m.history],
      };
    }),
    files: [...s.files.values()].map(({ bytes, ...rest }) => ({ ...rest, base64: toBase64(bytes) })),
    urgent: [...s.urgent],
    counters: { ...s.counters },
  };
}

export function restoreFake(fake: FakeLark, snap: FakeSnapshot): void {
  if (snap.version !== 1) throw new Error(`fake Lark: unknown snapshot version ${String(snap.version)}`);
  resetFake(fake);
  const s = fake.state;
  for (const u of snap.users) s.users.set(u.openId, { ...u });
  for (const c of snap.chats) s.chats.set(c.chatId, { ...c, members: [...c.members] });
  for (const m of snap.messages) {
    const { history, ...fields } = m;
    const message = makeMessage(fields);
    message.history.push(...history);
    s.messages.set(message.messageId, message);
    s.order.push(message.messageId);
  }
  for (const { base64, ...f } of snap.files) s.files.set(f.fileKey, { ...f, bytes: fromBase64(base64) });
  s.urgent.push(...snap.urgent);
  for (const [k, v] of Object.entries(snap.counters)) if (k in s.counters) s.counters[k as keyof typeof s.counters] = v;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** Every message of one chat, oldest first, by chat id (group or p2p). */
export function messagesInChat(fake: FakeLark, chatId: string): FakeMessage[] {
  const out: FakeMessage[] = [];
  for (const id of fake.state.order) {
    const m = fake.state.messages.get(id);
    if (m && m.chatId === chatId) out.push(m);
  }
  return out;
}
