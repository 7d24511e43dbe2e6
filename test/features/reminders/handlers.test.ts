import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COLLECTION_ACTIONS } from '#cards/collection/actions';
import { REMINDER_ACTIONS } from '#cards/reminders/actions';
import { COLLECTION_ACTIONS as A } from '#cards/collection/actions';
import { findEvaluationsInChat, type EvaluationView } from '../../../src/features/collection/service';
import { decideHandover } from '../../../src/features/collection/service/handover';
import { listHistory } from '../../../src/storage/repositories/collection/history';
import { manualClock } from '../../../src/platform/clock';
import { createHarness, GROUP, PEOPLE, type Harness } from '../../helpers/harness';

const { clerk, zhang, li, wang, outsider } = PEOPLE;
const PASTED = [
  '项目名称\t社区宣传项目',
  '全年预算数\t100',
  '一级指标\t二级指标\t三级指标\t年度指标值\t分值\t责任人',
  '产出指标\t数量指标\t培训人次\t≥100人次\t50\t张伟',
  '效益指标\t社会效益指标\t群众知晓率\t≥80%\t30\t李娜',
  '满意度指标\t服务对象满意度指标\t满意度\t≥90%\t10\t张伟',
].join('\n');

let h: Harness<ReturnType<typeof manualClock>>;
beforeEach(async () => {
  h = await createHarness({ clock: manualClock('2026-11-23T01:30:00Z') });
  await h.say(clerk.openId, PASTED, { chatId: GROUP });
  await h.fake.pressButton(h.fake.lastCard(GROUP)!, { operator: clerk.openId, action: A.previewStart, formValue: { deadline: '2026-12-04 +0800' } });
  await h.settle();
});
afterEach(() => h.close());

async function evaluation(): Promise<EvaluationView> {
  return (await findEvaluationsInChat(h.bot.db, { tenantKey: 'tenant_fake', chatId: GROUP }))[0]!;
}

describe('the T-3 reminder', () => {
  it('is a new DM listing the open rows, and 开始填写 turns it into the entry card of the first', async () => {
    h.clock.set('2026-12-01T01:30:00Z'); // Tue 1 Dec 09:30, three working days before Fri 4 Dec
    await h.tick();
    const reminder = h.fake.lastCard(zhang.openId)!;
    expect(reminder.content).toContain('培训人次');
    expect(reminder.content).toContain('满意度');
    const press = await h.fake.pressButton(reminder, { operator: zhang.openId, action: A.entryOpen });
    expect(JSON.stringify(press.message.card)).toContain(A.entrySubmit);
    expect(JSON.stringify(press.message.card)).toContain('培训人次');
  });
});

describe('请假至', () => {
  it('records the leave, answers with the dates, and pauses that owner’s reminders', async () => {
    await h.say(zhang.openId, '请假至 12月1日 出差');
    expect(h.lastText(zhang.openId)).toContain('已记录：您请假至 12月1日（周二）');
    const e = await evaluation();
    const history = (await listHistory(h.bot.db, e.id)).filter((r) => r.action === 'owner_leave');
    expect(history.map((r) => [r.actor_open_id, JSON.parse(r.after_json!), r.comment])).toEqual([[zhang.openId, { leaveUntil: '2026-12-01' }, '出差']]);

    // T-3 working days before Fri 4 Dec is Tue 1 Dec: 李娜 is reminded, 张伟 (away through 1 Dec) is not.
    h.clock.set('2026-12-01T01:30:00Z');
    const before = h.fake.messagesTo(zhang.openId).length;
    await h.tick();
    expect(h.fake.messagesTo(zhang.openId)).toHaveLength(before);
    expect(h.fake.lastCard(li.openId)?.content).toContain('绩效自评填报提醒');
    // Back on Wednesday: the paused reminder arrives.
    h.clock.set('2026-12-02T00:30:00Z');
    await h.tick();
    expect(h.fake.lastCard(zhang.openId)?.content).toContain('绩效自评填报提醒');
  });

  it('says what to type when the date cannot be read, and refuses a date in the past', async () => {
    await h.say(zhang.openId, '请假至 下周');
    expect(h.lastText(zhang.openId)).toContain('请写成「请假至 10月8日」');
    await h.say(zhang.openId, '请假至 2026-11-01');
    expect(h.lastText(zhang.openId)).toContain('已经过去了');
  });

  it('tells someone with nothing open that no leave is needed', async () => {
    await h.say(outsider.openId, '请假至 12月1日');
    expect(h.lastText(outsider.openId)).toContain('没有待填报的指标');
  });

  it('取消请假 resumes reminders and is recorded', async () => {
    await h.say(zhang.openId, '请假至 12月3日');
    await h.say(zhang.openId, '取消请假');
    expect(h.lastText(zhang.openId)).toContain('提醒恢复');
    const actions = (await listHistory(h.bot.db, (await evaluation()).id)).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['owner_leave', 'owner_leave_cancel']));
  });
});

describe('转交', () => {
  it('asks the admin, moves the rows on approval, and gives the colleague the card', async () => {
    await h.say(li.openId, '转交 王芳');
    expect(h.lastText(li.openId)).toContain('已提交转交申请：1 项指标 → 王芳');
    const ask = h.fake.lastCard(clerk.openId)!;
    expect(ask.content).toContain('转交确认');

    // Only an admin may decide (a forwarded card pressed by someone else is refused by the service).
    const requestId = /"requestId":"(ho_[a-z0-9]+)"/.exec(ask.content)![1]!;
    const refused = await decideHandover(h.deps, { requestId, actor: zhang.openId, approve: true });
    expect(refused).toMatchObject({ ok: false, message: expect.stringContaining('管理员') });

    const press = await h.fake.pressButton(ask, { operator: clerk.openId, action: COLLECTION_ACTIONS.handoverApprove });
    await h.settle();
    expect(press.toast?.type).toBe('success');
    expect(JSON.stringify(press.message.card)).toContain('已同意转交');
    const row = (await evaluation()).items.find((i) => i.name === '群众知晓率')!;
    expect(row.owner.openId).toBe(wang.openId);
    expect(h.fake.lastCard(wang.openId)?.content).toContain('群众知晓率');
    expect(h.lastText(li.openId)).toContain('转交已确认');

    // The card lost its buttons; a repeat (a second admin, a retried callback) changes nothing.
    expect(JSON.stringify(h.fake.message(ask.messageId)!.card)).not.toContain(COLLECTION_ACTIONS.handoverApprove);
    expect(await decideHandover(h.deps, { requestId, actor: clerk.openId, approve: false })).toMatchObject({ ok: false, message: expect.stringContaining('已同意') });
    const actions = (await listHistory(h.bot.db, row.evaluationId)).map((r) => r.action);
    expect(actions.filter((a) => a.startsWith('handover'))).toEqual(['handover_request', 'handover_approved', 'handover']);
  });

  it('keeps the rows with the owner when declined, and says so', async () => {
    await h.say(li.openId, '转交 王芳');
    await h.fake.pressButton(h.fake.lastCard(clerk.openId)!, { operator: clerk.openId, action: COLLECTION_ACTIONS.handoverDecline });
    await h.settle();
    expect((await evaluation()).items.find((i) => i.name === '群众知晓率')!.owner.openId).toBe(li.openId);
    expect(h.lastText(li.openId)).toContain('未获同意');
  });

  it('never guesses a colleague it cannot find', async () => {
    await h.say(li.openId, '转交 赵云');
    expect(h.lastText(li.openId)).toContain('没有找到“赵云”');
  });
});

describe('after the deadline', () => {
  async function overdueCard() {
    h.clock.set('2026-12-07T01:30:00Z'); // Monday after the Friday deadline, 09:30
    await h.tick();
    const card = h.fake.lastCard(clerk.openId)!;
    expect(card.content).toContain('已过截止日期');
    return card;
  }

  it('延期 sets the new deadline, tells the group, and re-arms the ladder', async () => {
    const card = await overdueCard();
    const press = await h.fake.pressButton(card, { operator: clerk.openId, action: REMINDER_ACTIONS.extend, formValue: { new_deadline: '2026-12-11 +0800' } });
    await h.settle();
    expect(press.toast?.type).toBe('success');
    expect((await evaluation()).deadline).toBe('2026-12-11');
    expect(h.lastText(GROUP)).toContain('截止日期已延期至 12月11日（周五）');
    // T-3 before Fri 11 Dec is Tue 8 Dec: the owners are reminded again for the new date.
    h.clock.set('2026-12-08T01:30:00Z');
    const before = h.fake.messagesTo(zhang.openId).length;
    await h.tick();
    expect(h.fake.messagesTo(zhang.openId).length).toBe(before + 1);
  });

  it('关闭收集 locks the evaluation and the reminders stop', async () => {
    const card = await overdueCard();
    const press = await h.fake.pressButton(card, { operator: clerk.openId, action: REMINDER_ACTIONS.close });
    expect(press.toast?.type).toBe('success');
    expect((await evaluation()).status).toBe('final');
    h.clock.set('2026-12-08T01:30:00Z');
    const report = await h.tick();
    expect(report).toMatchObject({ ran: true, planned: 0 });
  });

  it('按现有数据汇总 posts the summary to the group and the daily list stops', async () => {
    const card = await overdueCard();
    await h.fake.pressButton(card, { operator: clerk.openId, action: REMINDER_ACTIONS.summarize });
    await h.settle();
    expect((await evaluation()).summaryPostedAt).not.toBeNull();
    h.clock.set('2026-12-08T01:30:00Z');
    expect(await h.tick()).toMatchObject({ ran: true, planned: 0 });
  });
});

describe('late entries', () => {
  it('a value given after the summary was posted brings a 变更 notice and marks the posted summary outdated', async () => {
    h.clock.set('2026-12-07T01:30:00Z');
    await h.tick();
    await h.fake.pressButton(h.fake.lastCard(clerk.openId)!, { operator: clerk.openId, action: REMINDER_ACTIONS.summarize });
    await h.settle();
    const summary = h.fake.messagesTo(GROUP).filter((m) => m.msgType === 'interactive').at(-1)!;
    expect(summary.content).toContain('总分');
    expect(summary.history).toHaveLength(0);

    // 张伟 answers late, on the entry card he got when collection started.
    const entry = h.fake.messagesTo(zhang.openId).find((m) => m.content.includes(A.entrySubmit))!;
    const press = await h.fake.pressButton(entry, { operator: zhang.openId, action: A.entrySubmit, formValue: { actual: '120' } });
    await h.settle();
    expect(press.toast?.type).not.toBe('error');
    expect(h.lastText(GROUP)).toContain('变更');
    const patched = h.fake.message(summary.messageId)!;
    expect(patched.history.length).toBeGreaterThan(0);
    const now = patched.content;
    expect(now).toContain('汇总发布后有变更');
    expect(JSON.parse(now).header.template).toBe('grey');
  });
});

describe('提醒设置', () => {
  it('lets an admin switch group @ off (recorded), and the T-1 group message then names without mentioning', async () => {
    await h.say(clerk.openId, '提醒设置 群@关', { chatId: GROUP });
    expect(h.lastText(GROUP)).toContain('不 @ 人');
    h.clock.set('2026-12-03T01:30:00Z'); // T-1 before Fri 4 Dec
    await h.tick();
    const notice = h.fake.lastCard(GROUP)!;
    expect(notice.content).toContain('张伟');
    expect(notice.content).not.toContain('<at id=');
    const history = (await listHistory(h.bot.db, (await evaluation()).id)).filter((r) => r.action === 'reminder_settings');
    expect(history).toHaveLength(1);
  });

  it('refuses someone who is not an admin, and explains the syntax on a typo', async () => {
    await h.say(zhang.openId, '提醒设置 群@关', { chatId: GROUP });
    expect(h.lastText(GROUP)).toContain('只有本评价的管理员');
    await h.say(clerk.openId, '提醒设置 群艾特关', { chatId: GROUP });
    expect(h.lastText(GROUP)).toContain('看不懂“群艾特关”');
  });
});
