import type { CardActionsRepository } from '../storage/repositories/transport/card-actions';
import type { InboundEventsRepository } from '../storage/repositories/transport/inbound-events';
import type { EventProcessor } from '../transport/inbound/process-event';
import { pruneBefore, pruneCardActionsBefore } from '../transport/inbound/retention';

export interface InboxSweep {
  processor: EventProcessor;
  inbox: InboundEventsRepository;
  cards: CardActionsRepository;
}

/**
 * The Worker's counterpart of the Node server's inbox sweeper, run by the cron: events whose handler
 * failed get their retries (on Workers nothing else would run them again once the request that
 * recorded them has ended), events whose run died with its isolate are taken up again once their claim
 * has expired, and old dedupe rows are pruned.
 */
export async function sweepInbox(sweep: InboxSweep, now: Date): Promise<{ requeued: number; retried: number; prunedEvents: number; prunedCardActions: number }> {
  const requeued = await sweep.inbox.requeueStale(now);
  const retried = await sweep.processor.runDue();
  const prunedEvents = await sweep.inbox.prune(pruneBefore(now));
  const prunedCardActions = await sweep.cards.prune(pruneCardActionsBefore(now));
  return { requeued, retried, prunedEvents, prunedCardActions };
}
