import type { ExecutionContext, ExportedHandler, ScheduledController } from '@cloudflare/workers-types';
import { ConfigError } from '../config';
import { runDueJobs } from '../features/reminders';
import { type Clock, systemClock } from '../platform/clock';
import { consoleLogger, errorFields, type Logger } from '../platform/log';
import type { WorkerEnv } from './env';
import { buildRuntime, type WorkerRuntime } from './runtime';
import { sweepInbox } from './sweep-inbox';

export interface WorkerOptions {
  clock?: Clock;
  log?: Logger;
  /** Outbound fetch for the Lark client; tests pass the fake Lark's. */
  larkFetch?: typeof fetch;
}

/**
 * The Worker: `fetch` is the same Hono app as the Node server (webhooks answered within Lark's 3 s,
 * slow work after the answer through `waitUntil`, src/worker/later.ts), `scheduled` is the Cron Trigger calling
 * the same `runDueJobs(now)` the Node server calls every minute, plus the retries of failed events that
 * the Node server's inbox sweeper runs.
 */
export function createWorker(options: WorkerOptions = {}): ExportedHandler<WorkerEnv> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? consoleLogger;
  // Built on first use per isolate, not at import time: config comes from `env`, which only a request
  // or a cron event carries.
  const runtimes = new WeakMap<WorkerEnv, WorkerRuntime>();
  const runtimeFor = (env: WorkerEnv): WorkerRuntime => {
    let runtime = runtimes.get(env);
    if (!runtime) {
      runtime = buildRuntime(env, { clock, log, larkFetch: options.larkFetch });
      runtimes.set(env, runtime);
    }
    return runtime;
  };

  return {
    async fetch(request, env, ctx) {
      let runtime: WorkerRuntime;
      try {
        runtime = runtimeFor(env);
      } catch (err) {
        if (!(err instanceof ConfigError)) throw err;
        // The operator sees what to fix in `wrangler tail` and on /healthz; Lark just sees a 503.
        log.error('worker configuration error', { variable: err.variable, error: err.message });
        return Response.json({ status: 'error', config: err.message }, { status: 503 }) as never;
      }
      return (await runtime.app.fetch(request as unknown as Request, env, ctx)) as never;
    },

    async scheduled(controller: ScheduledController, env: WorkerEnv, _ctx: ExecutionContext) {
      const runtime = runtimeFor(env);
      // The cron's own time, not the wall clock: a late start still plans for the minute it was meant for.
      const now = new Date(controller.scheduledTime);
      const fields = { cron: controller.cron, now: now.toISOString() };
      // Both run even if the other fails; a failure marks the invocation failed in the Cron Events log.
      const [jobs, inbox] = await Promise.allSettled([runDueJobs(now, runtime.scheduler), sweepInbox(runtime.inbox, now)]);
      if (jobs.status === 'fulfilled') log.info('cron: scheduler run', { ...fields, ...jobs.value });
      else log.error('cron: scheduler run failed', { ...fields, ...errorFields(jobs.reason) });
      if (inbox.status === 'fulfilled') log.info('cron: inbox sweep', { ...fields, ...inbox.value });
      else log.error('cron: inbox sweep failed', { ...fields, ...errorFields(inbox.reason) });
      const failed = [jobs, inbox].find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
    },
  };
}
