import type { EventProcessor } from '../transport/inbound/process-event';
import { pruneBefore, pruneCardActionsBefore } from '../transport/inbound/retention';
import { errorFields, type Logger } from '../platform/log';
import type { Clock } from '../platform/clock';
import type { InboundEventsRepository } from '../storage/repositories/transport/inbound-events';
import type { CardActionsRepository } from '../storage/repositories/transport/card-actions';

/**
 * Node's background runner: work runs after the HTTP answer with bounded concurrency. Durability comes
 * from the inbox table (every event is recorded before it is acknowledged), so on start-up `recover`
 * reruns what a crash interrupted and a periodic sweep retries failures and prunes old ids.
 */
export function createJobQueue(opts: { concurrency?: number; log: Logger }) {
  const concurrency = opts.concurrency ?? 4;
  const waiting: Array<() => Promise<void>> = [];
  let running = 0;
  let idleWaiters: Array<() => void> = [];

  const pump = () => {
    while (running < concurrency && waiting.length > 0) {
      const work = waiting.shift()!;
      running++;
      void work()
        .catch((err) => opts.log.error('background job failed', errorFields(err)))
        .finally(() => {
          running--;
          if (running === 0 && waiting.length === 0) {
            for (const w of idleWaiters) w();
            idleWaiters = [];
          }
          pump();
        });
    }
  };

  return {
    enqueue(work: () => Promise<void>) {
      waiting.push(work);
      pump();
    },
    idle(): Promise<void> {
      if (running === 0 && waiting.length === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    get size() {
      return running + waiting.length;
    },
  };
}

export type JobQueue = ReturnType<typeof createJobQueue>;

const PRUNE_EVERY_MS = 3_600_000;

export function startInboxSweeper(opts: {
  processor: EventProcessor;
  inbox: InboundEventsRepository;
  cards: CardActionsRepository;
  clock: Clock;
  log: Logger;
  intervalMs?: number;
}): { ready: Promise<void>; stop: () => void } {
  let busy = false;
  let lastPrune = 0;
  const sweep = async (first: boolean) => {
    if (busy) return;
    busy = true;
    try {
      const n = first ? await opts.processor.recover() : await opts.processor.runDue();
      if (n > 0) opts.log.info(first ? 'recovered events recorded before a restart' : 'retried due events', { count: n });
      const now = opts.clock.now();
      if (now.getTime() - lastPrune >= PRUNE_EVERY_MS) {
        lastPrune = now.getTime();
        await opts.inbox.prune(pruneBefore(now));
        await opts.cards.prune(pruneCardActionsBefore(now));
      }
    } catch (err) {
      opts.log.error('inbox sweep failed', errorFields(err));
    } finally {
      busy = false;
    }
  };
  const ready = sweep(true);
  const timer = setInterval(() => void sweep(false), opts.intervalMs ?? 15_000);
  timer.unref();
  return { ready, stop: () => clearInterval(timer) };
}
