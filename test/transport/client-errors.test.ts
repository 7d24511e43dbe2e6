import { describe, expect, it } from 'vitest';
import { createFakeLark } from '../../src/fake-lark';
import { adminMessageFor, createLarkClient, LarkApiError } from '../../src/transport/client';
import { testCrypto } from '../helpers/signing';

const text = (t: string) => ({ msgType: 'text' as const, content: { text: t } });

/** A client over an injected fetch (no globals patched): each call answered by `answer`, every request recorded. */
function scripted(answer: (url: string, init?: RequestInit) => Response) {
  const calls: Array<{ url: string; auth?: string }> = [];
  const client = createLarkClient({
    baseUrl: 'http://lark.test',
    appId: 'cli_x',
    appSecret: 's',
    limits: { backoffBaseMs: 1, maxServerRetries: 1 },
    sleep: async () => {},
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      calls.push({ url, auth: (init?.headers as Record<string, string> | undefined)?.authorization });
      return answer(url, init);
    }) as typeof fetch,
  });
  return { client, calls };
}

const TOKEN_OK = () => Response.json({ code: 0, msg: 'ok', tenant_access_token: 't-good', expire: 7200 });

describe('an error answer is never taken for success', () => {
  it('a token error with HTTP 200 and a code fails the call; no later call carries a token from it', async () => {
    const { client, calls } = scripted((url) => (url.includes('tenant_access_token') ? Response.json({ code: 10014, msg: 'app id not exists' }) : Response.json({ code: 0, data: { message_id: 'om_1' } })));
    const err = (await client.sendMessage('open_id', 'ou_1', text('x')).catch((e: unknown) => e)) as LarkApiError;
    expect(err).toBeInstanceOf(LarkApiError);
    expect(err.code).toBe(10014);
    expect(err.adminMessage).toMatch(/app id not exists/);
    expect(calls.map((c) => c.url).filter((u) => u.includes('/im/v1/'))).toEqual([]);
  });

  it('the fake answers token errors as Lark does (HTTP 200 with a code) and the client reports them', async () => {
    const fake = createFakeLark({ crypto: testCrypto });
    const res = await fake.fetch('http://fake.lark/open-apis/auth/v3/tenant_access_token/internal', { method: 'POST', body: JSON.stringify({ app_id: 'cli_nobody', app_secret: 'x' }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ code: 10014, msg: 'app id not exists' });
    const client = createLarkClient({ baseUrl: 'http://fake.lark', appId: 'cli_nobody', appSecret: 'x', fetch: fake.fetch });
    await expect(client.sendMessage('open_id', 'ou_1', text('x'))).rejects.toMatchObject({ code: 10014, httpStatus: 200 });
    expect(fake.stats.byOp['im.message.create']).toBeUndefined();
  });

  it('a token answer with code 0 but no token, a send answer without message_id, a plain-text 404 and an HTML 200 all fail', async () => {
    const noToken = scripted(() => Response.json({ code: 0, msg: 'ok' }));
    await expect(noToken.client.sendMessage('open_id', 'ou_1', text('x'))).rejects.toMatchObject({ name: 'LarkApiError' });
    expect(noToken.calls.filter((c) => c.url.includes('/im/v1/'))).toEqual([]);

    const noId = scripted((url) => (url.includes('tenant_access_token') ? TOKEN_OK() : Response.json({ code: 0, msg: 'success', data: {} })));
    await expect(noId.client.sendMessage('open_id', 'ou_1', text('x'))).rejects.toThrow(/no message_id/);

    const notFound = scripted((url) => (url.includes('tenant_access_token') ? TOKEN_OK() : new Response('404 page not found', { status: 404, headers: { 'content-type': 'text/plain' } })));
    await expect(notFound.client.sendMessage('open_id', 'ou_1', text('x'))).rejects.toMatchObject({ httpStatus: 404, larkMessage: '404 page not found' });

    const html = scripted((url) => (url.includes('tenant_access_token') ? TOKEN_OK() : new Response('<html>gateway</html>', { status: 200 })));
    await expect(html.client.uploadFile('a.xlsx', new Uint8Array([1]))).rejects.toMatchObject({ code: -1, httpStatus: 200 });
  });

  it('99991663 gets a new token and one retry with it', async () => {
    let tokens = 0;
    let sends = 0;
    const { client, calls } = scripted((url) => {
      if (url.includes('tenant_access_token')) return Response.json({ code: 0, tenant_access_token: `t-${++tokens}`, expire: 7200 });
      if (++sends === 1) return Response.json({ code: 99991663, msg: 'Invalid access token for authorization.' }, { status: 400 });
      return Response.json({ code: 0, data: { message_id: 'om_2', chat_id: 'oc_1' } });
    });
    expect(await client.sendMessage('open_id', 'ou_1', text('x'))).toEqual({ messageId: 'om_2', chatId: 'oc_1' });
    expect(calls.filter((c) => c.url.includes('/im/v1/')).map((c) => c.auth)).toEqual(['Bearer t-1', 'Bearer t-2']);
  });

  it('99991400 waits for x-ogw-ratelimit-reset before retrying', async () => {
    const waits: number[] = [];
    let sends = 0;
    const client = createLarkClient({
      baseUrl: 'http://lark.test',
      appId: 'cli_x',
      appSecret: 's',
      sleep: async (ms) => void waits.push(ms),
      fetch: (async (input: RequestInfo | URL) => {
        if (String(input).includes('tenant_access_token')) return TOKEN_OK();
        if (++sends === 1) return Response.json({ code: 99991400, msg: 'request trigger frequency limit' }, { status: 429, headers: { 'x-ogw-ratelimit-reset': '7' } });
        return Response.json({ code: 0, data: { message_id: 'om_3' } });
      }) as typeof fetch,
    });
    expect((await client.sendMessage('open_id', 'ou_1', text('x'))).messageId).toBe('om_3');
    expect(waits).toContain(7000);
  });
});

describe('replies share their group’s rate budget', () => {
  it('replies to different messages of one chat are spaced at 5 per second, so Lark never answers 230020', async () => {
    const fake = createFakeLark({ crypto: testCrypto });
    const client = createLarkClient({ baseUrl: 'http://fake.lark', appId: fake.appId, appSecret: fake.appSecret, fetch: fake.fetch });
    const u = fake.addUser({ name: '张伟' });
    const group = fake.addChat({ name: '项目群', members: [u.openId] });
    const parents = [];
    for (let i = 0; i < 8; i++) parents.push((await fake.sendMessageEvent({ sender: u.openId, chatId: group.chatId, text: `问题 ${i}` })).message.messageId);
    await new Promise((r) => setTimeout(r, 1100));
    const started = Date.now();
    await Promise.all(parents.map((id, i) => client.replyMessage(id, text(`答 ${i}`), { chatId: group.chatId })));
    expect(Date.now() - started).toBeGreaterThanOrEqual(((8 - 5) / 5) * 1000);
    expect(fake.stats.rateLimited).toBe(0);
    expect(fake.messagesTo(group.chatId)).toHaveLength(8);
  });

  it('a reply to a message the client sent finds its chat without being told', async () => {
    const fake = createFakeLark({ crypto: testCrypto });
    const client = createLarkClient({ baseUrl: 'http://fake.lark', appId: fake.appId, appSecret: fake.appSecret, fetch: fake.fetch });
    const u = fake.addUser({ name: '李娜' });
    const group = fake.addChat({ name: '项目群', members: [u.openId] });
    const sent = [];
    for (let i = 0; i < 6; i++) sent.push(await client.sendMessage('chat_id', group.chatId, text(`通知 ${i}`)));
    await new Promise((r) => setTimeout(r, 1100));
    await Promise.all(sent.map((m, i) => client.replyMessage(m.messageId, text(`补充 ${i}`))));
    expect(fake.stats.rateLimited).toBe(0);
  });
});

describe('bot identity and paging', () => {
  it('reads the bot open_id from bot/v3/info (under `bot`, not `data`) and pages members with opaque tokens', async () => {
    const fake = createFakeLark({ crypto: testCrypto });
    const client = createLarkClient({ baseUrl: 'http://fake.lark', appId: fake.appId, appSecret: fake.appSecret, fetch: fake.fetch });
    expect(await client.botInfo()).toEqual({ openId: fake.botOpenId, appName: fake.botName });
    const members = Array.from({ length: 230 }, (_, i) => fake.addUser({ name: `成员${i}` }));
    const chat = fake.addChat({ name: '大群', members: members.map((m) => m.openId) });
    const list = await client.listChatMembers(chat.chatId);
    expect(list.map((m) => m.openId)).toEqual(members.map((m) => m.openId));
  });
});

describe('admin messages say what the docs say', () => {
  it.each([
    [234003, /不在这条消息里/],
    [234006, /30 MB.*10 MB|上传/],
    [234037, /100 MB.*下载/],
    [230015, /单聊会话不能被分享/],
    [232010, /不属于同一企业/],
  ])('%i', (code, re) => {
    expect(adminMessageFor(code, '')).toMatch(re);
  });

  it('10014 quotes Lark’s own reason', () => {
    expect(adminMessageFor(10014, 'app secret invalid')).toMatch(/app secret invalid.*LARK_APP_SECRET/);
  });
});
