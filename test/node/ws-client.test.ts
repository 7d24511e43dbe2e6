import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config';
import { createFakeLark, type FakeLark } from '../../src/fake-lark';
import { listenFakeLark } from '../../src/fake-lark/listen';
import { startLongConnection } from '../../src/node/ws-client';
import { systemClock } from '../../src/platform/clock';
import { cardActionsRepository } from '../../src/storage/repositories/transport/card-actions';
import { inboundEventsRepository } from '../../src/storage/repositories/transport/inbound-events';
import type { MessageEvent } from '../../src/transport/contract';
import { createLarkClient } from '../../src/transport/client';
import { createDispatcher } from '../../src/transport/dispatcher';
import { createEventProcessor } from '../../src/transport/inbound/process-event';
import { memoryLogger } from '../../src/platform/log';
import { createTestDb } from '../helpers/db';
import { testCrypto } from '../helpers/signing';

/**
 * The bot's own long connection (`startLongConnection`: the SDK WSClient, our inbox, processor and card
 * path) against the fake gateway on a loopback port. Whatever the network does, each event is handled once.
 */

const APP_ID = 'cli_a1b2c3d4e5f60718';
const FAST = { PingInterval: 1, ReconnectInterval: 0.2, ReconnectNonce: 0.1, ReconnectCount: -1 };

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function waitFor(check: () => boolean, ms = 15_000) {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function bot(fakeOpts: Parameters<typeof createFakeLark>[0] = {}) {
  const fake = createFakeLark({ crypto: testCrypto, appId: APP_ID, eventMode: 'ws', ...fakeOpts, ws: { clientConfig: FAST, ...fakeOpts.ws } });
  const server = { current: await listenFakeLark(fake) };
  cleanups.push(() => server.current.close());
  const { db, close } = await createTestDb();
  cleanups.push(close);
  const log = memoryLogger();
  const clock = systemClock;
  const config = parseConfig(fake.env(server.current.baseUrl));
  const dispatcher = createDispatcher<'ok'>(['ok']);
  const handled: string[] = [];
  dispatcher.onEvent('im.message.receive_v1', async (event: MessageEvent, meta) => {
    handled.push(`${meta.eventId}:${(JSON.parse(event.content) as { text?: string }).text ?? ''}`);
  });
  let presses = 0;
  dispatcher.onAction('ok', async () => ({ toast: { type: 'success', content: `已确认 ${++presses}` } }));
  const writesInbox = inboundEventsRepository(db);
  const inbox = { ...writesInbox, record: (...a: Parameters<typeof writesInbox.record>) => hooks.beforeAck(writesInbox.record(...a)) };
  const hooks = { beforeAck: <T>(p: Promise<T>) => p };
  const processor = createEventProcessor({ inbox, dispatcher, clock, log });
  const work = new Set<Promise<void>>();
  const later = (job: () => Promise<void>) => {
    const p = job().catch((err: unknown) => log.error('later failed', { error: String(err) }));
    work.add(p);
    void p.finally(() => work.delete(p));
  };
  const lark = createLarkClient({ baseUrl: 'http://fake.lark', appId: fake.appId, appSecret: fake.appSecret, fetch: fake.fetch });
  const ws = startLongConnection({
    config,
    clock,
    log,
    dispatcher,
    inbound: { inbox, processor },
    card: { cards: cardActionsRepository(db), dispatcher, lark, crypto: testCrypto, clock, log, budgetMs: 2000 },
    later,
  });
  cleanups.push(() => ws.stop());
  await fake.gateway.whenConnected();
  const settle = async () => {
    while (work.size > 0) await Promise.all([...work]);
  };
  return { fake, server, db, log, handled, hooks, lark, settle };
}

async function card(fake: FakeLark, lark: ReturnType<typeof createLarkClient>, openId: string) {
  const content = {
    schema: '2.0' as const,
    header: { title: { tag: 'plain_text', content: '确认' } },
    body: { elements: [{ tag: 'button', text: { tag: 'plain_text', content: '确认' }, behaviors: [{ type: 'callback', value: { action: 'ok' } }] }] },
  };
  await lark.sendMessage('open_id', openId, { msgType: 'interactive', content });
  return fake.lastCard(openId)!;
}

describe('ws mode (startLongConnection + SDK WSClient + fake gateway)', () => {
  it('handles an event once even when Lark pushes it again', async () => {
    const b = await bot();
    const u = b.fake.addUser({ name: '张伟' });
    const sent = await b.fake.sendMessageEvent({ sender: u.openId, text: '进度' });
    expect(sent.delivery!.status).toBe(200);
    const again = await b.fake.redeliver(sent.delivery!);
    expect(again.status).toBe(200);
    await b.settle();
    expect(b.handled).toEqual([`${sent.delivery!.eventId}:进度`]);
    expect(b.log.lines.some((l) => l.msg === 'duplicate event absorbed')).toBe(true);
  });

  it('a connection lost after the event was recorded but before the ack: redelivered after the reconnect, handled once', async () => {
    const b = await bot();
    let first = true;
    b.hooks.beforeAck = async (p) => {
      const r = await p;
      if (first) {
        first = false;
        b.fake.gateway.dropConnections();
      }
      return r;
    };
    const u = b.fake.addUser({ name: '李娜' });
    const sent = await b.fake.sendMessageEvent({ sender: u.openId, text: '我的' });
    expect(sent.delivery!.status).toBe(200);
    expect(b.fake.gateway.stats.redeliveries).toBe(1);
    await b.settle();
    expect(b.handled).toEqual([`${sent.delivery!.eventId}:我的`]);
  });

  it('a gateway restart mid-run loses and doubles nothing', async () => {
    const b = await bot();
    const u = b.fake.addUser({ name: '王芳' });
    await b.fake.sendMessageEvent({ sender: u.openId, text: '一' });
    await b.server.current.close();
    const during = [b.fake.sendMessageEvent({ sender: u.openId, text: '二' }), b.fake.sendMessageEvent({ sender: u.openId, text: '三' })];
    await new Promise((r) => setTimeout(r, 400));
    b.server.current = await listenFakeLark(b.fake, b.server.current.port);
    await Promise.all(during);
    await b.fake.sendMessageEvent({ sender: u.openId, text: '四' });
    await b.settle();
    expect(b.handled.map((h) => h.split(':')[1]).sort()).toEqual(['一', '二', '三', '四'].sort());
    expect(b.log.lines.some((l) => l.msg === 'long connection re-established')).toBe(true);
  });

  it('answers a card callback in its ack; a replayed click gets the first answer, the handler runs once', async () => {
    const b = await bot();
    const u = b.fake.addUser({ name: '张伟' });
    const press = await b.fake.pressButton(await card(b.fake, b.lark, u.openId), { operator: u.openId, action: 'ok' });
    expect(press.clientError).toBeUndefined();
    expect(press.toast).toMatchObject({ type: 'success', content: '已确认 1' });
    const replay = await b.fake.replayCardAction(press.delivery);
    expect(replay.toast).toMatchObject({ content: '已确认 1' });
  });

  it('a fragmented event reassembles into the same message', async () => {
    const b = await bot({ ws: { maxFrameBytes: 64 } });
    const u = b.fake.addUser({ name: '张伟' });
    const text = '调研次数与台账不符，请核对。'.repeat(10);
    await b.fake.sendMessageEvent({ sender: u.openId, text });
    await b.settle();
    expect(b.fake.gateway.stats.fragmented).toBe(1);
    expect(b.handled[0]!.endsWith(`:${text}`)).toBe(true);
  });

  it('refuses to start with an app id the SDK would silently ignore, and says what it should look like', async () => {
    const fake = createFakeLark({ crypto: testCrypto, eventMode: 'ws' }); // app id cli_fake_app
    const log = memoryLogger();
    const { db, close } = await createTestDb();
    cleanups.push(close);
    const dispatcher = createDispatcher<string>([]);
    const inbox = inboundEventsRepository(db);
    const ws = startLongConnection({
      config: parseConfig(fake.env('http://127.0.0.1:9')),
      clock: systemClock,
      log,
      dispatcher,
      inbound: { inbox, processor: createEventProcessor({ inbox, dispatcher, clock: systemClock, log }) },
      card: { cards: cardActionsRepository(db), dispatcher, lark: createLarkClient({ baseUrl: 'http://x', appId: 'a', appSecret: 'b', fetch: fake.fetch }), crypto: testCrypto, clock: systemClock, log, budgetMs: 2000 },
      later: () => {},
    });
    ws.stop();
    expect(log.lines.find((l) => l.level === 'error')?.msg).toContain('cli_ 加 16 位十六进制');
  });
});
