import { describe, expect, it } from 'vitest';
import { createJobQueue, startInboxSweeper } from '../../src/node/job-queue';
import { manualClock } from '../../src/platform/clock';
import { cardActionsRepository } from '../../src/storage/repositories/transport/card-actions';
import { inboundEventsRepository } from '../../src/storage/repositories/transport/inbound-events';
import { createDispatcher } from '../../src/transport/dispatcher';
import { createEventProcessor } from '../../src/transport/inbound/process-event';
import { memoryLogger } from '../../src/platform/log';
import { createTestDb } from '../helpers/db';

describe('Node job queue and inbox sweeper', () => {
  it('runs jobs with bounded concurrency and reports idle', async () => {
    const log = memoryLogger();
    const queue = createJobQueue({ concurrency: 2, log });
    let running = 0;
    let peak = 0;
    const done: number[] = [];
    for (let i = 0; i < 6; i++) {
      queue.enqueue(async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 10));
        running--;
        done.push(i);
        if (i === 3) throw new Error('one job fails');
      });
    }
    await queue.idle();
    expect(done.sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
    expect(log.lines.some((l) => l.msg === 'background job failed' && l.fields?.error === 'one job fails')).toBe(true);
  });

  it('recovers events left pending or running at start-up, then retries failures when due', async () => {
    const { db, close } = await createTestDb();
    const clock = manualClock('2026-09-01T00:00:00Z');
    const log = memoryLogger();
    const inbox = inboundEventsRepository(db);
    const dispatcher = createDispatcher([]);
    const seen: string[] = [];
    let failOnce = true;
    dispatcher.onEvent('im.chat.disbanded_v1', async (_e, meta) => {
      if (meta.eventId === 'ev_flaky' && failOnce) {
        failOnce = false;
        throw new Error('downstream busy');
      }
      seen.push(meta.eventId);
    });
    const env = (id: string) => JSON.stringify({ eventId: id, eventType: 'im.chat.disbanded_v1', tenantKey: 't', event: { chat_id: 'oc' } });
    await inbox.record({ eventId: 'ev_pending', eventType: 'im.chat.disbanded_v1', tenantKey: 't', payload: env('ev_pending') }, clock.now());
    await inbox.record({ eventId: 'ev_flaky', eventType: 'im.chat.disbanded_v1', tenantKey: 't', payload: env('ev_flaky') }, clock.now());
    await inbox.record({ eventId: 'ev_running', eventType: 'im.chat.disbanded_v1', tenantKey: 't', payload: env('ev_running') }, clock.now());
    await inbox.claim('ev_running', clock.now()); // a process died while running it
    const processor = createEventProcessor({ inbox, dispatcher, clock, log });
    const sweeper = startInboxSweeper({ processor, inbox, cards: cardActionsRepository(db), clock, log, intervalMs: 60_000 });
    await sweeper.ready;
    expect(seen.sort()).toEqual(['ev_pending', 'ev_running']);
    clock.advance(31_000);
    expect(await processor.runDue()).toBe(1);
    expect(seen).toContain('ev_flaky');
    sweeper.stop();
    await close();
  });
});
