import { afterEach, describe, expect, it } from 'vitest';
import type { CardJson } from '../../../src/transport/contract';
import { createTestBot, type TestBot } from '../../helpers/app';

const ACTIONS = ['submit_value', 'approve', 'slow'] as const;

function entryCard(rev: number, note = '请填写实际完成值'): CardJson {
  return {
    schema: '2.0',
    config: { update_multi: true },
    header: { title: { tag: 'plain_text', content: '指标填报' } },
    body: {
      elements: [
        { tag: 'markdown', content: note },
        {
          tag: 'form',
          name: 'entry',
          elements: [
            { tag: 'input', name: 'actual', required: true, placeholder: { tag: 'plain_text', content: '例如 98%' } },
            { tag: 'input', name: 'reason', default_value: '' },
            { tag: 'button', name: 'submit', form_action_type: 'submit', text: { tag: 'plain_text', content: '提交' }, behaviors: [{ type: 'callback', value: { action: 'submit_value', rev, item: 'it_1' } }] },
          ],
        },
        { tag: 'button', text: { tag: 'plain_text', content: '慢操作' }, behaviors: [{ type: 'callback', value: { action: 'slow', rev } }] },
      ],
    },
  };
}

describe('card callbacks', () => {
  let bot: TestBot<(typeof ACTIONS)[number]>;
  afterEach(async () => bot?.close());

  async function setup(env: Record<string, string> = {}) {
    bot = await createTestBot({ actions: ACTIONS, env });
    const user = bot.fake.addUser({ name: '张伟' });
    const sent = await bot.lark.sendMessage('open_id', user.openId, { msgType: 'interactive', content: entryCard(1) });
    return { user, messageId: sent.messageId };
  }

  it('passes form values by name and applies the answered card', async () => {
    const { user } = await setup();
    const received: unknown[] = [];
    bot.dispatcher.onAction('submit_value', async (a) => {
      received.push({ value: a.value, form: a.formValue, operator: a.operator.openId, tag: a.tag, name: a.name });
      return { toast: { type: 'success', content: '已保存' }, card: { type: 'raw', data: entryCard(2, '已提交 98%') } };
    });
    const card = bot.fake.lastCard(user.openId)!;
    const r = await bot.fake.pressButton(card, { operator: user.openId, action: 'submit_value', formValue: { actual: '98%' } });
    expect(r.status).toBe(200);
    expect(r.clientError).toBeUndefined();
    expect(r.toast?.content).toBe('已保存');
    expect(received).toEqual([
      { value: { action: 'submit_value', rev: 1, item: 'it_1' }, form: { actual: '98%', reason: '' }, operator: user.openId, tag: 'button', name: 'submit' },
    ]);
    expect(JSON.stringify(bot.fake.lastCard(user.openId)!.card)).toContain('已提交 98%');
  });

  it('the fake refuses to submit a form with an empty required field, as the Lark client does', async () => {
    const { user } = await setup();
    bot.dispatcher.onAction('submit_value', async () => ({}));
    await expect(bot.fake.pressButton(bot.fake.lastCard(user.openId)!, { operator: user.openId, action: 'submit_value' })).rejects.toThrow(/required field "actual"/);
    await expect(
      bot.fake.pressButton(bot.fake.lastCard(user.openId)!, { operator: user.openId, action: 'submit_value', formValue: { actual: '1', nope: 'x' } }),
    ).rejects.toThrow(/no field named "nope"/);
  });

  it('applies a double-click once and answers the second with the first answer', async () => {
    const { user } = await setup();
    let applied = 0;
    bot.dispatcher.onAction('submit_value', async () => {
      applied++;
      return { toast: { type: 'success', content: `已保存 #${applied}` } };
    });
    const card = bot.fake.lastCard(user.openId)!;
    const [a, b] = await Promise.all([
      bot.fake.pressButton(card, { operator: user.openId, action: 'submit_value', formValue: { actual: '98%' } }),
      bot.fake.pressButton(card, { operator: user.openId, action: 'submit_value', formValue: { actual: '98%' } }),
    ]);
    expect(applied).toBe(1);
    // The second click is answered with the first one's toast, or "still working" if it came mid-way.
    expect([a.toast?.content, b.toast?.content]).toContain('已保存 #1');
    for (const t of [a.toast?.content, b.toast?.content]) expect(['已保存 #1', '已收到你的操作，正在处理，请勿重复点击。']).toContain(t);
    const c = await bot.fake.pressButton(card, { operator: user.openId, action: 'submit_value', formValue: { actual: '98%' } });
    expect(c.toast?.content).toBe('已保存 #1');
    expect(applied).toBe(1);
    // Different input on the same card state is a real resubmission and reaches the handler.
    await bot.fake.pressButton(card, { operator: user.openId, action: 'submit_value', formValue: { actual: '97%' } });
    expect(applied).toBe(2);
  });

  it('absorbs a replayed callback (same event id)', async () => {
    const { user } = await setup();
    let applied = 0;
    bot.dispatcher.onAction('submit_value', async () => ({ toast: { type: 'success', content: `n=${++applied}` } }));
    const first = await bot.fake.pressButton(bot.fake.lastCard(user.openId)!, { operator: user.openId, action: 'submit_value', formValue: { actual: '1' } });
    const replay = await bot.fake.replayCardAction(first.delivery);
    expect(replay.status).toBe(200);
    expect(applied).toBe(1);
  });

  it('past the budget answers with a toast in time and finishes by delayed update after the answer', async () => {
    const { user } = await setup({ LARK_CARD_BUDGET_MS: '150' });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    bot.dispatcher.onAction('slow', async () => {
      await gate;
      return { toast: { type: 'success', content: 'done' }, card: { type: 'raw', data: entryCard(2, '慢操作完成') } };
    });
    const card = bot.fake.lastCard(user.openId)!;
    const r = await bot.fake.pressButton(card, { operator: user.openId, action: 'slow' });
    expect(r.status).toBe(200);
    expect(r.clientError).toBeUndefined();
    expect(r.delivery.elapsedMs).toBeLessThan(3000);
    expect(r.toast?.content).toBe('已收到，正在处理，完成后卡片会自动更新。');
    expect(JSON.stringify(bot.fake.lastCard(user.openId)!.card)).not.toContain('慢操作完成');
    release();
    await bot.idle();
    expect(JSON.stringify(bot.fake.lastCard(user.openId)!.card)).toContain('慢操作完成');
    expect(bot.fake.violations).toEqual([]);
    const row = await bot.db.selectFrom('lark_card_actions').selectAll().executeTakeFirstOrThrow();
    expect(row.status).toBe('done');
  });

  it('answers a failing handler with an error toast and lets the user press again', async () => {
    const { user } = await setup();
    let calls = 0;
    bot.dispatcher.onAction('approve', async () => ({}));
    bot.dispatcher.onAction('submit_value', async () => {
      if (++calls === 1) throw new Error('boom');
      return { toast: { type: 'success', content: 'ok' } };
    });
    const card = bot.fake.lastCard(user.openId)!;
    const first = await bot.fake.pressButton(card, { operator: user.openId, action: 'submit_value', formValue: { actual: '1' } });
    expect(first.status).toBe(200);
    expect(first.toast?.type).toBe('error');
    expect(JSON.stringify(first.response)).not.toContain('boom');
    const second = await bot.fake.pressButton(card, { operator: user.openId, action: 'submit_value', formValue: { actual: '1' } });
    expect(second.toast?.content).toBe('ok');
  });

  it('answers an action nobody handles with a Chinese toast, not an error', async () => {
    const { user, messageId } = await setup();
    const r = await bot.fake.sendCardAction(messageId, user.openId, { tag: 'button', value: { action: 'retired_action' } });
    expect(r.status).toBe(200);
    expect(r.toast?.content).toMatch(/过期/);
  });
});

describe('card callback budget with a slow database', () => {
  it('answers in time when the dedupe write itself is slow, and still applies the result later', async () => {
    const { answerCardAction } = await import('../../../src/transport/inbound/card-callback');
    const { createDispatcher } = await import('../../../src/transport/dispatcher');
    const { testCrypto } = await import('../../helpers/signing');
    const { memoryLogger } = await import('../../../src/platform/log');
    const { systemClock } = await import('../../../src/platform/clock');
    const rows = new Map<string, string | null>();
    const slow = <T>(v: T) => new Promise<T>((r) => setTimeout(() => r(v), 400));
    const cards = {
      begin: async (a: { dedupeKey: string }) => {
        const fresh = !rows.has(a.dedupeKey);
        if (fresh) rows.set(a.dedupeKey, null);
        return slow(fresh);
      },
      find: async () => null,
      finish: async (key: string, response: string | null) => void rows.set(key, response),
      release: async (key: string) => void rows.delete(key),
      prune: async () => 0,
    };
    const dispatcher = createDispatcher(['approve'] as const);
    dispatcher.onAction('approve', async () => ({ card: { type: 'raw', data: { schema: '2.0', body: { elements: [] } } } }));
    const updates: string[] = [];
    const later: Array<Promise<void>> = [];
    const started = Date.now();
    const result = await answerCardAction(
      { eventId: 'e1', tenantKey: 't', operator: { openId: 'ou_1' }, token: 'c-1', openMessageId: 'om_1', tag: 'button', value: { action: 'approve', rev: 1 } },
      {
        cards: cards as never,
        dispatcher,
        lark: { delayedUpdateCard: async (token) => void updates.push(token) },
        crypto: testCrypto,
        clock: systemClock,
        log: memoryLogger(),
        budgetMs: 100,
        later: (work) => void later.push(work()),
      },
    );
    expect(Date.now() - started).toBeLessThan(400);
    expect(result.response.toast?.content).toMatch(/完成后卡片会自动更新/);
    await Promise.all(later);
    expect(updates).toEqual(['c-1']);
    expect([...rows.values()]).toEqual(['{}']);
  });
});
