import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getEvaluation } from '../../src/features/collection/service';
import { sendEntryCard } from '../../src/features/collection/handlers/notify/people';
import { IMPORTER_ID, finishOwner, openIdOf, openTimeline, sh, startEvaluation, type Timeline } from './support';

/**
 * 加急 should buzz the entry card the owner already has (recorded when it was sent), not send a new one:
 * a buzz on a fresh card teaches people to ignore the first.
 */
let t: Timeline;
beforeEach(async () => {
  t = await openTimeline(sh('2026-09-24', '10:00'));
});
afterEach(() => t.close());

describe('deadline-day 加急', () => {
  it('buzzes the entry card sent at the start, and sends no new card', async () => {
    const { evaluation, answers } = await startEvaluation(t);
    const zhang = openIdOf('张伟');
    const view = await getEvaluation(t.db, evaluation.id);
    const first = view!.items.find((i) => i.owner.openId === zhang && i.value.status === 'pending')!;
    const cardId = await sendEntryCard({ lark: t.lark, db: t.db, clock: t.clock }, view!, first, zhang, 'entry-test-zhang');

    // Everyone else finishes, so 张伟 is the only one pending on the deadline day.
    await finishOwner(t, evaluation.id, IMPORTER_ID, answers);
    for (const name of ['李娜', '王芳']) await finishOwner(t, evaluation.id, openIdOf(name), answers);

    t.clock.set(sh('2026-10-09', '15:00'));
    await t.tick();

    expect(t.fake.urgent.map((u) => ({ messageId: u.messageId, openIds: u.openIds }))).toEqual([{ messageId: cardId, openIds: [zhang] }]);
    const toZhangAt15 = t.fake.state.order
      .map((id) => t.fake.state.messages.get(id)!)
      .filter((m) => m.sender === 'bot' && m.createTime >= sh('2026-10-09', '15:00').getTime());
    expect(toZhangAt15).toEqual([]);
  });
});
