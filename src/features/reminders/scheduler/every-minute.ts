import type { Clock } from '../../../platform/clock';
import { errorFields, type Logger } from '../../../platform/log';
import { runDueJobs, type SchedulerDeps } from './run-due-jobs';

/**
 * The Node server's in-process scheduler: `runDueJobs` once a minute, never two runs of this process
 * at once (a slow run makes the next tick skip), errors logged rather than thrown. Other instances and
 * the Worker's cron are kept out by the database lease.
 */
export function startEveryMinute(deps: Omit<SchedulerDeps, 'clock'> & { clock: Clock; log: Logger }, intervalMs = 60_000): { stop(): Promise<void> } {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = runDueJobs(deps.clock.now(), { ...deps, clock: undefined })
      .catch((error: unknown) => deps.log.error('scheduler: run failed', errorFields(error)))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  setTimeout(tick, 1_000); // soon after start, so a restart does not wait a minute to catch up
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
