import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runDueJobs } from '../../../../src/features/reminders/scheduler/run-due-jobs';
import { openTimeline, sh, startEvaluation, type Timeline } from '../../../helpers/timeline';

let t: Timeline;

beforeEach(async () => {
  t = await openTimeline(sh('2026-09-24', '10:00'));
  await startEvaluation(t);
});
afterEach(() => t.close());

describe('the scheduler lease after a run', () => {
  it('is free for the server once a `jixiao tick --now <later time>` has finished', async () => {
    t.clock.set(sh('2026-09-29', '09:30'));
    // An operator tries what would go out on 8 Oct against the same database (no clock injected: the CLI's case).
    const cli = await runDueJobs(sh('2026-10-08', '09:30'), { ...t.scheduler({ holder: 'cli:host:1' }), clock: undefined });
    expect(cli).toMatchObject({ ran: true });
    // The server's own minute tick, at the real time, must not find the lease held until 8 Oct.
    t.clock.set(sh('2026-09-29', '09:31'));
    expect(await t.tick()).toMatchObject({ ran: true });
  });
});
