import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCollectingSnapshots } from '../../src/features/reminders/scheduler/snapshots';
import { appendHistory } from '../../src/storage/repositories/collection/history';
import { IMPORTER_ID, openTimeline, sh, startEvaluation, type Timeline } from './support';

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
