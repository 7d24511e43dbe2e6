import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getEvaluation, submitValue, type CollectionDeps } from '../../../src/features/collection/service';
import { postSummaryIfComplete } from '../../../src/features/summary/on-complete';
import { CHAT, MEMBERS, openTestDeps } from '../../helpers/collection';
import { fakeLarkFor } from '../../helpers/summary-lark';
import { answerAndApprove, startedSeed } from '../../helpers/summary';

let deps: CollectionDeps;
let close: () => Promise<void>;
beforeEach(async () => {
  ({ deps, close } = await openTestDeps());
});
afterEach(() => close());

describe('postSummaryIfComplete', () => {
  it('does nothing while a row is unapproved, posts once every row is approved, and only once', async () => {
    const { evaluation, answers } = await startedSeed(deps, '003-t2', CHAT);
    const fake = fakeLarkFor(deps.clock, { chatId: CHAT, members: MEMBERS.map((m) => m.openId) });
    const withLark = { ...deps, lark: fake.lark };

    const first = evaluation.items[1]!;
    const r = await submitValue(deps, { itemId: first.id, actor: first.owner.openId!, expectedVersion: 0, actual: '1' });
    expect(r.ok).toBe(true);
    expect(await postSummaryIfComplete(withLark, evaluation.id)).toBeNull();

    await answerAndApprove(deps, (await getEvaluation(deps.db, evaluation.id))!, answers);
    const posted = await postSummaryIfComplete(withLark, evaluation.id);
    expect(posted).toMatchObject({ ok: true, total: 98.13, grade: '优' });
    expect(await postSummaryIfComplete(withLark, evaluation.id)).toBeNull();
    expect(fake.messagesIn(CHAT).map((m) => m.msgType)).toEqual(['interactive', 'file', 'file']);
  });
});
