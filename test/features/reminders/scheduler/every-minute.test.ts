import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEveryMinute } from '../../../../src/features/reminders/scheduler/every-minute';
import { memoryLogger } from '../../../../src/platform/log';
import { openTimeline, sh, startEvaluation, type Timeline } from '../../../helpers/timeline';

let t: Timeline;
beforeEach(async () => {
  t = await openTimeline(sh('2026-09-24', '10:00'));
  await startEvaluation(t);
});
afterEach(() => t.close());

describe('the Node server’s in-process scheduler', () => {
  it('runs runDueJobs on its interval, and stop() waits for a run in progress', async () => {
    t.clock.set(sh('2026-09-29', '09:30'));
    const log = memoryLogger();
    const scheduler = startEveryMinute({ db: t.db, lark: t.lark, calendar: t.calendar, clock: t.clock, log, holder: 'node-test' }, 50);
    const deadline = Date.now() + 5000;
    while (t.fake.state.order.length < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await scheduler.stop();
    expect(t.fake.state.order).toHaveLength(4);
    expect(log.lines.filter((l) => l.level === 'error')).toEqual([]);
    expect(log.lines.find((l) => l.msg === 'scheduler: run done')?.fields).toMatchObject({ planned: 4, sent: 4 });
  });
});
