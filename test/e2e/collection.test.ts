import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COLLECTION_ACTIONS as A } from '#cards/collection/actions';
import { checkCardLimits } from '#cards/shared/limits';
import { findEvaluationsInChat, getEvaluation, toEvaluationInput, type EvaluationView } from '../../src/features/collection/service';
import { scoreEvaluation } from '../../src/domain/scoring/score-evaluation';
import type { FakeMessage } from '../../src/fake-lark/state';
import { cardText, createHarness, fixture, GROUP, PEOPLE, type Harness } from '../helpers/harness';

/**
 * The 003 T1 sheet (.xlsx with merged 一级/二级 cells) is imported into a group with
 * owners assigned by name; three owners answer through signed card callbacks — one submission is
 * refused for a missing deviation reason and then fixed, one row is returned in review and
 * resubmitted — and the final state and the history hold exactly what happened.
 */
const { clerk, zhang, li, wang, outsider } = PEOPLE;

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

function dmCards(openId: string): FakeMessage[] {
  return h.bot.fake.messagesTo(openId).filter((m) => m.msgType === 'interactive');
}

function titleOf(m: FakeMessage): string {
  return String(((m.card!.header as { title: { content: string } }).title).content);
}

async function evaluationNow(): Promise<EvaluationView> {
  const [ev] = await findEvaluationsInChat(h.bot.db, { tenantKey: 'tenant_fake', chatId: GROUP });
  return ev!;
}

/** Answers the owner's current DM card (the one most recently sent or updated); expects it saved unless told otherwise. */
async function answer(openId: string, formValue: Record<string, unknown>, expected: 'success' | 'warning' = 'success') {
  const card = h.bot.fake.lastCard(openId)!;
  const press = await h.bot.fake.pressButton(card, { operator: openId, action: A.entrySubmit, formValue });
  await h.settle();
  expect(press.toast?.type, press.toast?.content).toBe(expected);
  return press;
}

/** Rows 30 % or more above target need a reason too (财预〔2020〕10号《项目支出绩效评价管理办法》). */
const OVERSHOOT = '超额完成：应上级要求增加了督导次数，明年按实际需要调整指标值';

it('imports 003 T1 by reply, collects from three owners, reviews, locks — and the history says exactly that', async () => {
  const { fake } = h.bot;

  // 1. The clerk drops the sheet into the group (no @mention: Lark does not deliver it) …
  const file = await fake.sendMessageEvent({ sender: clerk.openId, chatId: GROUP, file: { name: '003-t1.xlsx', bytes: fixture('003-t1.xlsx') } });
  expect(file.delivered).toBe(false);
  // … and replies to it with "@bot 导入".
  await fake.sendMessageEvent({ sender: clerk.openId, chatId: GROUP, mentionBot: true, text: '导入', parentId: file.message.messageId });
  await h.settle();

  const preview = fake.lastCard(GROUP)!;
  expect(titleOf(preview)).toBe('导入预览');
  expect(checkCardLimits(preview.card)).toEqual([]);
  const draft = await evaluationNow();
  expect(draft.status).toBe('draft');
  expect(draft.items).toHaveLength(14); // budget line + 13 indicators
  const ownerOf = (i: number) => draft.items.filter((x) => x.kind === 'indicator')[i]!.owner;
  expect([0, 3, 6, 9, 12].map((i) => ownerOf(i).openId)).toEqual(Array(5).fill(zhang.openId));
  expect([1, 4, 7, 10].map((i) => ownerOf(i).openId)).toEqual(Array(4).fill(li.openId));
  expect([2, 5, 8, 11].map((i) => ownerOf(i).openId)).toEqual(Array(4).fill(wang.openId));
  expect(draft.items[0]!.owner.openId).toBe(clerk.openId); // the budget line: the importer

  // 2. Someone who is not an admin cannot start it.
  const refused = await fake.pressButton(preview, { operator: outsider.openId, action: A.previewStart });
  expect(refused.toast?.type).toBe('error');
  expect(refused.toast?.content).toContain('只有导入人');
  expect((await evaluationNow()).status).toBe('draft');

  // 3. Without a deadline the clerk is told to pick one; with it, collection starts.
  const noDeadline = await fake.pressButton(preview, { operator: clerk.openId, action: A.previewStart });
  expect(noDeadline.toast?.content).toContain('截止日期');
  const started = await fake.pressButton(fake.lastCard(GROUP)!, { operator: clerk.openId, action: A.previewStart, formValue: { deadline: '2026-12-15 +0800' } });
  expect(started.toast?.type).toBe('success');
  await h.settle();
  expect((await evaluationNow()).status).toBe('collecting');

  // Every owner has a DM card for their first row; the group has the progress card.
  for (const p of [zhang, li, wang, clerk]) expect(dmCards(p.openId)).toHaveLength(1);
  expect(cardText(fake.lastCard(zhang.openId)!.card)).toContain('第 1/5 项');
  const progress = fake.messagesTo(GROUP).find((m) => m.msgType === 'interactive' && titleOf(m) === '填报进度')!;
  expect(cardText(progress.card)).toContain('已提交 0 / 14');

  // 4. A forwarded card pressed by someone else is refused.
  const zhangCard = fake.lastCard(zhang.openId)!;
  const submitValue = (zhangCard.card as unknown as { body: unknown }).body;
  const value = JSON.stringify(submitValue).match(/"value":(\{"action":"collect\.entry\.submit"[^}]*\})/)![1]!;
  const forwarded = await fake.sendCardAction(zhangCard.messageId, wang.openId, { tag: 'button', value: JSON.parse(value), form_value: { actual: '99', reason: '' } });
  expect(forwarded.toast?.type).toBe('error');
  expect(forwarded.toast?.content).toContain('张伟');

  // 5. 张伟 walks through his five rows (the last is qualitative: band + description).
  await answer(zhang.openId, { actual: '2' });
  const second = fake.lastCard(zhang.openId)!;
  expect(cardText(second.card)).toContain('第 2/5 项');
  expect(cardText(second.card)).toContain('已保存「参加处非联办举行的业务培训交流会」');
  await answer(zhang.openId, { actual: '12' });
  await answer(zhang.openId, { actual: '80%' });
  await answer(zhang.openId, { actual: '21' });
  const last = await answer(zhang.openId, { band: '达成', actual: '宣传覆盖全区，群众满意度调查 90%' });
  expect(last.toast?.type).toBe('success');
  expect(titleOf(fake.lastCard(zhang.openId)!)).toBe('填报汇总');

  // 6. 李娜: the third row is below target; without a reason it is refused, the value kept.
  await answer(li.openId, { actual: '8', reason: OVERSHOOT });
  await answer(li.openId, { actual: '2', reason: OVERSHOOT });
  const refusedEntry = await answer(li.openId, { actual: '5' }, 'warning');
  expect(refusedEntry.toast?.type).toBe('warning');
  expect(refusedEntry.toast?.content).toContain('偏差原因分析及改进措施');
  const kept = cardText(fake.lastCard(li.openId)!.card);
  expect(kept).toContain('"default_value":"5"');
  expect(kept).toContain('第 3/4 项');
  const fixed = await answer(li.openId, { actual: '5', reason: '外地培训因费用无法报销未开展，明年提前报批培训计划' });
  expect(fixed.toast?.type).toBe('success');
  await answer(li.openId, { actual: '3', reason: OVERSHOOT });

  // 7. 王芳, and the clerk's budget line (54.29 % execution needs a reason too).
  await answer(wang.openId, { actual: '25' });
  await answer(wang.openId, { actual: '5' });
  await answer(wang.openId, { actual: '3', reason: OVERSHOOT });
  await answer(wang.openId, { band: '达成', actual: '协同处置案件，挽回群众损失约 80%' });
  const budgetCard = dmCards(clerk.openId).find((m) => cardText(m.card).includes('全年执行数'))!;
  const budgetRefused = await h.bot.fake.pressButton(budgetCard, { operator: clerk.openId, action: A.entrySubmit, formValue: { actual: '57' } });
  expect(budgetRefused.toast?.content).toContain('预算执行率');
  await h.bot.fake.pressButton(budgetCard, { operator: clerk.openId, action: A.entrySubmit, formValue: { actual: '57', reason: '部分培训未开展，资金结转下年' } });
  await h.settle();

  expect(cardText(fake.message(progress.messageId)!.card)).toContain('已提交 14 / 14');

  // 8. Review: one card per owner batch in the clerk's DM.
  const reviewCard = (owner: string) => [...dmCards(clerk.openId)].reverse().find((m) => titleOf(m) === `审核：${owner}`)!;
  // every decision's answer is a card the Lark client accepts (no client error: the admin sees it updated)
  const decided = [
    await fake.pressButton(reviewCard(zhang.name), { operator: clerk.openId, action: A.reviewApproveAll }),
    await fake.pressButton(reviewCard(wang.name), { operator: clerk.openId, action: A.reviewApproveAll }),
  ];
  const budgetId = (await evaluationNow()).items[0]!.id;
  decided.push(await fake.pressButton(reviewCard(clerk.name), { operator: clerk.openId, name: `approve_${budgetId}` }));
  for (const press of decided) {
    expect(press.toast?.type).toBe('success');
    expect(press.clientError).toBeUndefined();
  }

  const liItems = (await evaluationNow()).items.filter((i) => i.owner.openId === li.openId);
  const surveyRow = liItems[3]!; // 自治区扶贫小额信贷实施细则落实情况调研次数
  const liReview = reviewCard(li.name);
  const noComment = await fake.pressButton(liReview, { operator: clerk.openId, name: `return_${surveyRow.id}` });
  expect(noComment.toast?.content).toContain('退回时请填写意见');
  const returned = await fake.pressButton(liReview, {
    operator: clerk.openId,
    name: `return_${surveyRow.id}`,
    formValue: { [`comment_${surveyRow.id}`]: '调研次数与台账不符，请核对' },
  });
  expect(returned.toast?.type).toBe('success');
  await h.settle();
  await fake.pressButton(fake.message(liReview.messageId)!, { operator: clerk.openId, action: A.reviewApproveAll });

  // 9. 李娜 gets the revise card with the comment and resubmits.
  const revise = fake.lastCard(li.openId)!;
  expect(titleOf(revise)).toContain('退回修改');
  expect(cardText(revise.card)).toContain('调研次数与台账不符，请核对');
  const resubmitted = await answer(li.openId, { actual: '2', reason: '' });
  expect(resubmitted.toast?.type).toBe('success');
  const again = reviewCard(li.name);
  expect(again.messageId).not.toBe(liReview.messageId);
  await fake.pressButton(again, { operator: clerk.openId, name: `approve_${surveyRow.id}` });
  await h.settle();

  // 10. The clerk asks for the 总览 in the group and locks.
  await fake.sendMessageEvent({ sender: clerk.openId, chatId: GROUP, mentionBot: true, text: '总览' });
  await h.settle();
  const overview = fake.lastCard(GROUP)!;
  expect(titleOf(overview)).toBe('总览');
  const locked = await fake.pressButton(overview, { operator: clerk.openId, action: A.overviewLock });
  expect(locked.toast?.type).toBe('success');
  await h.settle();

  // Final state: every row approved, the evaluation final, the values as given.
  const final = (await getEvaluation(h.bot.db, (await evaluationNow()).id))!;
  expect(final.status).toBe('final');
  expect(final.items.every((i) => i.value.status === 'approved')).toBe(true);
  expect(final.items.map((i) => i.value.actual)).toEqual([
    '57', '2', '8', '25', '12', '2', '5', '80%', '5', '3', '21', '2', '协同处置案件，挽回群众损失约 80%', '宣传覆盖全区，群众满意度调查 90%',
  ]);
  const scored = scoreEvaluation(toEvaluationInput(final), { profile: final.ruleProfile });
  expect(scored.budget.score).toBe(5.43);
  expect(scored.indicators.find((i) => i.name.startsWith('召开小额贷款公司'))!.score).toBe(3.57);
  expect(cardText(fake.message(progress.messageId)!.card)).toContain('已锁定');

  // History: exactly the writes that happened, in order, by whom.
  const history = await h.bot.db.selectFrom('history').selectAll().where('evaluation_id', '=', final.id).orderBy('id').execute();
  const actions = history.map((r) => r.action);
  expect(actions.filter((a) => a === 'import')).toHaveLength(1);
  expect(actions.filter((a) => a === 'set_deadline')).toHaveLength(1);
  expect(actions.filter((a) => a === 'start')).toHaveLength(1);
  expect(actions.filter((a) => a === 'submit')).toHaveLength(14); // refused submissions wrote nothing
  expect(actions.filter((a) => a === 'return')).toHaveLength(1);
  expect(actions.filter((a) => a === 'resubmit')).toHaveLength(1);
  expect(actions.filter((a) => a === 'approve')).toHaveLength(14); // each row once; the returned row after its resubmission
  expect(actions.filter((a) => a === 'lock')).toHaveLength(1);
  expect(actions.at(-1)).toBe('lock');
  // … and nothing else: no stray write (a double-applied submit, an owner change) hides among the counts above
  expect(actions.filter((a) => a === 'summary_posted')).toHaveLength(1); // all approved: the summary went out
  expect(actions).toHaveLength(1 + 1 + 1 + 14 + 1 + 1 + 14 + 1 + 1);
  const survey = history.filter((r) => r.indicator_id === surveyRow.id);
  expect(survey.map((r) => [r.action, r.actor_open_id])).toEqual([
    ['submit', li.openId],
    ['return', clerk.openId],
    ['resubmit', li.openId],
    ['approve', clerk.openId],
  ]);
  expect(JSON.parse(survey[0]!.after_json!).actual).toBe('3');
  expect(survey[1]!.comment).toBe('调研次数与台账不符，请核对');
  expect(JSON.parse(survey[2]!.before_json!).actual).toBe('3');
  expect(JSON.parse(survey[2]!.after_json!).actual).toBe('2');
  const deviationRow = history.find((r) => r.action === 'submit' && JSON.parse(r.after_json!).actual === '5' && r.actor_open_id === li.openId)!;
  expect(JSON.parse(deviationRow.after_json!).deviationReason).toContain('外地培训');

  // Nothing the bot sent broke a card rule the real Lark enforces.
  expect(fake.violations).toEqual([]);
});

describe('double submission', () => {
  it('never loses an update: the second press on the same version sees the current value and a toast', async () => {
    const { fake } = h.bot;
    const file = await fake.sendMessageEvent({ sender: clerk.openId, chatId: GROUP, file: { name: '003-t1.xlsx', bytes: fixture('003-t1.xlsx') } });
    await fake.sendMessageEvent({ sender: clerk.openId, chatId: GROUP, mentionBot: true, text: '导入', parentId: file.message.messageId });
    await h.settle();
    await fake.pressButton(fake.lastCard(GROUP)!, { operator: clerk.openId, action: A.previewStart, formValue: { deadline: '2026-12-15 +0800' } });
    await h.settle();
    const card = fake.lastCard(zhang.openId)!;
    const snapshot = JSON.parse(JSON.stringify(card.card));
    const first = await fake.pressButton(card, { operator: zhang.openId, action: A.entrySubmit, formValue: { actual: '2' } });
    expect(first.toast?.type).toBe('success');
    // the same card on a second device, still showing version 0, submits a different value
    card.content = JSON.stringify(snapshot);
    const second = await fake.pressButton(card, { operator: zhang.openId, action: A.entrySubmit, formValue: { actual: '3' } });
    expect(second.toast?.type).toBe('warning');
    expect(second.toast?.content).toContain('当前值：2');
    const ev = await evaluationNow();
    const row = ev.items.find((i) => i.kind === 'indicator')!;
    expect(row.value.actual).toBe('2');
    expect(row.value.version).toBe(1);
  });
});
