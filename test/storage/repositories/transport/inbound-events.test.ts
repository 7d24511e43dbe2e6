import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../../../src/storage/database';
import { CLAIM_LEASE_MS, inboundEventsRepository } from '../../../../src/storage/repositories/transport/inbound-events';
import { cardActionsRepository } from '../../../../src/storage/repositories/transport/card-actions';
import { createDispatcher } from '../../../../src/transport/dispatcher';
import { createEventProcessor } from '../../../../src/transport/inbound/process-event';
import { silentLogger } from '../../../../src/platform/log';
import { manualClock } from '../../../../src/platform/clock';
import { sweepInbox } from '../../../../src/worker/sweep-inbox';
import { createTestDb } from '../../../helpers/db';

/**
 * On Workers an isolate can die mid-run (waitUntil cut short) and several isolates run events at once, so a
 * row left `running` is taken up again only once its claim has expired — never while a live run may own it.
 */
let db: Kysely<Database>;
let close: () => Promise<void>;
beforeEach(async () => {
  ({ db, close } = await createTestDb());
});
afterEach(() => close());

const payload = (id: string) => JSON.stringify({ eventId: id, eventType: 'im.chat.disbanded_v1', tenantKey: 't', event: { chat_id: 'oc' } });

describe('claims on inbound events', () => {
  it('requeues a run that outlived its claim, and not one that may still be alive', async () => {
    const clock = manualClock('2026-11-23T02:00:00Z');
    const inbox = inboundEventsRepository(db);
    await inbox.record({ eventId: 'ev_dead', eventType: 'im.chat.disbanded_v1', tenantKey: 't', payload: payload('ev_dead') }, clock.now());
    expect(await inbox.claim('ev_dead', clock.now())).not.toBeNull();
    // a second claim while it runs fails: only one runner
    expect(await inbox.claim('ev_dead', clock.now())).toBeNull();

    clock.advance(CLAIM_LEASE_MS - 1000);
    expect(await inbox.requeueStale(clock.now())).toBe(0);

    clock.advance(2000);
    expect(await inbox.requeueStale(clock.now())).toBe(1);
    expect(await inbox.due(clock.now())).toEqual(['ev_dead']);
  });

  it("the Worker's cron sweep runs an event whose isolate died", async () => {
    const clock = manualClock('2026-11-23T02:00:00Z');
    const inbox = inboundEventsRepository(db);
    const seen: string[] = [];
    const dispatcher = createDispatcher<string>([]);
    dispatcher.onEvent('im.chat.disbanded_v1', async (_e, meta) => void seen.push(meta.eventId));
    const processor = createEventProcessor({ inbox, dispatcher, clock, log: silentLogger });
    await inbox.record({ eventId: 'ev_cut', eventType: 'im.chat.disbanded_v1', tenantKey: 't', payload: payload('ev_cut') }, clock.now());
    await inbox.claim('ev_cut', clock.now()); // the request's waitUntil started it, then the isolate went away

    const sweep = { processor, inbox, cards: cardActionsRepository(db) };
    clock.advance(60_000);
    expect(await sweepInbox(sweep, clock.now())).toMatchObject({ requeued: 0, retried: 0 });
    expect(seen).toEqual([]);

    clock.advance(CLAIM_LEASE_MS);
    expect(await sweepInbox(sweep, clock.now())).toMatchObject({ requeued: 1, retried: 1 });
    expect(seen).toEqual(['ev_cut']);
  });
});
