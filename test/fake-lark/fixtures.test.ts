import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeLark } from '../../src/fake-lark';
import type { CardAction, MessageEvent } from '../../src/transport/contract';
import { createTestBot, type TestBot } from '../helpers/app';
import { post, signed, TEST_KEYS, testCrypto } from '../helpers/signing';

/**
 * The payload shapes Lark documents (test/fixtures/lark/*.json, each citing its page) against what the fake
 * sends, and through the app's own routes. Shapes, not values: every key, and whether each value is a string,
 * a number, null, an object or a list; JSON held in a string (message content) is compared as JSON.
 */
const fixture = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'lark', `${name}.json`), 'utf8')) as { source: string; payload: Record<string, unknown> };

function shape(value: unknown): unknown {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? [] : [shape(value[0])];
  if (typeof value === 'object') return Object.fromEntries(Object.keys(value as object).sort().map((k) => [k, shape((value as Record<string, unknown>)[k])]));
  if (typeof value === 'string' && /^[{[]/.test(value)) {
    try {
      return { json: shape(JSON.parse(value)) };
    } catch {
      return 'string';
    }
  }
  return typeof value;
}

/** A fake whose deliveries are caught and decrypted, as the app would read them. */
function catching(opts: Parameters<typeof createFakeLark>[0] = {}) {
  const fake = createFakeLark({ crypto: testCrypto, ...opts });
  const bodies: Array<Record<string, unknown>> = [];
  fake.connect({
    fetch: async (req) => {
      const raw = JSON.parse(await req.text()) as Record<string, unknown>;
      bodies.push(typeof raw.encrypt === 'string' ? JSON.parse(await testCrypto.decrypt(fake.encryptKey!, raw.encrypt)) : raw);
      return Response.json({});
    },
  });
  return { fake, bodies };
}

describe('the fake sends the shapes Lark documents', () => {
  it('im.message.receive_v1: a group message @mentioning the bot, user_id null, no root/parent/thread ids', async () => {
    const { fake, bodies } = catching();
    const u = fake.addUser({ name: '张伟' });
    const group = fake.addChat({ name: '项目群', members: [u.openId] });
    await fake.sendMessageEvent({ sender: u.openId, chatId: group.chatId, text: '进度', mentionBot: true });
    expect(shape(bodies[0])).toEqual(shape(fixture('im.message.receive_v1').payload));
  });

  it('card.action.trigger: a form submitted on a 2.0 card, create_time in µs, the c- token', async () => {
    const { fake, bodies } = catching();
    const u = fake.addUser({ name: '张伟' });
    const lark = (await import('../../src/transport/client')).createLarkClient({ baseUrl: 'http://fake.lark', appId: fake.appId, appSecret: fake.appSecret, fetch: fake.fetch });
    const sent = await lark.sendMessage('open_id', u.openId, {
      msgType: 'interactive',
      content: {
        schema: '2.0',
        config: { update_multi: true },
        body: {
          elements: [
            {
              tag: 'form',
              name: 'entry',
              elements: [
                { tag: 'input', name: 'actual' },
                { tag: 'input', name: 'reason' },
                { tag: 'button', name: 'entry_submit', form_action_type: 'submit', text: { tag: 'plain_text', content: '提交' }, behaviors: [{ type: 'callback', value: { action: 'collect.entry.submit', rev: 2 } }] },
              ],
            },
          ],
        },
      },
    });
    await fake.pressButton(sent.messageId, { operator: u.openId, action: 'collect.entry.submit', formValue: { actual: '98%' } });
    expect(shape(bodies[0])).toEqual(shape(fixture('card.action.trigger').payload));
    expect(String((bodies[0]!.header as { create_time: string }).create_time)).toMatch(/^\d{16}$/);
  });

  it('url_verification: challenge, token, type — encrypted whole when an Encrypt Key is set', async () => {
    const { fake, bodies } = catching();
    await fake.challenge();
    expect(shape(bodies[0])).toEqual(shape(fixture('url_verification').payload));
  });
});

describe('the documented payloads, signed as Lark signs them, are read by the app', () => {
  let bot: TestBot<'collect.entry.submit'>;
  afterEach(async () => bot?.close());
  const withToken = (payload: Record<string, unknown>) => JSON.parse(JSON.stringify(payload).replaceAll('<verification token>', TEST_KEYS.verificationToken)) as Record<string, unknown>;

  it('answers the challenge, reads the message and the card callback', async () => {
    bot = await createTestBot({ actions: ['collect.entry.submit'], fake: { verificationToken: TEST_KEYS.verificationToken, encryptKey: TEST_KEYS.encryptKey } });
    const messages: MessageEvent[] = [];
    const actions: CardAction[] = [];
    bot.dispatcher.onEvent('im.message.receive_v1', async (m) => void messages.push(m));
    bot.dispatcher.onAction('collect.entry.submit', async (a) => (actions.push(a), { toast: { type: 'success', content: '已保存' } }));

    const challenge = await bot.app.request(...post('/webhook/event', { body: JSON.stringify({ encrypt: await testCrypto.encrypt(TEST_KEYS.encryptKey, JSON.stringify(withToken(fixture('url_verification').payload))) }), headers: { 'content-type': 'application/json' } }));
    expect(await challenge.json()).toEqual({ challenge: 'ajls384kdjx98XX' });

    const msg = await bot.app.request(...post('/webhook/event', await signed(withToken(fixture('im.message.receive_v1').payload))));
    expect(msg.status).toBe(200);
    await bot.idle();
    expect(messages[0]).toMatchObject({
      sender: { openId: 'ou_84aad35d084aa403a838cf73ee18467', userId: undefined },
      chatType: 'group',
      createTime: 1727661600000,
      body: { kind: 'text', text: '@_user_1 进度' },
      mentions: [{ key: '@_user_1', openId: 'ou_bot0a1b2c3d4e5f60718293a4b5c6d7e', mentionedType: 'bot', userId: undefined }],
    });
    expect(messages[0]!.rootId).toBeUndefined();

    const card = await bot.app.request(...post('/webhook/card', await signed(withToken(fixture('card.action.trigger').payload))));
    expect(await card.json()).toEqual({ toast: { type: 'success', content: '已保存' } });
    expect(actions[0]).toMatchObject({ token: 'c-295ee57216a5dc9de90fefd0aadb4b1d7d337eea', name: 'entry_submit', formValue: { actual: '98%', reason: '' }, operator: { userId: undefined }, timezone: 'Asia/Shanghai' });
  });
});
