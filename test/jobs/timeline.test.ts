import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isSendable } from '../../src/features/reminders/scheduler/calendar/quiet-hours';
import { runDueJobs } from '../../src/features/reminders/scheduler/run-due-jobs';
import { setLeave } from '../../src/features/reminders/services/leave';
import type { FakeMessage } from '../../src/fake-lark';
import { listHistory } from '../../src/storage/repositories/collection/history';
import { CHAT, IMPORTER_ID, finishOwner, openIdOf, openTimeline, sh, startEvaluation, type Timeline } from './support';

/**
 * §7: imported on Thursday 24 Sep 2026, the day before the 中秋 + 国庆 break (25–27 Sep, 1–7 Oct; 调休
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
