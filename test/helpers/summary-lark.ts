import { createFakeServer } from '../../src/fake-lark/server';
import { REAL_LIMITS } from '../../src/fake-lark/limits';
import { createFakeState } from '../../src/fake-lark/state';
import type { Clock } from '../../src/platform/clock';
import { createLarkClient } from '../../src/transport/client';

/**
 * The transport's real fetch client talking to the in-process fake Lark: uploads, sends, uuid dedupe
 * and card checks behave as Lark does, with no network.
 */
export function fakeLarkFor(clock: Clock, chat: { chatId: string; members: string[] }) {
  const state = createFakeState();
  state.chats.set(chat.chatId, { chatId: chat.chatId, name: '绩效自评群', type: 'group', members: chat.members, botIn: true });
  let n = 0;
  const app = createFakeServer({
    state,
    appId: 'cli_test',
    appSecret: 'secret',
    botOpenId: 'ou_bot',
    botName: '绩效助手',
    tenantKey: 'tenant_test',
    clock,
    limits: { ...REAL_LIMITS, enforce: false },
    failures: [],
    stats: { requests: 0, rateLimited: 0, byOp: {} },
    randomId: () => String(++n).padStart(8, '0'),
  });
  const lark = createLarkClient({
    baseUrl: 'https://fake.larksuite.test',
    appId: 'cli_test',
    appSecret: 'secret',
    clock,
    fetch: (input, init) => Promise.resolve(app.request(input instanceof Request ? input : String(input), init)),
    sleep: async () => {},
  });
  /** Messages in one chat, oldest first. */
  const messagesIn = (chatId: string) => state.order.map((id) => state.messages.get(id)!).filter((m) => m.chatId === chatId);
  return { state, lark, messagesIn };
}
