import { afterEach, describe, expect, it } from 'vitest';
import type { MessageEvent } from '../../src/transport/contract';
import { createTestBot, type TestBot } from '../helpers/app';

/**
 * An app without the contact:user.employee_id:readonly scope receives `"user_id": null` (not an absent key),
 * and external users carry no union_id (https://open.feishu.cn/document/server-docs/im-v1/message/events/receive).
 */
describe('ids Lark sends as null or leaves out', () => {
  let bot: TestBot<'approve'>;
  afterEach(async () => bot?.close());

  it('a message whose sender has user_id null and no union_id reaches its handler', async () => {
    bot = await createTestBot({ actions: ['approve'] });
    const seen: MessageEvent[] = [];
    bot.dispatcher.onEvent('im.message.receive_v1', async (m) => void seen.push(m));
    const d = await bot.fake.sendEvent('im.message.receive_v1', {
      sender: { sender_id: { open_id: 'ou_1', user_id: null }, sender_type: 'user', tenant_key: 'tenant_fake' },
      message: { message_id: 'om_1', create_time: '1700000000000', chat_id: 'oc_1', chat_type: 'p2p', message_type: 'text', content: '{"text":"进度"}' },
    });
    await bot.idle();
    expect(d.status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.sender).toEqual({ openId: 'ou_1', userId: undefined, unionId: undefined, senderType: 'user' });
  });

  it('a card click whose operator has user_id null reaches its handler', async () => {
    bot = await createTestBot({ actions: ['approve'] });
    const u = bot.fake.addUser({ name: '张伟' });
    const sent = await bot.lark.sendMessage('open_id', u.openId, {
      msgType: 'interactive',
      content: { schema: '2.0', config: { update_multi: true }, body: { elements: [{ tag: 'markdown', content: 'x' }] } },
    });
    const operators: unknown[] = [];
    bot.dispatcher.onAction('approve', async (a) => (operators.push(a.operator), { toast: { type: 'success', content: '好' } }));
    const d = await bot.fake.sendEvent('card.action.trigger', {
      operator: { tenant_key: 'tenant_fake', open_id: u.openId, user_id: null, union_id: null },
      token: 'c-1',
      action: { tag: 'button', value: { action: 'approve', rev: 1 } },
      host: 'im_message',
      context: { open_message_id: sent.messageId, open_chat_id: 'oc_x' },
    });
    expect(d.status).toBe(200);
    expect(d.response).toEqual({ toast: { type: 'success', content: '好' } });
    expect(operators).toEqual([{ openId: u.openId, userId: undefined, unionId: undefined }]);
  });
});
