import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REMINDER_KEY_PREFIX } from '../../src/storage/repositories/reminders/outbox';
import { runDueJobs } from '../../src/features/reminders/scheduler/run-due-jobs';
import type { LarkClient } from '../../src/transport/contract';
import { finishOwner, openIdOf, openTimeline, sh, startEvaluation, type Timeline } from './support';

let t: Timeline;
let evaluationId: string;
let answers: Awaited<ReturnType<typeof startEvaluation>>['answers'];

beforeEach(async () => {
  t = await openTimeline(sh('2026-09-24', '10:00'));
  ({ evaluation: { id: evaluationId }, answers } = await startEvaluation(t));
});
afterEach(() => t.close());

/** Messages the bot sent, by recipient chat. */
const botSends = () => t.fake.state.order.map((id) => t.fake.state.messages.get(id)!).filter((m) => m.sender === 'bot');
const reminderRows = () => t.db.selectFrom('outbox').selectAll().where('dedupe_key', 'like', `${REMINDER_KEY_PREFIX}%`).execute();

describe('runDueJobs is idempotent', () => {
  it('sends nothing more when the tick runs twice at the same time', async () => {
    t.clock.set(sh('2026-09-29', '09:30'));
    const first = await t.tick();
    const second = await t.tick();
    expect(first).toMatchObject({ ran: true, planned: 4, sent: 4 }); // 刘洋 (budget line), 张伟, 李娜, 王芳
    expect(second).toMatchObject({ ran: true, planned: 0, sent: 0 });
    expect(botSends()).toHaveLength(4);
  });

  it('sends each step once when two instances tick at once on the same database file', async () => {
    t.clock.set(sh('2026-10-08', '09:30'));
    const other = await t.secondInstance();
    try {
      const reports = await Promise.all([t.tick(), runDueJobs(t.clock.now(), other.deps)]);
      expect(reports.filter((r) => r.ran)).toHaveLength(1);
      expect(reports.filter((r) => !r.ran)).toEqual([{ ran: false, reason: 'lease_held' }]);
      expect(botSends()).toHaveLength(1); // one group message
    } finally {
      await other.close();
    }
  });

  it('still sends each step once when the lease cannot help (it expires at once): keys and claims do', async () => {
    t.clock.set(sh('2026-09-29', '09:30'));
    const other = await t.secondInstance();
    try {
      await Promise.all([t.tick({ leaseMs: 0 }), runDueJobs(t.clock.now(), { ...other.deps, leaseMs: 0 }), t.tick({ leaseMs: 0, holder: 'test-c' })]);
      const sends = botSends();
      expect(sends).toHaveLength(4);
      expect(new Set(sends.map((m) => m.chatId)).size).toBe(4);
      expect(await reminderRows()).toHaveLength(4);
    } finally {
      await other.close();
    }
  });

  it('re-sends with the same uuid when Lark accepted a message but the answer was lost, and Lark drops the duplicate', async () => {
    let lose = 1;
    const flaky: LarkClient = {
      ...t.lark,
      async sendMessage(...args) {
        const sent = await t.lark.sendMessage(...args);
        if (lose-- > 0) throw new Error('socket hang up');
        return sent;
      },
    };
    t.clock.set(sh('2026-10-08', '09:30'));
    const first = await t.tick({ lark: flaky, inRunRetries: 0 });
    expect(first).toMatchObject({ sent: 0, retried: 1 });
    t.clock.advance(60_000);
    const second = await t.tick({ lark: flaky, inRunRetries: 0 });
    expect(second).toMatchObject({ sent: 1 });
    expect(botSends()).toHaveLength(1);
    const [row] = await reminderRows();
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('retries a failed send within the run (same uuid) before leaving it to the next tick', async () => {
    let failures = 2;
    const shaky = { ...t.lark, sendMessage: async (...args: Parameters<LarkClient['sendMessage']>) => {
      if (failures-- > 0) throw Object.assign(new Error('bad gateway'), { code: 502 });
      return t.lark.sendMessage(...args);
    } } as LarkClient;
    t.clock.set(sh('2026-10-08', '09:30'));
    expect(await t.tick({ lark: shaky, inRunRetries: 3, retryDelayMs: 1 })).toMatchObject({ sent: 1, retried: 0 });
    expect(botSends()).toHaveLength(1);
    expect((await reminderRows())[0]).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('recovers a row claimed by a run that died after Lark accepted it, without a second message', async () => {
    t.clock.set(sh('2026-10-08', '09:30'));
    // This run's send reaches Lark, then the process "dies": the promise never settles, nothing is marked.
    const dying = { ...t.lark, sendMessage: async (...args: Parameters<LarkClient['sendMessage']>) => {
      await t.lark.sendMessage(...args);
      return new Promise<never>(() => {});
    } } as LarkClient;
    void t.tick({ lark: dying, holder: 'dead-instance' });
    await waitFor(async () => botSends().length === 1);
    expect((await reminderRows())[0]).toMatchObject({ status: 'pending', last_error: 'sending:dead-instance' });

    // Within its lease and claim nobody touches the row; after them another instance finishes the job.
    expect(await t.tick()).toEqual({ ran: false, reason: 'lease_held' });
    t.clock.advance(3 * 60_000);
    expect(await t.tick()).toMatchObject({ ran: true, sent: 1 });
    expect(botSends()).toHaveLength(1);
    expect((await reminderRows())[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('does not repeat a buzz that was interrupted (urgent_app has no uuid)', async () => {
    await finishOwner(t, evaluationId, openIdOf('李娜'), answers);
    await finishOwner(t, evaluationId, openIdOf('王芳'), answers);
    await finishOwner(t, evaluationId, openIdOf('刘洋'), answers);
    t.clock.set(sh('2026-10-09', '15:00'));
    const dying = { ...t.lark, urgentApp: async (...args: Parameters<LarkClient['urgentApp']>) => {
      await t.lark.urgentApp(...args);
      return new Promise<never>(() => {});
    } } as LarkClient;
    void t.tick({ lark: dying, holder: 'dead-instance' });
    await waitFor(async () => t.fake.urgent.length === 1);
    t.clock.advance(3 * 60_000);
    const report = await t.tick();
    expect(report).toMatchObject({ ran: true, sent: 0, failed: 1 });
    expect(t.fake.urgent).toHaveLength(1);
    expect((await reminderRows())[0]?.last_error).toMatch(/^uncertain/);
  });

  it('cancels a failed reminder instead of retrying it once the owner has finished', async () => {
    t.clock.set(sh('2026-09-29', '09:30'));
    const down = { ...t.lark, sendMessage: async () => { throw Object.assign(new Error('service unavailable'), { code: 503 }); } } as LarkClient;
    expect(await t.tick({ lark: down, inRunRetries: 0 })).toMatchObject({ sent: 0, retried: 4 });
    await finishOwner(t, evaluationId, openIdOf('张伟'), answers);
    t.clock.advance(5 * 60_000);
    expect(await t.tick()).toMatchObject({ sent: 3, cancelled: 1 });
    expect(botSends().map((m) => m.chatId)).not.toContain(`oc_p2p_${openIdOf('张伟')}`);
    const zhangRow = (await reminderRows()).find((r) => r.receive_id === openIdOf('张伟'));
    expect(zhangRow).toMatchObject({ status: 'failed', last_error: 'cancelled: no longer due' });
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('waitFor: timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}
