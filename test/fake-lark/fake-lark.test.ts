import { describe, expect, it } from 'vitest';
import { createFakeLark, validateCard } from '../../src/fake-lark';
import { createLarkClient, LarkApiError } from '../../src/transport/client';
import { testCrypto } from '../helpers/signing';

function setup(opts: Parameters<typeof createFakeLark>[0] = {}) {
  const fake = createFakeLark({ crypto: testCrypto, ...opts });
  const lark = createLarkClient({ baseUrl: 'http://fake.lark', appId: fake.appId, appSecret: fake.appSecret, fetch: fake.fetch, limits: { backoffBaseMs: 5 } });
  return { fake, lark };
}

const card = (elements: unknown[], extra: Record<string, unknown> = {}) => ({ schema: '2.0' as const, config: { update_multi: true }, body: { elements }, ...extra });
const submit = (name = 'submit') => ({ tag: 'button', name, form_action_type: 'submit', text: { tag: 'plain_text', content: '提交' }, behaviors: [{ type: 'callback', value: { action: 'x' } }] });

describe('card JSON 2.0 rules', () => {
  it('accepts a well-formed card', () => {
    expect(validateCard(card([{ tag: 'markdown', content: 'hi' }, { tag: 'form', name: 'f', elements: [{ tag: 'input', name: 'a' }, submit()] }]))).toEqual([]);
  });

  it('flags each rule with the code Lark uses', () => {
    const codes = (c: unknown) => validateCard(c).map((v) => v.code);
    expect(codes(card([{ tag: 'markdown', content: 'x'.repeat(31 * 1024) }]))).toContain(230025);
    expect(validateCard(card(Array.from({ length: 201 }, () => ({ tag: 'markdown', content: '.' })))).map((v) => v.message).join()).toMatch(/201 elements/);
    expect(codes(card([{ tag: 'form', name: 'f', elements: [{ tag: 'input', name: 'a' }, { tag: 'input', name: 'a' }, submit()] }]))).toContain(200530);
    expect(codes(card([{ tag: 'form', name: 'f', elements: [{ tag: 'input' }, submit()] }]))).toContain(200530);
    expect(validateCard(card([{ tag: 'form', name: 'f', elements: [{ tag: 'table', columns: [], rows: [] }, submit()] }])).map((v) => v.message).join()).toMatch(/table cannot be placed inside a form/);
    expect(validateCard(card([{ tag: 'form', name: 'f', elements: [{ tag: 'chart', chart_spec: {} }, submit()] }])).map((v) => v.message).join()).toMatch(/chart/);
    expect(validateCard(card([{ tag: 'form', name: 'f', elements: [{ tag: 'input', name: 'a' }] }])).map((v) => v.message).join()).toMatch(/no submit button in the form container/);
    expect(validateCard({ ...card([]), config: { update_multi: false } }).map((v) => v.message).join()).toMatch(/update_multi/);
    expect(validateCard(card([{ tag: 'column_set', columns: [{ tag: 'column', elements: [{ tag: 'form', name: 'f', elements: [submit()] }] }] }])).map((v) => v.message).join()).toMatch(/root/);
  });

  it('refuses a bad card on send with 230099 and the reason', async () => {
    const { fake, lark } = setup();
    const u = fake.addUser({ name: '张伟' });
    const bad = card([{ tag: 'form', name: 'f', elements: [{ tag: 'input', name: 'a' }, { tag: 'input', name: 'a' }, submit()] }]);
    const err = await lark.sendMessage('open_id', u.openId, { msgType: 'interactive', content: bad }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LarkApiError);
    expect((err as LarkApiError).code).toBe(230099);
    expect((err as LarkApiError).message).toMatch(/200530/);
    expect(fake.messagesTo(u.openId)).toEqual([]);
  });
});

describe('fake Lark as a Lark client', () => {
  it('delivers DMs always and group messages only when they @mention the bot', async () => {
    const { fake } = setup();
    const events: Array<{ type: string; body: unknown }> = [];
    fake.connect({
      fetch: async (req) => {
        const body = JSON.parse(await testCrypto.decrypt(fake.encryptKey!, (JSON.parse(await req.text()) as { encrypt: string }).encrypt));
        events.push({ type: body.header.event_type, body });
        return Response.json({});
      },
    });
    const u = fake.addUser({ name: '李娜' });
    const chat = fake.addChat({ name: '项目组', members: [u.openId] });
    await fake.sendMessageEvent({ sender: u.openId, text: '我的' });
    const quiet = await fake.sendMessageEvent({ sender: u.openId, chatId: chat.chatId, text: '大家好' });
    const file = await fake.sendMessageEvent({ sender: u.openId, chatId: chat.chatId, file: { name: 'a.xlsx', bytes: new Uint8Array([1]) } });
    const reply = await fake.sendMessageEvent({ sender: u.openId, chatId: chat.chatId, text: '导入', mentionBot: true, parentId: file.message.messageId });
    expect(quiet.delivered).toBe(false);
    expect(file.delivered).toBe(false);
    expect(reply.delivered).toBe(true);
    expect(events.map((e) => e.type)).toEqual(['im.message.receive_v1', 'im.message.receive_v1']);
    const msg = (events[1]!.body as { event: { message: Record<string, unknown> } }).event.message;
    expect(msg.content).toBe(JSON.stringify({ text: '@_user_1 导入' }));
    expect(msg.parent_id).toBe(file.message.messageId);
    expect(msg.mentions).toEqual([expect.objectContaining({ key: '@_user_1', id: expect.objectContaining({ open_id: fake.botOpenId }) })]);
    expect(fake.messagesIn(chat.chatId).map((m) => m.sender)).toEqual([u.openId, u.openId, u.openId]);
  });

  it('signs exactly as Lark: sha256(timestamp + nonce + key + raw body)', async () => {
    const { fake } = setup();
    let seen: { headers: Headers; body: string } | null = null;
    fake.connect({
      fetch: async (req) => {
        seen = { headers: req.headers, body: await req.text() };
        return Response.json({});
      },
    });
    await fake.sendEvent('im.chat.disbanded_v1', { chat_id: 'oc_1' });
    const h = seen!.headers;
    const expected = await testCrypto.sha256Hex(h.get('x-lark-request-timestamp')! + h.get('x-lark-request-nonce')! + fake.encryptKey! + seen!.body);
    expect(h.get('x-lark-signature')).toBe(expected);
    expect(Math.abs(Number(h.get('x-lark-request-timestamp')) - Date.now() / 1000)).toBeLessThan(5);
  });

  it('enforces the delayed-update token: 2 uses, 30 minutes', async () => {
    const { manualClock } = await import('../../src/platform/clock');
    const clock = manualClock('2026-09-01T01:00:00Z');
    const { fake, lark } = setup({ clock });
    const u = fake.addUser({ name: '王芳' });
    const sent = await lark.sendMessage('open_id', u.openId, { msgType: 'interactive', content: card([{ tag: 'button', text: { tag: 'plain_text', content: '好' }, behaviors: [{ type: 'callback', value: { action: 'ok' } }] }]) });
    let token = '';
    fake.connect({
      fetch: async (req) => {
        const body = JSON.parse(await testCrypto.decrypt(fake.encryptKey!, (JSON.parse(await req.text()) as { encrypt: string }).encrypt));
        token = body.event.token;
        return Response.json({});
      },
    });
    await fake.pressButton(fake.message(sent.messageId)!, { operator: u.openId, action: 'ok' });
    const next = (n: number) => card([{ tag: 'markdown', content: `v${n}` }]);
    await lark.delayedUpdateCard(token, next(1));
    await lark.delayedUpdateCard(token, next(2));
    await expect(lark.delayedUpdateCard(token, next(3))).rejects.toMatchObject({ code: 300040 });
    await fake.pressButton(fake.message(sent.messageId)!, { operator: u.openId, text: '好' }).catch(() => null);
    expect(JSON.stringify(fake.message(sent.messageId)!.card)).toContain('v2');
    clock.advance(31 * 60_000);
    await expect(lark.delayedUpdateCard(token, next(4))).rejects.toMatchObject({ code: 300030 });
  });

  it('answers 429 with x-ogw-ratelimit-reset past 5 sends per second to one user', async () => {
    const { fake } = setup();
    const u = fake.addUser({ name: '赵磊' });
    const token = ((await (await fake.fetch('http://fake.lark/open-apis/auth/v3/tenant_access_token/internal', { method: 'POST', body: JSON.stringify({ app_id: fake.appId, app_secret: fake.appSecret }) })).json()) as { tenant_access_token: string }).tenant_access_token;
    const send = () =>
      fake.fetch('http://fake.lark/open-apis/im/v1/messages?receive_id_type=open_id', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ receive_id: u.openId, msg_type: 'text', content: JSON.stringify({ text: 'x' }) }),
      });
    const answers = await Promise.all(Array.from({ length: 7 }, send));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(5);
    const limited = answers.filter((a) => a.status !== 200);
    expect(limited).toHaveLength(2);
    expect(limited[0]!.headers.get('x-ogw-ratelimit-reset')).toBe('1');
    expect(((await limited[0]!.json()) as { code: number }).code).toBe(230020);
  });
});
