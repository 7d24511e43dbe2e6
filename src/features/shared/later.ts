import { errorFields, type Logger } from '../../platform/log';

/**
 * Work to finish after the answer (the 200 to a webhook, the card callback's answer). One name, one
 * mechanism per runtime, chosen by the entry point and handed to `createBot`: Node enqueues on its
 * in-process job queue (src/node/job-queue.ts); Workers attach the promise to the running request with
 * `waitUntil` (src/worker/later.ts); local mode, the demo and tests use `trackedLater`. Work that must
 * survive a crash is written to the database before `later` is called, so `later` only has to be fast.
 */
export type Later = (work: () => Promise<void>) => void;

/** Runs follow-up work after the answer, logging instead of throwing: the user's write is already safe. */
export function runLater(deps: { later: Later; log: Logger }, what: string, work: () => Promise<unknown>): void {
  deps.later(async () => {
    try {
      await work();
    } catch (error) {
      deps.log.error(`follow-up failed: ${what}`, errorFields(error));
    }
  });
}

/**
 * `later` for local mode, the demo and tests: every piece of work is tracked so `settle()` can wait
 * until all of it (and whatever it started in turn) has finished.
 */
export function trackedLater(log: Logger): { later: Later; settle(): Promise<void> } {
  const running = new Set<Promise<void>>();
  return {
    later(work) {
      const p = work().catch((error: unknown) => log.error('background work failed', errorFields(error)));
      running.add(p);
      void p.finally(() => running.delete(p));
    },
    async settle() {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}
