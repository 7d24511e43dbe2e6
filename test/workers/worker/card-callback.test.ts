import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import { getEvaluation } from '../../../src/features/collection/service';
import { manualClock } from '../../../src/platform/clock';
import { listHistory } from '../../../src/storage/repositories/collection/history';
import { memoryLogger } from '../../../src/platform/log';
import { createWorker } from '../../../src/worker/create-worker';
import { openD1 } from '../../../src/worker/d1-database';
import type { WorkerEnv } from '../../../src/worker/env';
import { fakeLarkForWorker, openIdOf, sh, startT1 } from '../../helpers/worker';

// A person's whole round trip through the deployed Worker: their DM (an encrypted, signed event) is
// recorded in D1 and handled after the 200 via waitUntil; their card presses (signed card.action.trigger
// callbacks) are answered within Lark's 3 s, and the answer is committed to D1 with its history row.
describe('Worker entry: card callbacks', () => {
  it('an owner asks for 我的 and submits the entry card it brings; the value and its history are in D1', async () => {
    const clock = manualClock(sh('2026-09-24', '10:00'));
    const db = openD1(env.DB);
    const chatId = `oc_wd_${crypto.randomUUID().slice(0, 8)}`;
    const evaluation = await startT1({ db, clock }, chatId);
    const fake = fakeLarkForWorker(clock, chatId);
    const log = memoryLogger();
    const worker = createWorker({ clock, larkFetch: fake.fetch, log });
    const background: Array<Promise<void>> = [];
    fake.connect({
      fetch: async (request) => {
        const ctx = createExecutionContext();
        const response = await worker.fetch!(request as never, env as unknown as WorkerEnv, ctx);
        background.push(waitOnExecutionContext(ctx));
        return response as unknown as Response;
      },
    });
    const zhang = openIdOf('张伟');

    // 1. 张伟 asks for his open items in a DM; the event is stored, answered, then handled.
    const sent = await fake.sendMessageEvent({ sender: zhang, text: '我的' });
    expect(sent.delivery?.status).toBe(200);
    await Promise.all(background);
    const mine = await vi.waitFor(() => {
      const card = fake.lastCard(zhang);
      if (!card) throw new Error('no card for 张伟 yet');
      return card;
    });
    const inbox = await env.DB.prepare('SELECT status FROM lark_inbound_events WHERE event_id = ?').bind(sent.delivery!.eventId).first<{ status: string }>();
    expect(inbox?.status).toBe('done');

    // 2. With one evaluation open, the answer is the entry card of his first item.
    const firstRow = evaluation.items.find((i) => i.owner.openId === zhang && i.kind !== 'budget')!;
    expect(JSON.stringify(mine.card)).toContain(`填报：${firstRow.name}`);

    // 3. He types the 实际完成值 and submits.
    const submitted = await fake.pressButton(mine, { operator: zhang, action: 'collect.entry.submit', formValue: { actual: '2' } });
    expect(submitted.status).toBe(200);
    expect(submitted.clientError).toBeUndefined();
    expect(submitted.toast?.type).not.toBe('error');
    // The card moves on: the answered item is no longer the one asked for.
    expect(JSON.stringify(submitted.message.card)).not.toContain(`填报：${firstRow.name}`);
    await Promise.all(background);

    const stored = (await getEvaluation(db, evaluation.id))!.items.find((i) => i.id === firstRow.id)!;
    expect(stored.value).toMatchObject({ status: 'submitted', actual: '2', score: firstRow.weight, submittedBy: zhang, version: firstRow.value.version + 1 });
    const history = (await listHistory(db, evaluation.id)).filter((h) => h.action === 'submit');
    expect(history.map((h) => h.actor_open_id)).toEqual([zhang]);

    // 4. A double-click of the same submit is absorbed: still one history row.
    await fake.replayCardAction(submitted.delivery);
    await Promise.all(background);
    expect((await listHistory(db, evaluation.id)).filter((h) => h.action === 'submit')).toHaveLength(1);

    // 5. 李娜's 我的, a separate request a minute later, reuses the tenant token: one client per isolate.
    clock.advance(60_000);
    await fake.sendMessageEvent({ sender: openIdOf('李娜'), text: '我的' });
    await Promise.all(background);
    await vi.waitFor(() => {
      if (!fake.lastCard(openIdOf('李娜'))) throw new Error('no card for 李娜 yet');
    });
    expect(fake.state.tenantTokens.size).toBe(1);
    expect(log.lines.filter((l) => l.level === 'error')).toEqual([]);
  });
});
