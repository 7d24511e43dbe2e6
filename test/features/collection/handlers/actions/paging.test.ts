import { afterEach, expect, it, describe } from 'vitest';
import { COLLECTION_ACTIONS as A } from '#cards/collection/actions';
import { checkCardLimits } from '#cards/shared/limits';
import { findEvaluationsInChat } from '../../../../../src/features/collection/service';
import type { CardJson } from '../../../../../src/transport/contract';
import { cardText, createHarness, GROUP, PEOPLE, type Harness, importAndStart, pastedTable } from '../../../../helpers/harness';

describe('paging the recap and review cards', () => {
  /** One owner with 30 rows: the recap and the review card page, and 本页全部通过 approves only what was shown. */
  const { clerk, zhang } = PEOPLE;
  const ROWS = 30;
  const PASTED = pastedTable('大型培训项目', 300, [
    ...Array.from({ length: ROWS }, (_, i) => `产出指标\t数量指标\t第${i + 1}期培训班参训人次\t≥100人次\t3\t张伟`),
  ]);

  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it('pages the recap and the review card, and approves exactly the rows on the page the admin saw', async () => {
    h = await createHarness();
    const { fake } = h.bot;
    await importAndStart(h, PASTED);
    for (let i = 0; i < ROWS; i += 1) {
      const press = await fake.pressButton(fake.lastCard(zhang.openId)!, { operator: zhang.openId, action: A.entrySubmit, formValue: { actual: '100' } });
      expect(press.toast?.type).toBe('success');
    }
    await h.settle();

    const recap = fake.lastCard(zhang.openId)!;
    expect(cardText(recap.card)).toContain('第 1/2 页');
    const page2 = await fake.pressButton(recap, { operator: zhang.openId, text: '下一页' });
    expect(cardText(page2.message.card)).toContain('第30期培训班参训人次');
    expect(cardText(page2.message.card)).not.toContain('第1期培训班参训人次');

    const review = [...fake.messagesTo(clerk.openId)].reverse().find((m) => cardText(m.card).includes('审核：张伟'))!;
    expect(checkCardLimits(review.card as CardJson)).toEqual([]);
    const second = await fake.pressButton(review, { operator: clerk.openId, text: '下一页' });
    expect(cardText(second.message.card)).toContain('第 2/3 页');
    const approved = await fake.pressButton(second.message, { operator: clerk.openId, action: A.reviewApproveAll });
    expect(approved.toast?.content).toBe('已通过 10 项');

    const [ev] = await findEvaluationsInChat(h.bot.db, { tenantKey: 'tenant_fake', chatId: GROUP });
    const statuses = ev!.items.filter((i) => i.kind === 'indicator').map((i) => i.value.status);
    expect(statuses.slice(10, 20)).toEqual(Array(10).fill('approved'));
    expect([...statuses.slice(0, 10), ...statuses.slice(20)]).toEqual(Array(20).fill('submitted'));
  });
});

describe('pages drawn from fresh data', () => {
  /**
   * Paging is a click like any other, and the transport absorbs a repeat of the same click on the same
   * card (same value, same inputs) by replaying the stored answer. A pager whose value does not change
   * with the rows would replay a page as it was before the rows changed: the admin would see rows
   * they just approved still waiting, with 通过 / 退回 buttons.
   */
  const { clerk, zhang } = PEOPLE;
  const ROWS = 26;
  const PASTED = pastedTable('大型培训项目', 300, [
    ...Array.from({ length: ROWS }, (_, i) => `产出指标\t数量指标\t第${i + 1}期培训班参训人次\t≥100人次\t3\t张伟`),
  ]);

  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it('a page revisited after rows on it were approved shows them approved, not the earlier page', async () => {
    h = await createHarness();
    const { fake } = h.bot;
    await importAndStart(h, PASTED);
    for (let i = 0; i < ROWS; i += 1) {
      const press = await fake.pressButton(fake.lastCard(zhang.openId)!, { operator: zhang.openId, action: A.entrySubmit, formValue: { actual: '100' } });
      expect(press.toast?.type).toBe('success');
    }
    await h.settle();

    const review = [...fake.messagesTo(clerk.openId)].reverse().find((m) => cardText(m.card).includes('审核：张伟'))!;
    const second = await fake.pressButton(review, { operator: clerk.openId, text: '下一页' });
    expect(cardText(second.message.card)).toContain('第 2/3 页');
    expect(cardText(second.message.card)).toContain('本页全部通过（10 项）');
    const approved = await fake.pressButton(second.message, { operator: clerk.openId, action: A.reviewApproveAll });
    expect(approved.toast?.content).toBe('已通过 10 项');

    // back on page 2, however the admin gets there, the ten rows are approved
    const now = fake.message(review.messageId)!;
    const again = cardText(now.card).includes('第 2/3 页') ? now : (await fake.pressButton(now, { operator: clerk.openId, text: '下一页' })).message;
    expect(cardText(again.card)).toContain('第 2/3 页');
    expect(cardText(again.card)).not.toContain('本页全部通过');
    expect(cardText(again.card)).not.toContain('"name":"approve_');

    // and paging back and forth keeps working: a second visit to a page is not a repeated click
    const first = (await fake.pressButton(again, { operator: clerk.openId, text: '上一页' })).message;
    expect(cardText(first.card)).toContain('第 1/3 页');
    const back = await fake.pressButton(first, { operator: clerk.openId, text: '下一页' });
    expect(cardText(back.message.card)).toContain('第 2/3 页');
    const recap = fake.lastCard(zhang.openId)!;
    const r2 = (await fake.pressButton(recap, { operator: zhang.openId, text: '下一页' })).message;
    const r1 = (await fake.pressButton(r2, { operator: zhang.openId, text: '上一页' })).message;
    const r2again = await fake.pressButton(r1, { operator: zhang.openId, text: '下一页' });
    expect(cardText(r2again.message.card)).toContain('第26期培训班参训人次');
  });
});
