import { afterEach, beforeEach, expect, it } from 'vitest';
import { COLLECTION_ACTIONS as A } from '#cards/collection/actions';
import { findEvaluationsInChat } from '../../src/features/collection/service';
import { cardText, createHarness, GROUP, PEOPLE, type Harness, importAndStart, pastedTable } from '../helpers/harness';

/**
 * A qualitative row answered 部分达成 or 未达成 needs a score inside that band (scoring-rules: the
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
