import { afterEach, describe, expect, it } from 'vitest';
import { received } from '../../src/fake-lark';
import type { MessageEvent } from '../../src/transport/contract';
import { createTestBot, type TestBot } from '../helpers/app';
import { envelope, post, signed, TEST_KEYS } from '../helpers/signing';

/**
 * Payloads as real tenants receive them (https://open.feishu.cn/document/server-docs/im-v1/message/events/receive,
 * https://open.feishu.cn/document/server-docs/im-v1/message-content-description/message_content), sent by the
 * fake over the app's own routes, signed and encrypted as Lark does.
 */
describe('real message shapes reach the handlers', () => {
  let bot: TestBot<string>;
  afterEach(async () => bot?.close());

  async function setup(shapes: Parameters<typeof createTestBot>[0] = {}) {
    bot = await createTestBot(shapes);
    const seen: MessageEvent[] = [];
    bot.dispatcher.onEvent('im.message.receive_v1', async (m) => void seen.push(m));
    const u = bot.fake.addUser({ name: '张伟' });
    const other = bot.fake.addUser({ name: '李娜' });
    const group = bot.fake.addChat({ name: '项目群', members: [u.openId, other.openId] });
    return { seen, u, other, group };
  }

  it('reads every message type into a kind the chat layer can answer', async () => {
    const { seen, u } = await setup();
    const file = await bot.fake.sendMessageEvent({ sender: u.openId, file: { name: '指标.xlsx', bytes: new Uint8Array([1]) } });
    const contents = [
      received.post('导入', [[{ tag: 'at', user_id: '@_user_1', user_name: '绩效自评助手' }, { tag: 'text', text: ' 进度' }], [{ tag: 'img', image_key: 'img_1' }], [{ tag: 'code_block', language: 'PLAIN', text: 'a\tb' }]]),
      received.image('img_v3_x'),
      received.media('file_v3_m', '现场.mp4', 'img_cover', 9000),
      received.audio('file_v3_a', 2000),
      received.sticker('file_v3_s'),
      received.mergeForward(),
      received.interactive(),
      received.shareChat('oc_shared'),
      received.system(),
      received.other('location', { name: '乌鲁木齐', longitude: '87.6', latitude: '43.8' }),
    ];
    for (const content of contents) await bot.fake.sendMessageEvent({ sender: u.openId, content });
    await bot.idle();
    expect(seen.map((m) => m.body)).toEqual([
      { kind: 'file', fileKey: JSON.parse(file.message.content).file_key, fileName: '指标.xlsx' },
      { kind: 'post', title: '导入', text: '导入\n@_user_1 进度\na\tb', imageKeys: ['img_1'] },
      { kind: 'image', imageKey: 'img_v3_x' },
      { kind: 'media', fileKey: 'file_v3_m', fileName: '现场.mp4', imageKey: 'img_cover', durationMs: 9000 },
      { kind: 'audio', fileKey: 'file_v3_a', durationMs: 2000 },
      { kind: 'sticker', fileKey: 'file_v3_s' },
      { kind: 'merge_forward' },
      { kind: 'interactive' },
      { kind: 'share_chat', chatId: 'oc_shared' },
      { kind: 'system', template: '{from_user} invited {to_chatters} to this chat.' },
      { kind: 'unsupported', messageType: 'location' },
    ]);
  });

  it('reads a post sent in the sending shape (locale key) and an unreadable content as unsupported', async () => {
    const { seen, u } = await setup();
    await bot.fake.sendMessageEvent({ sender: u.openId, content: { messageType: 'post', content: { zh_cn: { title: 't', content: [[{ tag: 'text', text: '进度' }]] } } } });
    await bot.fake.sendMessageEvent({ sender: u.openId, content: { messageType: 'text', content: { nottext: 1 } } });
    await bot.idle();
    expect(seen.map((m) => m.body)).toEqual([
      { kind: 'post', title: 't', text: 't\n进度', imageKeys: [] },
      { kind: 'unsupported', messageType: 'text' },
    ]);
  });

  it('a group message: the bot mentioned as Lark lists it, @所有人, user_id null, string create_time, thread ids only on topics', async () => {
    const { seen, u, other, group } = await setup();
    const first = await bot.fake.sendMessageEvent({ sender: u.openId, chatId: group.chatId, text: '进度', mentionBot: true, mentions: [other.openId], mentionAll: true });
    const inTopic = await bot.fake.sendMessageEvent({ sender: u.openId, chatId: group.chatId, text: '帮助', mentionBot: true, parentId: first.message.messageId, threadId: 'omt_topic1' });
    await bot.idle();
    const [a, b] = seen;
    expect(a!.mentions).toEqual([
      { key: '@_user_1', openId: bot.fake.botOpenId, userId: undefined, unionId: `on_${bot.fake.botOpenId}`, name: '绩效自评助手', mentionedType: 'bot' },
      { key: '@_user_2', openId: other.openId, userId: undefined, unionId: other.unionId, name: '李娜', mentionedType: 'user' },
      { key: '@_all', openId: undefined, userId: undefined, unionId: undefined, name: '所有人', mentionedType: 'user' },
    ]);
    expect(a!.body).toEqual({ kind: 'text', text: '@_user_1 进度 @_user_2 @_all' });
    expect(a!.sender.userId).toBeUndefined();
    expect(a!.createTime).toBe(first.message.createTime);
    expect([a!.rootId, a!.parentId, a!.threadId]).toEqual([undefined, undefined, undefined]);
    expect([b!.rootId, b!.parentId, b!.threadId]).toEqual([first.message.messageId, first.message.messageId, 'omt_topic1']);
    expect(inTopic.delivered).toBe(true);
  });

  it('the minimal shape: no union_id, no tenant_key on the sender, still answered', async () => {
    const { seen, u } = await setup({ fake: { shapes: { ids: 'minimal' } } });
    await bot.fake.sendMessageEvent({ sender: u.openId, text: '我的' });
    await bot.idle();
    expect(seen[0]!.sender).toEqual({ openId: u.openId, userId: undefined, unionId: undefined, senderType: 'user' });
    expect(seen[0]!.tenantKey).toBe(bot.fake.tenantKey);
  });
});

describe('every dropped or unreadable event is logged with its type and counted', () => {
  let bot: TestBot<string>;
  afterEach(async () => bot?.close());

  it('counts a message Lark sent in a shape the transport cannot read, an event nobody handles and a refused request', async () => {
    bot = await createTestBot({ fake: { verificationToken: TEST_KEYS.verificationToken, encryptKey: TEST_KEYS.encryptKey } });
    bot.dispatcher.onEvent('im.message.receive_v1', async () => {});
    await bot.fake.sendEvent('im.message.receive_v1', { sender: { sender_id: { open_id: 'ou_1' } }, message: { chat_id: 'oc_1' } });
    await bot.fake.sendEvent('im.chat.updated_v1', { chat_id: 'oc_1' });
    const bad = await signed(envelope('im.message.receive_v1', {}));
    bad.headers['x-lark-signature'] = '0'.repeat(64);
    expect((await bot.app.request(...post('/webhook/event', bad))).status).toBe(401);
    await bot.idle();
    expect(bot.dispatcher.drops.snapshot()).toEqual({
      total: 3,
      byKey: { 'malformed:im.message.receive_v1': 1, 'no-handler:im.chat.updated_v1': 1, 'refused:bad-signature': 1 },
    });
    const warned = bot.log.lines.filter((l) => l.level === 'warn').map((l) => [l.msg, l.fields?.eventType ?? l.fields?.reason]);
    expect(warned).toEqual(
      expect.arrayContaining([
        ['event shape not understood; acknowledged and dropped', 'im.message.receive_v1'],
        ['event type without a handler; acknowledged and ignored', 'im.chat.updated_v1'],
        ['webhook request refused', 'bad-signature'],
      ]),
    );
  });
});
