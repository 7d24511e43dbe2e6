import { afterEach, beforeEach, expect, it } from 'vitest';
import { COLLECTION_ACTIONS as A } from '#cards/collection/actions';
import { cardText, createHarness, GROUP, PEOPLE, type Harness, importAndStart, pastedTable } from '../helpers/harness';
import type { FakeMessage } from '../../src/fake-lark/state';

/**
 * The transport answers a repeated click (same value and inputs on the same message) with no card.
 * Going back to an earlier row, correcting it, and going back again is not a repeat: the card must move.
 */
const { clerk, zhang } = PEOPLE;
const PASTED = pastedTable('社区宣传项目', 100, [
  '产出指标\t数量指标\t培训人次\t≥100人次\t50\t张伟',
  '产出指标\t数量指标\t宣传次数\t≥10次\t40\t张伟',
  '满意度指标\t服务对象满意度指标\t满意度\t≥90%\t10\t张伟',
]);

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  await importAndStart(h, PASTED);
});
afterEach(async () => {
  await h.close();
});

it('上一项, correct the row, 上一项 again: the second trip back shows the earlier row too', async () => {
  const { fake } = h.bot;
  const card = () => fake.lastCard(zhang.openId)!;
  await fake.pressButton(card(), { operator: zhang.openId, action: A.entrySubmit, formValue: { actual: '120' } });
  await h.settle();
  expect(cardText(card().card)).toContain('第 2/3 项');
  const back = await fake.pressButton(card(), { operator: zhang.openId, action: A.entryPrev });
  expect(cardText(back.message.card)).toContain('第 1/3 项');
  const corrected = await fake.pressButton(back.message, { operator: zhang.openId, action: A.entrySubmit, formValue: { actual: '110' } });
  await h.settle();
  expect(corrected.toast?.type).toBe('success');
  expect(cardText(corrected.message.card)).toContain('第 2/3 项');
  const backAgain = await fake.pressButton(corrected.message, { operator: zhang.openId, action: A.entryPrev });
  expect(cardText(backAgain.message.card)).toContain('第 1/3 项');
});

it('修改 on the recap works again after another row was changed in between', async () => {
  const { fake } = h.bot;
  const card = () => fake.lastCard(zhang.openId)!;
  for (const actual of ['110', '11', '95%']) {
    const press = await fake.pressButton(card(), { operator: zhang.openId, action: A.entrySubmit, formValue: { actual } });
    expect(press.toast?.type).toBe('success');
  }
  await h.settle();
  const recap = card();
  expect(cardText(recap.card)).toContain('填报汇总');
  const edit = (m: FakeMessage) => fake.pressButton(m, { operator: zhang.openId, action: A.recapEdit, index: 1 });
  const second = await edit(recap);
  expect(cardText(second.message.card)).toContain('第 2/3 项');
  const first = await fake.pressButton(second.message, { operator: zhang.openId, action: A.entryPrev });
  expect(cardText(first.message.card)).toContain('第 1/3 项');
  const changed = await fake.pressButton(first.message, { operator: zhang.openId, action: A.entrySubmit, formValue: { actual: '105' } });
  expect(changed.toast?.type).toBe('success');
  expect(cardText(changed.message.card)).toContain('填报汇总');
  const secondAgain = await edit(changed.message);
  expect(cardText(secondAgain.message.card)).toContain('第 2/3 项');
});

it('稍后再填 → 继续填写 works every time, not only the first', async () => {
  const { fake } = h.bot;
  let message: FakeMessage = fake.lastCard(zhang.openId)!;
  for (let round = 0; round < 2; round += 1) {
    const later = await fake.pressButton(message, { operator: zhang.openId, action: A.entryLater });
    expect(cardText(later.message.card)).toContain('继续填写');
    const resumed = await fake.pressButton(later.message, { operator: zhang.openId, action: A.entryOpen });
    expect(cardText(resumed.message.card), `round ${round + 1}`).toContain('第 1/3 项');
    message = resumed.message;
  }
});

it('刷新 on a locked card, pressed again after the admin reopened, opens the form', async () => {
  const { fake } = h.bot;
  const { lockEvaluation, reopenEvaluation, findEvaluationsInChat } = await import('../../src/features/collection/service');
  const deps = { db: h.bot.db, clock: { now: () => new Date('2026-11-23T02:00:00Z') } };
  const [ev] = await findEvaluationsInChat(h.bot.db, { tenantKey: 'tenant_fake', chatId: GROUP });
  expect((await lockEvaluation(deps as never, { evaluationId: ev!.id, actor: clerk.openId })).ok).toBe(true);
  const opened = await fake.pressButton(fake.lastCard(zhang.openId)!, { operator: zhang.openId, action: A.entryLater });
  const locked = await fake.pressButton(opened.message, { operator: zhang.openId, action: A.entryOpen });
  expect(cardText(locked.message.card)).toContain('已锁定');
  const stillLocked = await fake.pressButton(locked.message, { operator: zhang.openId, text: '刷新' });
  expect(cardText(stillLocked.message.card)).toContain('已锁定');
  expect((await reopenEvaluation(deps as never, { evaluationId: ev!.id, actor: clerk.openId })).ok).toBe(true);
  const reopened = await fake.pressButton(stillLocked.message, { operator: zhang.openId, text: '刷新' });
  expect(cardText(reopened.message.card)).toContain('"name":"entry_submit"');
});
