import { describe, expect, it } from 'vitest';
import { envelopeFromSdk, isTooOld } from '../../src/node/ws-envelope';
import { createWsWatchdog, type ConnectionStatus } from '../../src/node/ws-watchdog';
import { parseCardAction } from '../../src/transport/inbound/parse-card-action';

describe('long connection', () => {
  it('rebuilds our envelope from the SDK-flattened data, keeping the card token', () => {
    // What EventDispatcher hands a handler: {schema, ...header, ...event}; the event token overwrote the header's.
    const flattened = {
      schema: '2.0',
      event_id: 'ev_1',
      token: 'c-update-token',
      create_time: '1700000000000000',
      event_type: 'card.action.trigger',
      tenant_key: 'tk',
      app_id: 'cli_a',
      operator: { open_id: 'ou_1' },
      action: { value: { action: 'approve', rev: 3 }, tag: 'button' },
      context: { open_message_id: 'om_1', open_chat_id: 'oc_1' },
    };
    const env = envelopeFromSdk(flattened)!;
    expect(env).toMatchObject({ eventId: 'ev_1', eventType: 'card.action.trigger', tenantKey: 'tk', appId: 'cli_a' });
    expect(parseCardAction(env)).toMatchObject({ token: 'c-update-token', operator: { openId: 'ou_1' }, openMessageId: 'om_1', value: { action: 'approve', rev: 3 } });
    const msg = envelopeFromSdk({ schema: '2.0', event_id: 'ev_2', token: 'verification', event_type: 'im.message.receive_v1', sender: {}, message: {} })!;
    expect(msg.event).toEqual({ sender: {}, message: {} });
    expect(envelopeFromSdk({ event_type: 'x' })).toBeNull();
  });

  it('drops events older than the configured age, whatever unit create_time is in', () => {
    const now = new Date('2026-09-01T10:00:00Z');
    const at = (ms: number) => ({ eventId: 'e', eventType: 't', tenantKey: '', event: {}, createTime: String(ms) });
    const elevenMinAgo = now.getTime() - 11 * 60_000;
    expect(isTooOld(at(elevenMinAgo), now, 600)).toBe(true);
    expect(isTooOld({ ...at(0), createTime: String(elevenMinAgo * 1000) }, now, 600)).toBe(true); // µs
    expect(isTooOld({ ...at(0), createTime: String(Math.floor(elevenMinAgo / 1000)) }, now, 600)).toBe(true); // s
    expect(isTooOld(at(now.getTime() - 60_000), now, 600)).toBe(false);
    expect(isTooOld({ ...at(0), createTime: undefined }, now, 600)).toBe(false);
  });

  it('watchdog restarts a connection that stays down or that the SDK gave up on', async () => {
    let now = 0;
    let status: ConnectionStatus = { state: 'connected' };
    const restarts: string[] = [];
    const dog = createWsWatchdog({ status: () => status, now: () => now, silenceMs: 60_000, restart: () => void (status = { state: 'connecting' }), onRestart: (r) => restarts.push(r) });
    expect(await dog.tick()).toBe(false);
    status = { state: 'reconnecting' };
    now = 30_000;
    expect(await dog.tick()).toBe(false);
    now = 95_000;
    expect(await dog.tick()).toBe(true);
    expect(restarts[0]).toMatch(/not connected for 65 s/);
    status = { state: 'connected' };
    now = 100_000;
    expect(await dog.tick()).toBe(false);
    status = { state: 'failed' };
    expect(await dog.tick()).toBe(true);
    expect(restarts[1]).toMatch(/gave up/);
  });
});
