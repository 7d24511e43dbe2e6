import { afterEach, describe, expect, it } from 'vitest';
import type { CardAction, CardJson } from '../../src/transport/contract';
import { createTestBot, type TestBot } from '../helpers/app';
import { post, signedLegacy, TEST_KEYS } from '../helpers/signing';

/**
 * The old card callback (消息卡片回传交互（旧）): top-level `open_id`, `action.value`, no schema, plain JSON even
 * with an Encrypt Key set, X-Lark-Signature = sha1(timestamp + nonce + Verification Token + body)
 * (https://open.feishu.cn/document/deprecated-guide/message-card/configuring-card-callbacks/card-callback-structure,
 * https://open.feishu.cn/document/common-capabilities/message-card/add-card-interaction/message-card-security-verification).
 */
const ACTIONS = ['approve'] as const;

const cardV = (note: string, rev = 1): CardJson => ({
  schema: '2.0',
  config: { update_multi: true },
  body: {
    elements: [
      { tag: 'markdown', content: note },
      { tag: 'button', text: { tag: 'plain_text', content: '通过' }, behaviors: [{ type: 'callback', value: { action: 'approve', rev } }] },
    ],
  },
});

describe('old-format card callbacks', () => {
  let bot: TestBot<(typeof ACTIONS)[number]>;
  afterEach(async () => bot?.close());

  async function setup() {
    bot = await createTestBot({ actions: ACTIONS, fake: { verificationToken: TEST_KEYS.verificationToken, encryptKey: TEST_KEYS.encryptKey } });
    const user = bot.fake.addUser({ name: '张伟' });
    const sent = await bot.lark.sendMessage('open_id', user.openId, { msgType: 'interactive', content: cardV('待审核') });
    const seen: CardAction[] = [];
    bot.dispatcher.onAction('approve', async (a) => {
      seen.push(a);
      return { toast: { type: 'success', content: '已通过' }, card: { type: 'raw', data: cardV(`已通过 ${seen.length}`, seen.length + 1) } };
    });
    return { user, messageId: sent.messageId, seen };
  }

  it('normalises into the same CardAction as v2, answers 200 with the toast and applies the card by delayed update', async () => {
    const { user, messageId, seen } = await setup();
    const v2 = await bot.fake.pressButton(messageId, { operator: user.openId, action: 'approve' });
    expect(v2.clientError).toBeUndefined();
    bot.fake.shapes.cardCallback = 'legacy';
    const old = await bot.fake.pressButton(messageId, { operator: user.openId, action: 'approve' });
    // plain JSON on the wire although an Encrypt Key is set, signed with sha1
    expect(JSON.parse(old.delivery.request.body)).toMatchObject({ open_id: user.openId, user_id: null, open_message_id: messageId });
    expect(old.delivery.request.headers['x-lark-signature']).toMatch(/^[0-9a-f]{40}$/);
    expect(old.status).toBe(200);
    expect(old.clientError).toBeUndefined();
    expect(old.response).toEqual({ toast: { type: 'success', content: '已通过' } });
    await bot.idle();
    expect(JSON.stringify(bot.fake.message(messageId)!.card)).toContain('已通过 2');
    expect(bot.fake.violations).toEqual([]);
    const strip = ({ eventId: _e, token: _t, legacy: _l, ...rest }: CardAction) => rest;
    // the old format carries no union_id
    expect(strip(seen[1]!)).toEqual({ ...strip(seen[0]!), operator: { ...seen[0]!.operator, unionId: undefined }, value: { action: 'approve', rev: 2 } });
    expect(seen[1]!.legacy).toBe(true);
    expect(seen[1]!.token).toMatch(/^c-/);
  });

  it('refuses an old callback signed with another token, or not signed, and accepts a fresh, correctly signed one', async () => {
    const { user, messageId } = await setup();
    const body = { open_id: user.openId, user_id: null, open_message_id: messageId, tenant_key: bot.fake.tenantKey, token: 'c-x', action: { tag: 'button', value: { action: 'approve', rev: 1 } } };
    const forged = await signedLegacy(body, { verificationToken: 'not-our-token' });
    expect((await bot.app.request(...post('/webhook/card', forged))).status).toBe(401);
    const unsigned = { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
    expect((await bot.app.request(...post('/webhook/card', unsigned))).status).toBe(401);
    const stale = await signedLegacy(body, { nowMs: Date.now() - 3_600_000 });
    expect((await bot.app.request(...post('/webhook/card', stale))).status).toBe(401);
    const good = await signedLegacy(body);
    const res = await bot.app.request(...post('/webhook/card', good));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ toast: { type: 'success', content: '已通过' } });
    expect(bot.dispatcher.drops.snapshot().byKey).toEqual({ 'refused:bad-signature': 1, 'refused:missing-signature': 1, 'refused:stale-timestamp': 1 });
  });

  it('answers an old callback it cannot read with a toast, never a 400 that loses the click', async () => {
    await setup();
    const res = await bot.app.request(...post('/webhook/card', await signedLegacy({ open_id: '', open_message_id: 'om_1', action: {} })));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { toast: { content: string } }).toast.content).toMatch(/无法识别/);
    expect(bot.dispatcher.drops.snapshot().byKey).toEqual({ 'card-malformed:card.action.trigger_v1': 1 });
  });
});

describe('card-callback answers are always a JSON object Lark accepts', () => {
  let bot: TestBot<'grow'>;
  afterEach(async () => bot?.close());

  it('a handler card over 30 KB is answered with a toast that says what to do, logged and counted', async () => {
    bot = await createTestBot({ actions: ['grow'] });
    const user = bot.fake.addUser({ name: '王芳' });
    const sent = await bot.lark.sendMessage('open_id', user.openId, {
      msgType: 'interactive',
      content: { schema: '2.0', config: { update_multi: true }, body: { elements: [{ tag: 'button', text: { tag: 'plain_text', content: '展开' }, behaviors: [{ type: 'callback', value: { action: 'grow', rev: 1 } }] }] } },
    });
    bot.dispatcher.onAction('grow', async () => ({ card: { type: 'raw', data: { schema: '2.0', body: { elements: [{ tag: 'markdown', content: '字'.repeat(11_000) }] } } } }));
    const r = await bot.fake.pressButton(sent.messageId, { operator: user.openId, action: 'grow' });
    expect(r.status).toBe(200);
    expect(r.clientError).toBeUndefined();
    expect(r.response).toEqual({ toast: expect.objectContaining({ type: 'warning', content: expect.stringMatching(/超出飞书的限制/) }) });
    expect(bot.dispatcher.drops.snapshot().byKey).toEqual({ 'card-answer-refused:grow': 1 });
    expect(bot.log.lines.some((l) => l.level === 'error' && /Lark would refuse/.test(l.msg))).toBe(true);
  });
});
