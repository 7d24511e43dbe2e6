import type { Clock } from '../../platform/clock';
import type { InboundEventsRepository } from '../../storage/repositories/transport/inbound-events';
import type { Dispatcher } from '../dispatcher';
import { errorFields, type Logger } from '../../platform/log';
import type { InboundEnvelope } from './envelope';

/** Delays between attempts of an event whose handler threw; after the last one the event is left failed. */
export const RETRY_DELAYS_MS = [30_000, 120_000, 600_000, 3_600_000, 6 * 3_600_000];

export interface EventProcessorDeps {
  inbox: InboundEventsRepository;
  dispatcher: Dispatcher<string>;
  clock: Clock;
  log: Logger;
}

/**
 * Runs one recorded event through the dispatcher. Claiming the row first makes it safe to call from a
 * request's background work and from the queue's sweep at the same time: only one of them runs it.
 */
export function createEventProcessor(deps: EventProcessorDeps) {
  const { inbox, dispatcher, clock, log } = deps;

  async function process(eventId: string): Promise<void> {
    const row = await inbox.claim(eventId, clock.now());
    if (!row) return;
    let envelope: InboundEnvelope;
    try {
      envelope = JSON.parse(row.payload) as InboundEnvelope;
    } catch {
      log.error('stored event payload is not JSON; dropped', { eventId, eventType: row.eventType });
      dispatcher.drops.count('stored-unreadable', row.eventType);
      await inbox.finish(eventId, 'ignored', clock.now());
      return;
    }
    try {
      const outcome = await dispatcher.dispatchEvent(envelope);
      if (outcome === 'malformed') log.warn('event shape not understood; acknowledged and dropped', { eventId, eventType: row.eventType });
      if (outcome === 'unhandled') log.info('no handler for event type; acknowledged', { eventId, eventType: row.eventType });
      await inbox.finish(eventId, outcome === 'handled' ? 'done' : 'ignored', clock.now());
    } catch (err) {
      const delay = RETRY_DELAYS_MS[row.attempts - 1];
      const next = delay === undefined ? null : new Date(clock.now().getTime() + delay);
      log.error(next ? 'event handler failed; will retry' : 'event handler failed; giving up', {
        eventId,
        eventType: row.eventType,
        attempt: row.attempts,
        retryAt: next?.toISOString(),
        ...errorFields(err),
      });
      await inbox.fail(eventId, err instanceof Error ? err.message : String(err), next, clock.now());
    }
  }

  return {
    process,
    /** Runs every due row: pending ones, and failed ones whose retry time has come. */
    async runDue(): Promise<number> {
      const ids = await inbox.due(clock.now());
      for (const id of ids) await process(id);
      return ids.length;
    },
    /**
     * At start-up only (one process per database): rows a crashed process left `running` go back to
     * pending, then everything due runs.
     */
    async recover(): Promise<number> {
      const requeued = await inbox.requeueRunning(clock.now());
      if (requeued > 0) log.warn('events interrupted by a restart are run again', { count: requeued });
      const ids = await inbox.due(clock.now());
      for (const id of ids) await process(id);
      return ids.length;
    },
  };
}

export type EventProcessor = ReturnType<typeof createEventProcessor>;
