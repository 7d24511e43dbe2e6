import { afterEach, describe, expect, it } from 'vitest';
import { createFakeLark, type FakeLark } from '../../../src/fake-lark';
import { listenFakeLark } from '../../../src/fake-lark/listen';
import { createLarkClient, LarkApiError, type FullLarkClient } from '../../../src/transport/client';
import { testCrypto } from '../../helpers/signing';

/** The client over real HTTP to the fake on 127.0.0.1, as in production. */
async function start(opts: Parameters<typeof createFakeLark>[0] = {}, limits: Parameters<typeof createLarkClient>[0]['limits'] = {}) {
  const fake = createFakeLark({ crypto: testCrypto, ...opts });
  const server = await listenFakeLark(fake);
  const client = createLarkClient({ baseUrl: server.baseUrl, appId: fake.appId, appSecret: fake.appSecret, limits: { backoffBaseMs: 20, ...limits } });
  return { fake, server, client };
}

const text = (t: string) => ({ msgType: 'text' as const, content: { text: t } });

describe('Lark client against the fake Lark', () => {
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of closers.splice(0)) await c();
  });
  async function setup(...args: Parameters<typeof start>): Promise<{ fake: FakeLark; client: FullLarkClient }> {
    const s = await start(...args);
    closers.push(s.server.close);
    return s;
  }

  it('spaces N sends to one user at 5 QPS: takes at least (N-5)/5 s and none fails from rate limiting', async () => {
    const { fake, client } = await setup();
    const u = fake.addUser({ name: '张伟' });
    const n = 16;
    const started = Date.now();
    const results = await Promise.all(Array.from({ length: n }, (_, i) => client.sendMessage('open_id', u.openId, text(`提醒 ${i}`))));
    const elapsed = Date.now() - started;
    expect(results).toHaveLength(n);
    expect(new Set(results.map((r) => r.messageId)).size).toBe(n);
    expect(fake.messagesTo(u.openId)).toHaveLength(n);
    // The first 5 go at once, then 5 per second: at least (16 - 5) / 5 = 2.2 s.
    expect(elapsed).toBeGreaterThanOrEqual(((n - 5) / 5) * 1000);
    expect(fake.stats.rateLimited).toBe(0);
  });

  it('spaces sends across users at the per-app limit (scaled down) without a single 429', async () => {
    const { fake, client } = await setup({ limits: { appPerSecond: 10 } }, { appPerSecond: 10 });
    const users = Array.from({ length: 25 }, (_, i) => fake.addUser({ name: `用户${i}` }));
    const started = Date.now();
    await Promise.all(users.map((u) => client.sendMessage('open_id', u.openId, text('请填报'))));
    expect(Date.now() - started).toBeGreaterThanOrEqual(((25 - 10) / 10) * 1000);
    expect(fake.stats.rateLimited).toBe(0);
    expect(fake.stats.byOp['im.message.create']).toBe(25);
    expect(users.every((u) => fake.messagesTo(u.openId).length === 1)).toBe(true);
  });

  it('waits x-ogw-ratelimit-reset after a 429 and then succeeds', async () => {
    const { fake, client } = await setup();
    const u = fake.addUser({ name: '李娜' });
    fake.failNext({ op: 'im.message.create', status: 429, code: 99991400, msg: 'request trigger frequency limit', resetSeconds: 1 });
    const started = Date.now();
    const r = await client.sendMessage('open_id', u.openId, text('hi'));
    expect(r.messageId).toMatch(/^om_/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(fake.stats.byOp['im.message.create']).toBe(2);
  });

  it('retries 5xx with bounded backoff, without duplicating the message (same uuid)', async () => {
    const { fake, client } = await setup();
    const u = fake.addUser({ name: '王芳' });
    fake.failNext({ op: 'im.message.create', status: 502, code: 502, times: 2 });
    await client.sendMessage('open_id', u.openId, text('hi'), { uuid: 'reminder-1' });
    expect(fake.stats.byOp['im.message.create']).toBe(3);
    expect(fake.messagesTo(u.openId)).toHaveLength(1);
    // Give up after maxServerRetries.
    fake.failNext({ op: 'im.message.create', status: 503, code: 503, times: 10 });
    await expect(client.sendMessage('open_id', u.openId, text('again'))).rejects.toMatchObject({ name: 'LarkApiError', httpStatus: 503 });
  });

  it('deduplicates sends with the same uuid for an hour', async () => {
    const { fake, client } = await setup();
    const u = fake.addUser({ name: '赵磊' });
    const a = await client.sendMessage('open_id', u.openId, text('一'), { uuid: 'same' });
    const b = await client.sendMessage('open_id', u.openId, text('一'), { uuid: 'same' });
    expect(b.messageId).toBe(a.messageId);
    expect(fake.messagesTo(u.openId)).toHaveLength(1);
  });

  it('surfaces non-retryable errors typed, with a Chinese message an admin can act on', async () => {
    const { fake, client } = await setup();
    const outsider = fake.addUser({ name: '外部', unavailable: true });
    const blocker = fake.addUser({ name: '屏蔽者', blocked: true });
    const member = fake.addUser({ name: '成员' });
    const chat = fake.addChat({ name: '项目群', members: [member.openId], botIn: false });

    const err = await client.sendMessage('chat_id', chat.chatId, text('hi')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LarkApiError);
    expect(err).toMatchObject({ code: 230002, httpStatus: 400 });
    expect((err as LarkApiError).adminMessage).toMatch(/机器人不在该群中/);
    await expect(client.sendMessage('open_id', outsider.openId, text('hi'))).rejects.toMatchObject({ code: 230013, adminMessage: expect.stringMatching(/可用范围/) });
    await expect(client.sendMessage('open_id', blocker.openId, text('hi'))).rejects.toMatchObject({ code: 230035 });
    // Exactly one request each: no retries for these.
    expect(fake.stats.byOp['im.message.create']).toBe(3);
  });

  it('refreshes the tenant token on 99991663 and caches it otherwise', async () => {
    const { fake, client } = await setup();
    const u = fake.addUser({ name: '钱七' });
    await client.sendMessage('open_id', u.openId, text('1'));
    await client.sendMessage('open_id', u.openId, text('2'));
    expect(fake.state.tenantTokens.size).toBe(1);
    fake.expireTokens();
    await client.sendMessage('open_id', u.openId, text('3'));
    expect(fake.state.tenantTokens.size).toBe(2);
    expect(fake.messagesTo(u.openId)).toHaveLength(3);
  });

  it('reports wrong app credentials in Chinese', async () => {
    const fake = createFakeLark({ crypto: testCrypto });
    const s = await listenFakeLark(fake);
    closers.push(s.close);
    const client = createLarkClient({ baseUrl: s.baseUrl, appId: fake.appId, appSecret: 'wrong' });
    const u = fake.addUser({ name: '孙八' });
    await expect(client.sendMessage('open_id', u.openId, text('x'))).rejects.toMatchObject({ code: 10014, adminMessage: expect.stringMatching(/LARK_APP_SECRET/) });
  });

  it('patches a card, buzzes, uploads and downloads files, pages members, resolves emails and mobiles', async () => {
    const { fake, client } = await setup();
    const members = Array.from({ length: 130 }, (_, i) => fake.addUser({ name: `成员${i}`, email: `m${i}@example.cn`, mobile: `1380000${String(i).padStart(4, '0')}` }));
    const chat = fake.addChat({ name: '绩效自评群', members: members.map((m) => m.openId) });
    const card = { schema: '2.0' as const, config: { update_multi: true }, body: { elements: [{ tag: 'markdown', content: 'v1' }] } };
    const sent = await client.sendMessage('chat_id', chat.chatId, { msgType: 'interactive', content: card });
    await client.patchCard(sent.messageId, { ...card, body: { elements: [{ tag: 'markdown', content: 'v2' }] } });
    expect(JSON.stringify(fake.message(sent.messageId)!.card)).toContain('v2');

    const buzz = await client.urgentApp(sent.messageId, [members[0]!.openId, 'ou_not_member']);
    expect(buzz.invalidUserIds).toEqual(['ou_not_member']);
    expect(fake.urgent).toEqual([expect.objectContaining({ messageId: sent.messageId, openIds: [members[0]!.openId] })]);

    const bytes = new TextEncoder().encode('自评表 bytes');
    const { fileKey } = await client.uploadFile('自评表.xlsx', bytes, 'xls');
    expect(fake.file(fileKey)?.fileName).toBe('自评表.xlsx');
    await client.sendMessage('chat_id', chat.chatId, { msgType: 'file', content: { file_key: fileKey } });

    const userFile = await fake.sendMessageEvent({ sender: members[1]!.openId, chatId: chat.chatId, file: { name: '指标.xlsx', bytes: new Uint8Array([1, 2, 3]) } }).catch(() => null);
    // Not connected to an app: the file message is stored but (no @bot) not delivered.
    expect(userFile?.delivered).toBe(false);
    const got = await client.getMessage(userFile!.message.messageId);
    const { file_key } = JSON.parse(got.content) as { file_key: string };
    expect(Array.from(await client.downloadMessageResource(got.messageId, file_key, 'file'))).toEqual([1, 2, 3]);

    const list = await client.listChatMembers(chat.chatId);
    expect(list).toHaveLength(130);
    expect(list[129]).toEqual({ openId: members[129]!.openId, name: '成员129' });

    const ids = await client.batchGetUserIds({ emails: ['m5@example.cn', 'nobody@example.cn'], mobiles: ['+8613800000007'] });
    expect(ids).toEqual([
      { email: 'm5@example.cn', openId: members[5]!.openId },
      { email: 'nobody@example.cn', openId: null },
      { mobile: '+8613800000007', openId: members[7]!.openId },
    ]);
  });

  it('respects 5 QPS per patched message', async () => {
    const { fake, client } = await setup();
    const u = fake.addUser({ name: '周九' });
    const card = (n: number) => ({ schema: '2.0' as const, body: { elements: [{ tag: 'markdown', content: `v${n}` }] } });
    const sent = await client.sendMessage('open_id', u.openId, { msgType: 'interactive', content: card(0) });
    const started = Date.now();
    await Promise.all(Array.from({ length: 11 }, (_, i) => client.patchCard(sent.messageId, card(i + 1))));
    expect(Date.now() - started).toBeGreaterThanOrEqual(((11 - 5) / 5) * 1000);
    expect(fake.stats.rateLimited).toBe(0);
    expect(fake.message(sent.messageId)!.history).toHaveLength(11);
  });
});
