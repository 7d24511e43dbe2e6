import { describe, expect, it } from 'vitest';
import { shanghaiInstant } from '../../../../src/platform/time';
import { createWorkCalendar } from '../../../../src/features/reminders/scheduler/calendar/work-calendar';
import { planLadder } from '../../../../src/features/reminders/scheduler/ladder/plan-ladder';
import { DEFAULT_LADDER } from '../../../../src/features/reminders/scheduler/ladder/settings';
import type { EvaluationSnapshot } from '../../../../src/features/reminders/scheduler/ladder/types';
import { renderStep } from '../../../../src/features/reminders/scheduler/render-step';

const calendar = createWorkCalendar();
const sh = (date: string, time: string) => shanghaiInstant(date, time);

function evaluation(_lastDay: string, nextDay: string): EvaluationSnapshot {
  return {
    id: 'ev1',
    title: '示例项目',
    chatId: 'oc_group',
    startedAt: sh('2026-09-24', '10:00'),
    deadline: sh(nextDay, '00:00'),
    settings: DEFAULT_LADDER,
    owners: [{ openId: 'ou_a', name: '张伟', pending: 2, pendingItems: ['a', 'b'], cardMessageId: 'om_a' }],
    admins: [{ openId: 'ou_admin', name: '刘洋' }],
  };
}

function groupTitle(e: EvaluationSnapshot, date: string): { zh_cn: string; en_us: string } {
  const step = planLadder(e, sh(date, '09:30'), calendar).find((s) => s.step === 'group_notice');
  expect(step, `a group notice is due on ${date}`).toBeDefined();
  const message = renderStep(step!, e, calendar);
  const header = (message.content as unknown as { header: { title: { content: string; i18n_content?: { zh_cn: string; en_us: string } } } }).header;
  return header.title.i18n_content ?? { zh_cn: header.title.content, en_us: header.title.content };
}

describe('group notice title', () => {
  it('says 明天截止 only when the deadline is the next calendar day', () => {
    // Deadline Friday 9 Oct 2026: T-1 is Thursday 8 Oct.
    expect(groupTitle(evaluation('2026-10-09', '2026-10-10'), '2026-10-08').zh_cn).toContain('明天截止');
  });

  it('names the date when the working day before the deadline is not the day before (National Day)', () => {
    // Deadline Thursday 8 Oct 2026: T-1 working day is Wednesday 30 Sep, eight days earlier.
    const title = groupTitle(evaluation('2026-10-08', '2026-10-09'), '2026-09-30');
    expect(title.zh_cn).not.toContain('明天');
    expect(title.zh_cn).toContain('10月8日');
  });

  it('names the date when a weekend lies between (deadline Monday, notice Friday)', () => {
    // Deadline Monday 19 Oct 2026: T-1 is Friday 16 Oct.
    const title = groupTitle(evaluation('2026-10-19', '2026-10-20'), '2026-10-16');
    expect(title.zh_cn).not.toContain('明天');
    expect(title.zh_cn).toContain('10月19日');
  });
});

describe('deadline-day buzz without an entry card on record', () => {
  it('does not say 今天截止 when the deadline falls on a day off and the buzz goes out on the working day before', () => {
    // Deadline Sunday 18 Oct 2026: the buzz goes out on Friday 16 Oct at 15:00.
    const e = evaluation('2026-10-18', '2026-10-19');
    e.owners = e.owners.map((o) => ({ ...o, cardMessageId: null }));
    const step = planLadder(e, sh('2026-10-16', '15:00'), calendar).find((s) => s.step === 'urgent');
    expect(step).toBeDefined();
    const content = renderStep(step!, e, calendar).content as unknown as { fallback: { header: { title: { content: string } } } };
    expect(content.fallback.header.title.content).not.toContain('今天');
    expect(content.fallback.header.title.content).toContain('10月18日');
  });
});
