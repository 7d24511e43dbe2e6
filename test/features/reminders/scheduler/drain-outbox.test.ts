import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enqueueOutbox } from '../../../../src/storage/repositories/reminders/outbox';
import { MEMBERS, openTimeline, sh, type Timeline } from '../../../helpers/timeline';

/** A run sends at most `maxSendsPerRun` (the Worker's per-invocation budget); the rest wait for the next tick. */
let t: Timeline;
beforeEach(async () => {
  t = await openTimeline(sh('2026-10-12', '10:00'));
});
afterEach(() => t.close());

describe('maxSendsPerRun', () => {
  it('spreads a large drain over ticks without losing or repeating a message', async () => {
    const now = t.clock.now().toISOString();
    for (let i = 0; i < 10; i++) {
      const to = MEMBERS[i % MEMBERS.length]!.openId;
      await enqueueOutbox(t.db, { dedupeKey: `cap-test-${i}`, tenantKey: 'tenant_test', receiveIdType: 'open_id', receiveId: to, msgType: 'text', content: { text: `消息 ${i}` }, notBefore: now }, now).execute();
    }
    const sent: number[] = [];
    for (let tick = 0; tick < 4; tick++) {
      const report = await t.tick({ maxSendsPerRun: 4, sendsPerSecond: 0 });
      sent.push(report.ran ? report.sent : -1);
      t.clock.advance(60_000);
    }
    expect(sent).toEqual([4, 4, 2, 0]);
    const texts = [...t.fake.state.messages.values()].filter((m) => m.sender === 'bot').map((m) => JSON.parse(m.content).text as string);
    expect(texts.sort()).toEqual(Array.from({ length: 10 }, (_, i) => `消息 ${i}`).sort());
  });
});
