import * as lark from '@larksuiteoapi/node-sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeLark, type FakeLark, type FakeLarkOptions } from '../../src/fake-lark';
import { listenFakeLark } from '../../src/fake-lark/listen';
import { decodeFrame, encodeFrame } from '../../src/fake-lark/ws-frame';
import { createLarkClient } from '../../src/transport/client';
import { testCrypto } from '../helpers/signing';

/**
 * The fake's long-connection gateway against the official SDK's own `WSClient` (node-sdk 1.74.0) on a
 * loopback port: discovery, ping/pong with pushed config, events and card callbacks with their acks,
 * fragments, redelivery over a dropped connection and a gateway restart.
 */

// The SDK's start() silently refuses any other app id shape (larksuite/node-sdk ws-client/index.ts, start()).
const APP_ID = 'cli_a1b2c3d4e5f60718';
// Fast reconnects for tests; Lark itself sends whole seconds (120 / 120 / 30).
const FAST = { PingInterval: 1, ReconnectInterval: 0.2, ReconnectNonce: 0.1, ReconnectCount: -1 };

type Received = Record<string, unknown>;

interface Rig {
  fake: FakeLark;
  client: lark.WSClient;
  events: Received[];
  cards: Received[];
  server: { baseUrl: string; port: number; close: () => Promise<void> };
}

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function rig(
  opts: { fake?: FakeLarkOptions; onEvent?: (d: Received, n: number) => unknown; onCard?: (d: Received) => unknown } = {},
): Promise<Rig> {
  const fake = createFakeLark({ crypto: testCrypto, appId: APP_ID, eventMode: 'ws', ...opts.fake, ws: { clientConfig: FAST, ...opts.fake?.ws } });
  const server = await listenFakeLark(fake);
  const events: Received[] = [];
  const cards: Received[] = [];
  const dispatcher = new lark.EventDispatcher({ loggerLevel: lark.LoggerLevel.fatal }).register({
    'im.message.receive_v1': async (d: Received) => {
      events.push(d);
      return opts.onEvent?.(d, events.length);
    },
    'card.action.trigger': async (d: Received) => {
      cards.push(d);
      return opts.onCard ? opts.onCard(d) : { toast: { type: 'success', content: '已收到' } };
    },
  } as Record<string, (d: unknown) => Promise<unknown>>);
  const client = new lark.WSClient({ appId: APP_ID, appSecret: fake.appSecret, domain: server.baseUrl, loggerLevel: lark.LoggerLevel.fatal });
  await client.start({ eventDispatcher: dispatcher });
  const r: Rig = { fake, client, events, cards, server };
  cleanups.push(() => r.server.close());
  cleanups.push(() => client.close({ force: true }));
  await fake.gateway.whenConnected();
  return r;
}

async function waitFor(check: () => boolean, ms = 10_000) {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function botCard(fake: FakeLark, openId: string) {
  const api = createLarkClient({ baseUrl: 'http://fake.lark', appId: fake.appId, appSecret: fake.appSecret, fetch: fake.fetch });
  const card = {
    schema: '2.0' as const,
    header: { title: { tag: 'plain_text', content: '测试' } },
    body: { elements: [{ tag: 'button', text: { tag: 'plain_text', content: '确认' }, behaviors: [{ type: 'callback', value: { action: 'ok' } }] }] },
  };
  await api.sendMessage('open_id', openId, { msgType: 'interactive', content: card });
  return fake.lastCard(openId)!;
}

describe('pbbp2 frames', () => {
  it('round-trip every field, including headers with Chinese text and large ids', () => {
    const frame = {
      seqId: 2 ** 40 + 3,
      logId: 7,
      service: 33554678,
      method: 1,
      headers: [{ key: 'type', value: 'event' }, { key: 'trace_id', value: '追踪' }],
      payloadEncoding: 'json',
      payloadType: 'event',
      payload: new TextEncoder().encode('{"a":"张伟"}'),
      logIdNew: 'x',
    };
    expect(decodeFrame(encodeFrame(frame))).toEqual(frame);
    // required fields are written even when zero, as the SDK's decoder demands
    expect(decodeFrame(encodeFrame({ seqId: 0, logId: 0, service: 0, method: 0, headers: [] }))).toEqual({ seqId: 0, logId: 0, service: 0, method: 0, headers: [] });
    expect(() => decodeFrame(new Uint8Array([8, 1]))).toThrow(/missing required/);
  });
});

describe('long-connection gateway, with the SDK WSClient', () => {
  it('is discovered at {domain}/callback/ws/endpoint, then pushes an event that the client acks', async () => {
    const { fake, events } = await rig();
    expect(fake.gateway.stats.endpointCalls).toBe(1);
    expect(fake.gateway.stats.pings).toBeGreaterThanOrEqual(1);
    const u = fake.addUser({ name: '张伟' });
    const sent = await fake.sendMessageEvent({ sender: u.openId, text: '进度' });
    expect(sent.delivery).toMatchObject({ path: '/ws/v2', status: 200 });
    expect(events).toHaveLength(1);
    // the SDK flattens {schema, ...header, ...event}, as its EventDispatcher does for webhooks
    expect(events[0]).toMatchObject({ event_type: 'im.message.receive_v1', event_id: sent.delivery!.eventId, app_id: APP_ID, message: { chat_type: 'p2p' } });
    expect(JSON.parse(String((events[0]!.message as { content: string }).content))).toEqual({ text: '进度' });
    expect(fake.gateway.violations).toEqual([]);
  });

  it('refuses discovery with a wrong secret, so the SDK gives up instead of retrying', async () => {
    const fake = createFakeLark({ crypto: testCrypto, appId: APP_ID, eventMode: 'ws', ws: { clientConfig: FAST } });
    const server = await listenFakeLark(fake);
    cleanups.push(server.close);
    const errors: string[] = [];
    const client = new lark.WSClient({ appId: APP_ID, appSecret: 'wrong', domain: server.baseUrl, loggerLevel: lark.LoggerLevel.fatal, onError: (e) => errors.push(e.message) });
    cleanups.push(() => client.close({ force: true }));
    await client.start({ eventDispatcher: new lark.EventDispatcher({ loggerLevel: lark.LoggerLevel.fatal }) });
    await waitFor(() => errors.length > 0);
    expect(errors[0]).toContain('code=514');
    expect(client.getConnectionStatus().state).toBe('failed');
    expect(fake.gateway.connections).toBe(0);
  });

  it('answers each ping with a pong carrying the config, and the client follows the pushed PingInterval', async () => {
    const { fake } = await rig();
    // Discovery said every 1 s; from the next pong on, every 0.1 s. Without the pong config 8 pings take 8 s.
    fake.gateway.setClientConfig({ PingInterval: 0.1 });
    const before = fake.gateway.stats.pings;
    await waitFor(() => fake.gateway.stats.pings >= before + 8, 4000);
    expect(fake.gateway.violations).toEqual([]);
  });

  it('pushes a card callback as an event frame; the card answer comes back in the ack', async () => {
    const { fake, cards } = await rig({ onCard: () => ({ toast: { type: 'info', content: '已收到，正在处理' } }) });
    const u = fake.addUser({ name: '李娜' });
    const card = await botCard(fake, u.openId);
    const press = await fake.pressButton(card, { operator: u.openId, action: 'ok' });
    expect(press.status).toBe(200);
    expect(press.clientError).toBeUndefined();
    expect(press.toast).toEqual({ type: 'info', content: '已收到，正在处理' });
    expect(cards[0]).toMatchObject({ event_type: 'card.action.trigger', action: { value: { action: 'ok' } }, context: { open_message_id: card.messageId } });
  });

  it('a `type: card` frame is dropped by the SDK without an ack (so Lark must push callbacks as events)', async () => {
    const { fake, cards } = await rig({ fake: { ws: { cardFrameType: 'card', cardTimeoutMs: 1500 } } });
    const u = fake.addUser({ name: '王芳' });
    const press = await fake.pressButton(await botCard(fake, u.openId), { operator: u.openId, action: 'ok' });
    expect(press.status).toBe(0);
    expect(press.clientError).toBeDefined();
    expect(cards).toHaveLength(0);
  });

  it('splits a large payload into fragments (inside UTF-8 characters) that the client reassembles', async () => {
    const { fake, events } = await rig({ fake: { ws: { maxFrameBytes: 100 } } });
    const u = fake.addUser({ name: '张伟' });
    const text = '偏差原因：外地培训因费用无法报销未开展。'.repeat(20);
    const sent = await fake.sendMessageEvent({ sender: u.openId, text });
    expect(sent.delivery!.status).toBe(200);
    expect(fake.gateway.stats.fragmented).toBe(1);
    expect(fake.gateway.stats.dataFrames).toBeGreaterThan(10);
    expect(JSON.parse(String((events[0]!.message as { content: string }).content)).text).toBe(text);
  });

  it('redelivers an event whose connection dropped before the ack, with the same event_id, after the reconnect', async () => {
    const { fake, events, client } = await rig({
      onEvent: async (_d, n) => {
        if (n === 1) fake.gateway.dropConnections(); // the network fails while the first push is being handled
      },
    });
    const u = fake.addUser({ name: '张伟' });
    const sent = await fake.sendMessageEvent({ sender: u.openId, text: '进度' });
    expect(sent.delivery!.status).toBe(200);
    expect(events.map((e) => e.event_id)).toEqual([sent.delivery!.eventId, sent.delivery!.eventId]);
    expect(fake.gateway.stats).toMatchObject({ redeliveries: 1, endpointCalls: 2 });
    expect(client.getConnectionStatus().state).toBe('connected');
  });

  it('redelivers an event whose handler threw (ack code 500)', async () => {
    const { fake, events } = await rig({
      fake: { ws: { ackTimeoutMs: 200 } },
      onEvent: (_d, n) => {
        if (n === 1) throw new Error('database is locked');
      },
    });
    const u = fake.addUser({ name: '张伟' });
    const sent = await fake.sendMessageEvent({ sender: u.openId, text: '进度' });
    expect(sent.delivery!.status).toBe(200);
    expect(events).toHaveLength(2);
    expect(new Set(events.map((e) => e.event_id)).size).toBe(1);
  });

  it('keeps events sent while the gateway is down and delivers them once it is back on the same port', async () => {
    const r = await rig();
    const { fake, events } = r;
    const u = fake.addUser({ name: '张伟' });
    await r.server.close();
    const pending = fake.sendMessageEvent({ sender: u.openId, text: '第一条' });
    const second = fake.sendMessageEvent({ sender: u.openId, text: '第二条' });
    await new Promise((res) => setTimeout(res, 500)); // the SDK's reconnects fail meanwhile
    expect(events).toHaveLength(0);
    r.server = await listenFakeLark(fake, r.server.port);
    const [a, b] = await Promise.all([pending, second]);
    expect([a.delivery!.status, b.delivery!.status]).toEqual([200, 200]);
    expect(events.map((e) => JSON.parse(String((e.message as { content: string }).content)).text).sort()).toEqual(['第一条', '第二条'].sort());
    expect(fake.gateway.connections).toBe(1);
  });
});
