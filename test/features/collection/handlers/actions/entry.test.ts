import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COLLECTION_ACTIONS as A } from '#cards/collection/actions';
import { findEvaluationsInChat, markSummaryPosted, type EvaluationView } from '../../../../../src/features/collection/service';
import { cardText, createHarness, GROUP, PEOPLE, type Harness, importAndStart, pastedTable } from '../../../../helpers/harness';
import type { FakeMessage } from '../../../../../src/fake-lark/state';

describe('the entry walk-through', () => {
  /** The owner's walk-through: input handling, navigation, authorization and the locked state. */
  const { clerk, zhang, li } = PEOPLE;
  const PASTED = pastedTable('社区宣传项目', 100, [
    '产出指标\t数量指标\t培训人次\t≥100人次\t50\t张伟',
    '效益指标\t社会效益指标\t群众知晓率\t≥80%\t30\t李娜',
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

  async function evaluation(): Promise<EvaluationView> {
    return (await findEvaluationsInChat(h.bot.db, { tenantKey: 'tenant_fake', chatId: GROUP }))[0]!;
  }

  async function submit(openId: string, formValue: Record<string, unknown>) {
    const press = await h.bot.fake.pressButton(h.bot.fake.lastCard(openId)!, { operator: openId, action: A.entrySubmit, formValue });
    await h.settle();
    return press;
  }

  describe('input handling', () => {
    it.each([
      ['', '不能留空'],
      ['-5', ''],
      ['120公斤', ''],
    ])('refuses %j with a Chinese toast and keeps what was typed', async (typed, words) => {
      const press = await submit(zhang.openId, { actual: typed });
      expect(press.toast?.type).toBe('warning');
      expect(press.toast?.content).toMatch(/[\u4e00-\u9fff]/);
      if (words) expect(press.toast?.content).toContain(words);
      if (typed) expect(cardText(press.message.card)).toContain(`"default_value":"${typed}"`);
      const row = (await evaluation()).items.find((i) => i.name === '培训人次')!;
      expect(row.value.status).toBe('pending');
      expect(row.value.version).toBe(0);
    });

    it('refuses a percentage above 100 where that is impossible', async () => {
      const press = await submit(li.openId, { actual: '130%' });
      expect(press.toast?.type).toBe('warning');
      expect((await evaluation()).items.find((i) => i.name === '群众知晓率')!.value.status).toBe('pending');
    });

    it('acknowledges only after the commit: the toast carries the stored score', async () => {
      const press = await submit(zhang.openId, { actual: '120' });
      const row = (await evaluation()).items.find((i) => i.name === '培训人次')!;
      expect(row.value).toMatchObject({ status: 'submitted', actual: '120', version: 1 });
      expect(press.toast?.content).toBe(`已保存，得分 ${row.value.score}`);
      expect(cardText(press.message.card)).toContain('第 2/2 项');
    });
  });

  describe('navigation', () => {
    it('上一项 goes back without saving, 稍后再填 pauses with a way back in', async () => {
      await submit(zhang.openId, { actual: '120' });
      const back = await h.bot.fake.pressButton(h.bot.fake.lastCard(zhang.openId)!, { operator: zhang.openId, action: A.entryPrev });
      expect(cardText(back.message.card)).toContain('第 1/2 项');
      expect(cardText(back.message.card)).toContain('当前填报：');
      const later = await h.bot.fake.pressButton(back.message, { operator: zhang.openId, action: A.entryLater });
      expect(cardText(later.message.card)).toContain('还有 **1** 项待填');
      const resumed = await h.bot.fake.pressButton(later.message, { operator: zhang.openId, action: A.entryOpen });
      expect(cardText(resumed.message.card)).toContain('满意度');
    });

    it('the recap after the last row lets the owner change any row', async () => {
      await submit(zhang.openId, { actual: '120' });
      await submit(zhang.openId, { actual: '95%' });
      const recap = h.bot.fake.lastCard(zhang.openId)!;
      expect(cardText(recap.card)).toContain('已全部提交');
      const row = (await evaluation()).items.find((i) => i.name === '培训人次')!;
      const edit = await h.bot.fake.pressButton(recap, { operator: zhang.openId, action: A.recapEdit, index: 0 });
      expect(cardText(edit.message.card)).toContain('培训人次');
      const changed = await submit(zhang.openId, { actual: '110' });
      expect(changed.toast?.type, changed.toast?.content).toBe('success');
      const after = (await evaluation()).items.find((i) => i.id === row.id)!;
      expect(after.value).toMatchObject({ actual: '110', version: 2 });
    });
  });

  describe('authorization and state', () => {
    it('an admin may answer for an owner; the row records who did', async () => {
      const card = h.bot.fake.lastCard(li.openId)!;
      const value = JSON.parse(JSON.stringify(card.card).match(/"value":(\{"action":"collect\.entry\.submit"[^}]*\})/)![1]!);
      const press = await h.bot.fake.sendCardAction(card.messageId, clerk.openId, { tag: 'button', value, form_value: { actual: '85%', reason: '' } });
      expect(press.toast?.type).toBe('success');
      const row = (await evaluation()).items.find((i) => i.name === '群众知晓率')!;
      expect(row.value.submittedBy).toBe(clerk.openId);
    });

    it('after locking, a change is refused until an admin reopens; after the summary a change posts a 变更 notice', async () => {
      await submit(zhang.openId, { actual: '120' });
      const ev = await evaluation();
      await h.bot.fake.sendMessageEvent({ sender: clerk.openId, chatId: GROUP, mentionBot: true, text: '总览' });
      await h.settle();
      const overview = h.bot.fake.lastCard(GROUP)!;
      const locked = await h.bot.fake.pressButton(overview, { operator: clerk.openId, action: A.overviewLock });
      expect(locked.toast?.content).toContain('还有');
      await h.settle();

      const refused = await submit(zhang.openId, { actual: '95%' });
      expect(refused.toast?.type).toBe('error');
      expect(refused.toast?.content).toContain('已锁定');
      expect(cardText(refused.message.card)).toContain('🔒');

      const notAdmin = await h.bot.fake.pressButton(h.bot.fake.message(overview.messageId)!, { operator: zhang.openId, action: A.overviewReopen });
      expect(notAdmin.toast?.type).toBe('error');
      const reopened = await h.bot.fake.pressButton(h.bot.fake.message(overview.messageId)!, { operator: clerk.openId, action: A.overviewReopen });
      expect(reopened.toast?.type).toBe('success');

      await markSummaryPosted(h.deps, { evaluationId: ev.id, actor: clerk.openId });
      await h.bot.fake.pressButton(h.bot.fake.lastCard(zhang.openId)!, { operator: zhang.openId, action: A.entryOpen });
      const changed = await submit(zhang.openId, { actual: '95%' });
      expect(changed.toast?.type, changed.toast?.content).toBe('success');
      const notices = h.bot.fake.messagesTo(GROUP).filter((m) => m.msgType === 'text').map((m) => JSON.parse(m.content).text as string);
      expect(notices.some((t) => t.includes('变更'))).toBe(true);
    });
  });
});

describe('entering the same value again', () => {
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
    const { lockEvaluation, reopenEvaluation, findEvaluationsInChat } = await import('../../../../../src/features/collection/service');
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
});

describe('qualitative rows: the band', () => {
  /**
   * A qualitative row answered 部分达成 or 未达成 needs a score inside that band (财预〔2020〕10号《项目支出绩效评价管理办法》: the
   * evaluator picks it). The owner's card must let them give it; otherwise such a row can never be
   * submitted — only 达成 could.
   */
  const { zhang } = PEOPLE;
  const PASTED = pastedTable('社区宣传项目', 100, [
    '效益指标\t社会效益指标\t提高民众金融普法满意度\t有效提高\t10\t张伟',
  ]);

  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
    await importAndStart(h, PASTED);
  });
  afterEach(async () => {
    await h.close();
  });

  async function press(formValue: Record<string, unknown>) {
    const result = await h.bot.fake.pressButton(h.bot.fake.lastCard(zhang.openId)!, { operator: zhang.openId, action: A.entrySubmit, formValue });
    await h.settle();
    return result;
  }

  it('lets the owner answer 部分达成 with a score inside the band', async () => {
    const saved = await press({ band: '部分达成', actual: '开展宣传 3 次，覆盖半数社区', score: '7', reason: '经费下达晚，下半年才开展宣传；明年提前安排' });
    expect(saved.toast?.type, saved.toast?.content).toBe('success');
    const [ev] = await findEvaluationsInChat(h.bot.db, { tenantKey: 'tenant_fake', chatId: GROUP });
    const row = ev!.items.find((i) => i.kind === 'indicator')!;
    expect(row.value).toMatchObject({ status: 'submitted', band: '部分达成', score: 7 });
  });

  it('a score outside the chosen band is refused with the band range, the typed values kept', async () => {
    const refused = await press({ band: '部分达成', actual: '开展宣传 3 次', score: '9', reason: '经费下达晚' });
    expect(refused.toast?.type).toBe('warning');
    expect(refused.toast?.content).toContain('部分达成');
    expect(cardText(refused.message.card)).toContain('"default_value":"9"');
  });
});
