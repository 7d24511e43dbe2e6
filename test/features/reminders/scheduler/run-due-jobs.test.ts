import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REMINDER_KEY_PREFIX } from '../../../../src/storage/repositories/reminders/outbox';
import { runDueJobs } from '../../../../src/features/reminders/scheduler/run-due-jobs';
import type { LarkClient } from '../../../../src/transport/contract';
import { finishOwner, openIdOf, openTimeline, sh, startEvaluation, type Timeline, CHAT, IMPORTER_ID } from '../../../helpers/timeline';
import { isSendable } from '../../../../src/features/reminders/scheduler/calendar/quiet-hours';
import { setLeave } from '../../../../src/features/reminders/services/leave';
import type { FakeMessage } from '../../../../src/fake-lark';
import { listHistory } from '../../../../src/storage/repositories/collection/history';

describe('runDueJobs', () => {
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
});

describe('over the National Day holiday', () => {
  /**
   * Imported on Thursday 24 Sep 2026, the day before the 中秋 + 国庆 break (25–27 Sep, 1–7 Oct; 调休
   * Sunday 20 Sep and Saturday 10 Oct), deadline Friday 9 Oct. The scheduler ticks every 15 minutes,
   * day and night, for three weeks — each tick on two instances at once and then again; every message the
   * fake Lark receives is checked against the ladder.
   */
  const TICK_MS = 15 * 60_000;

  interface Seen {
    at: string;
    to: string;
    kind: string;
    text: string;
  }

  let t: Timeline;
  beforeEach(async () => {
    t = await openTimeline(sh('2026-09-24', '10:00'));
  });
  afterEach(() => t.close());

  /** Every bot message in send order, labelled with the Shanghai time it arrived and its recipient. */
  function botMessages(): Array<FakeMessage & { to: string }> {
    const chats = t.fake.state.chats;
    return t.fake.state.order
      .map((id) => t.fake.state.messages.get(id)!)
      .filter((m) => m.sender === 'bot')
      .map((m) => ({ ...m, to: chats.get(m.chatId)!.type === 'group' ? m.chatId : chats.get(m.chatId)!.members[0]! }));
  }

  function shanghaiStamp(ms: number): string {
    return new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
  }

  /**
   * Every tick is run three times: two instances at once on the same database file (one gets the lease),
   * then once more — none of which may add a message.
   */
  async function runUntil(end: Date, events: Array<{ at: Date; run: () => Promise<void> }>): Promise<void> {
    const pending = [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
    const other = await t.secondInstance();
    try {
      while (t.clock.now() <= end) {
        while (pending.length > 0 && pending[0]!.at <= t.clock.now()) await pending.shift()!.run();
        const reports = await Promise.all([t.tick(), runDueJobs(t.clock.now(), other.deps)]);
        expect(reports.filter((r) => r.ran)).toHaveLength(1);
        expect(await t.tick()).toMatchObject({ ran: true, planned: 0, sent: 0 });
        t.clock.advance(TICK_MS);
      }
    } finally {
      await other.close();
    }
  }

  describe('the reminder ladder over the National Day holiday', () => {
    it('sends exactly the expected messages at the expected times, none on holidays or at night, none to finished owners', async () => {
      const { evaluation, answers } = await startEvaluation(t);
      const zhang = openIdOf('张伟');
      const li = openIdOf('李娜');
      const wang = openIdOf('王芳');

      await runUntil(sh('2026-10-13', '12:00'), [
        // The clerk answers the budget line at once; 李娜 finishes before the break.
        { at: sh('2026-09-24', '10:30'), run: () => finishOwner(t, evaluation.id, IMPORTER_ID, answers) },
        { at: sh('2026-09-28', '11:00'), run: () => finishOwner(t, evaluation.id, li, answers) },
        // 王芳 is away on the first working days after the break and says so.
        {
          at: sh('2026-09-28', '16:00'),
          run: async () => {
            const leave = await setLeave(t.collection, { tenantKey: 'tenant_test', openId: wang, until: '2026-09-29' });
            expect(leave.ok).toBe(true);
          },
        },
        // 王芳 finishes after the group reminder, before the deadline day.
        { at: sh('2026-10-08', '14:00'), run: () => finishOwner(t, evaluation.id, wang, answers) },
      ]);

      const seen: Seen[] = botMessages().map((m) => ({
        at: shanghaiStamp(m.createTime),
        to: m.to === CHAT ? 'group' : m.to,
        kind: m.msgType,
        text: m.content,
      }));
      expect(seen.map(({ at, to }) => `${at} → ${to}`)).toEqual([
        `2026-09-29 09:30 → ${zhang}`, // T-3 working days (across 国庆): DM to the one owner pending and not away
        `2026-09-30 08:30 → ${wang}`, // back from leave: the paused T-3 reminder, first thing in the morning
        '2026-10-08 09:30 → group', // T-1: one group message
        `2026-10-09 15:00 → ${zhang}`, // deadline day: the card that is buzzed
        `2026-10-10 09:30 → ${IMPORTER_ID}`, // after the deadline, on the 调休 Saturday: the admin's daily list
        `2026-10-12 09:30 → ${IMPORTER_ID}`, // (none on Sunday 11 Oct)
        `2026-10-13 09:30 → ${IMPORTER_ID}`,
      ]);

      // The group message @mentions only the owners pending at 09:30 on 8 Oct, each with their count.
      const group = JSON.parse(seen[2]!.text) as { body: { elements: Array<{ content?: string }> } };
      const groupText = group.body.elements.map((e) => e.content ?? '').join('\n');
      expect(groupText).toContain(`<at id=${zhang}></at>：`);
      expect(groupText).toContain(`<at id=${wang}></at>：`);
      expect(groupText).not.toContain(li);
      expect(groupText).not.toContain(IMPORTER_ID);

      // 加急 buzzed 张伟 once, on the card sent at 15:00; nobody else.
      expect(t.fake.urgent.map((u) => ({ openIds: u.openIds, at: shanghaiStamp(u.at) }))).toEqual([{ openIds: [zhang], at: '2026-10-09 15:00' }]);

      // The admin's card offers the three ways out.
      const admin = seen[4]!.text;
      for (const action of ['reminder.extend', 'reminder.close', 'reminder.summarize']) expect(admin).toContain(action);

      // Nothing at night or on a day off.
      for (const m of botMessages()) expect(isSendable(new Date(m.createTime), t.calendar)).toBe(true);

      // The leave is in the history.
      const history = await listHistory(t.db, evaluation.id);
      expect(history.filter((h) => h.action === 'owner_leave').map((h) => [h.actor_open_id, JSON.parse(h.after_json!)])).toEqual([
        [wang, { leaveUntil: '2026-09-29' }],
      ]);
    });
  });
});
