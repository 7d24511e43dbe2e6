import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCollectingSnapshots } from '../../../../src/features/reminders/scheduler/snapshots';
import { appendHistory } from '../../../../src/storage/repositories/collection/history';
import { IMPORTER_ID, openTimeline, sh, startEvaluation, type Timeline, finishOwner, openIdOf } from '../../../helpers/timeline';
import { getEvaluation } from '../../../../src/features/collection/service';
import { sendEntryCard } from '../../../../src/features/collection/handlers/notify/people';

describe('loadCollectingSnapshots', () => {
  /**
   * Rungs due before collection started are skipped, so the start time must survive any number of later
   * evaluation-level history rows (each leave or settings change adds one).
   */
  let t: Timeline;
  beforeEach(async () => {
    t = await openTimeline(sh('2026-09-24', '10:00'));
  });
  afterEach(() => t.close());

  describe('collection start time', () => {
    it('is found however many evaluation-level changes came after it', async () => {
      const { evaluation } = await startEvaluation(t);
      const [before] = await loadCollectingSnapshots(t.db);
      const startedAt = before!.startedAt.toISOString();
      for (let i = 0; i < 80; i++) {
        await appendHistory(t.db, { evaluationId: evaluation.id, action: 'ladder_settings', actor: IMPORTER_ID, at: sh('2026-09-28', '10:00').toISOString(), after: { n: i } }).execute();
      }
      await t.db.updateTable('evaluations').set({ updated_at: sh('2026-09-28', '10:00').toISOString() }).where('id', '=', evaluation.id).execute();
      const [after] = await loadCollectingSnapshots(t.db);
      expect(after!.startedAt.toISOString()).toBe(startedAt);
      expect(startedAt < sh('2026-09-28', '10:00').toISOString()).toBe(true);
    });
  });
});

describe('the card the deadline-day 加急 buzzes', () => {
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
});
