import { afterEach, describe, expect, it } from 'vitest';
import { createTestBot, type TestBot } from '../../helpers/app';
import { envelope, post, signed, TEST_KEYS, testCrypto } from '../../helpers/signing';

const KEYS = { verificationToken: TEST_KEYS.verificationToken, encryptKey: TEST_KEYS.encryptKey };

function messageEvent(text = 'hello') {
  return {
    sender: { sender_id: { open_id: 'ou_1' }, sender_type: 'user' },
    message: { message_id: 'om_1', chat_id: 'oc_1', chat_type: 'p2p', message_type: 'text', content: JSON.stringify({ text }) },
  };
}

describe('webhook verification', () => {
  let bot: TestBot<string>;
  let handled: string[];

  async function setup(env: Record<string, string> = {}) {
    bot = await createTestBot({ fake: KEYS, env });
    handled = [];
    bot.dispatcher.onEvent('im.message.receive_v1', async (e) => void handled.push(e.messageId));
    return bot;
  }
  const send = async (path: string, req: { body: string; headers: Record<string, string> }) => bot.app.request(...post(path, req));

  afterEach(async () => bot?.close());

  it('accepts a correctly signed, encrypted event and runs its handler', async () => {
    await setup();
    const res = await send('/webhook/event', await signed(envelope('im.message.receive_v1', messageEvent())));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({});
    await bot.idle();
    expect(handled).toEqual(['om_1']);
  });

  it('refuses a bad signature with 401 and no detail', async () => {
    await setup();
    const req = await signed(envelope('im.message.receive_v1', messageEvent()));
    req.headers['x-lark-signature'] = '0'.repeat(64);
    const res = await send('/webhook/event', req);
    expect(res.status).toBe(401);
    expect(await res.text()).toBe('');
    await bot.idle();
    expect(handled).toEqual([]);
  });

  it('refuses a tampered body (signature over the raw bytes)', async () => {
    await setup();
    const req = await signed(envelope('im.message.receive_v1', messageEvent()), { encrypt: false });
    // Same JSON value, different bytes: a verifier that re-serialises would accept this.
    const tampered = { ...req, body: req.body.replace('"schema":"2.0"', '"schema": "2.0"') };
    expect(JSON.parse(tampered.body)).toEqual(JSON.parse(req.body));
    expect((await send('/webhook/event', tampered)).status).toBe(401);
    const changed = { ...req, body: req.body.replace('hello', 'hellO') };
    expect((await send('/webhook/event', changed)).status).toBe(401);
    expect((await send('/webhook/event', req)).status).toBe(200);
  });

  it('refuses missing signature headers when an Encrypt Key is configured', async () => {
    await setup();
    const req = await signed(envelope('im.message.receive_v1', messageEvent()));
    delete req.headers['x-lark-signature'];
    expect((await send('/webhook/event', req)).status).toBe(401);
  });

  it('refuses a stale or future timestamp, and a non-numeric one without crashing', async () => {
    await setup();
    const stale = await signed(envelope('im.message.receive_v1', messageEvent()), { nowMs: Date.now() - 6 * 60_000 });
    expect((await send('/webhook/event', stale)).status).toBe(401);
    const future = await signed(envelope('im.message.receive_v1', messageEvent()), { nowMs: Date.now() + 6 * 60_000 });
    expect((await send('/webhook/event', future)).status).toBe(401);
    const garbage = await signed(envelope('im.message.receive_v1', messageEvent()), { timestampHeader: 'not-a-time' });
    expect((await send('/webhook/event', garbage)).status).toBe(401);
    const within = await signed(envelope('im.message.receive_v1', messageEvent()), { nowMs: Date.now() - 4 * 60_000 });
    expect((await send('/webhook/event', within)).status).toBe(200);
    expect(bot.log.lines.some((l) => l.fields?.reason === 'stale-timestamp')).toBe(true);
    expect(bot.log.lines.some((l) => l.fields?.reason === 'bad-timestamp')).toBe(true);
  });

  it('honours a configured freshness window', async () => {
    await setup({ LARK_MAX_CLOCK_SKEW_SECONDS: '30' });
    const req = await signed(envelope('im.message.receive_v1', messageEvent()), { nowMs: Date.now() - 60_000 });
    expect((await send('/webhook/event', req)).status).toBe(401);
  });

  it('absorbs a replayed request: 200, no second effect', async () => {
    await setup();
    const req = await signed(envelope('im.message.receive_v1', messageEvent(), { eventId: 'ev_replayed' }));
    expect((await send('/webhook/event', req)).status).toBe(200);
    await bot.idle();
    expect((await send('/webhook/event', req)).status).toBe(200);
    await bot.idle();
    expect(handled).toEqual(['om_1']);
  });

  it('refuses a wrong Verification Token even with a valid signature', async () => {
    await setup();
    const req = await signed(envelope('im.message.receive_v1', messageEvent(), { token: 'someone-else' }));
    expect((await send('/webhook/event', req)).status).toBe(401);
    const none = envelope('im.message.receive_v1', messageEvent());
    delete (none.header as Partial<typeof none.header>).token;
    expect((await send('/webhook/event', await signed(none))).status).toBe(401);
  });

  it('refuses a body encrypted with another key (signature made with ours)', async () => {
    await setup();
    const plain = JSON.stringify(envelope('im.message.receive_v1', messageEvent()));
    const body = JSON.stringify({ encrypt: await testCrypto.encrypt('another key', plain) });
    const ts = String(Math.floor(Date.now() / 1000));
    const headers = {
      'content-type': 'application/json',
      'x-lark-request-timestamp': ts,
      'x-lark-request-nonce': 'n1',
      'x-lark-signature': await testCrypto.sha256Hex(ts + 'n1' + TEST_KEYS.encryptKey + body),
    };
    expect((await send('/webhook/event', { body, headers })).status).toBe(401);
    // And a request signed and encrypted entirely with another key.
    expect((await send('/webhook/event', await signed(envelope('im.message.receive_v1', messageEvent()), { encryptKey: 'another key' }))).status).toBe(401);
  });

  it('checks the signature on the raw bytes before parsing them: forged garbage is 401, not a parse error', async () => {
    await setup();
    const ts = String(Math.floor(Date.now() / 1000));
    const forged = { body: '{"schema":', headers: { 'content-type': 'application/json', 'x-lark-request-timestamp': ts, 'x-lark-request-nonce': 'n1', 'x-lark-signature': '0'.repeat(64) } };
    expect((await send('/webhook/event', forged)).status).toBe(401);
    // Correctly signed but not JSON: the signature holds, so now it is a 400.
    const signedGarbage = { ...forged, headers: { ...forged.headers, 'x-lark-signature': await testCrypto.sha256Hex(ts + 'n1' + TEST_KEYS.encryptKey + forged.body) } };
    expect((await send('/webhook/event', signedGarbage)).status).toBe(400);
  });

  it('answers 400 to malformed JSON and 413 to an oversized body', async () => {
    await setup({ LARK_MAX_BODY_BYTES: '2048' });
    const bad = await bot.app.request('/webhook/event', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"schema":' });
    expect(bad.status).toBe(400);
    const notObject = await bot.app.request('/webhook/event', { method: 'POST', body: '[1,2]' });
    expect(notObject.status).toBe(400);
    const big = await signed(envelope('im.message.receive_v1', messageEvent('x'.repeat(4000))));
    expect((await send('/webhook/event', big)).status).toBe(413);
    // Without Content-Length (chunked), the limit still applies while streaming.
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(big.body));
        c.close();
      },
    });
    const chunked = await bot.app.request('/webhook/event', { method: 'POST', headers: big.headers, body: stream, duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it('acknowledges an unknown event type with 200, records and logs it, never crashes', async () => {
    await setup();
    const res = await send('/webhook/event', await signed(envelope('im.something.new_v9', { foo: 1 }, { eventId: 'ev_unknown' })));
    expect(res.status).toBe(200);
    const row = await bot.db.selectFrom('lark_inbound_events').selectAll().where('event_id', '=', 'ev_unknown').executeTakeFirst();
    expect(row?.status).toBe('ignored');
    expect(bot.log.lines.some((l) => l.msg.includes('without a handler') && l.fields?.eventType === 'im.something.new_v9')).toBe(true);
  });

  it('answers a plain and an encrypted challenge, only with the right token', async () => {
    await setup();
    const plain = await bot.app.request('/webhook/event', {
      method: 'POST',
      body: JSON.stringify({ challenge: 'c-1', token: TEST_KEYS.verificationToken, type: 'url_verification' }),
    });
    expect(await plain.json()).toEqual({ challenge: 'c-1' });
    const d = await bot.fake.challenge({ path: 'card' });
    expect(d.status).toBe(200);
    expect(d.response).toEqual({ challenge: d.eventId });
    const wrong = await bot.fake.challenge({ token: 'forged' });
    expect(wrong.status).toBe(401);
  });

  it('answers the node-sdk challenge vector when configured with its keys', async () => {
    bot = await createTestBot({ env: { LARK_ENCRYPT_KEY: 'mazhe.nerd', LARK_VERIFICATION_TOKEN: 'iRdCP2WwXNBXRM3mGLqhrgch3cn0gbT6' } });
    const encrypt =
      'tT1xP+ovuc0T3b/rnZX3ax76exqAn0ANQ6/U45GcciC0mgNBc8JtvqOJGNAPMKpgRs2dVU1NYk9VDeqS8T4SYtU0hzNU54aS84WnxvZ3VFfDcy/RyABlNqlUiGyLDzFI0yxdCMT4KR/YEQXlt6nZi50KwRlZ+A75r645KesZuLMljezYyY8VeeXEVjPw35+e';
    const res = await bot.app.request('/webhook/event', { method: 'POST', body: JSON.stringify({ encrypt }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: '5634b122-c042-4634-bc7f-b07a3c3e77ad' });
  });

  it('accepts unsigned requests only with the explicit local-development switch', async () => {
    await setup({ LARK_ENCRYPT_KEY: '', JIXIAO_INSECURE_LOCAL_DEV: '1' });
    const body = JSON.stringify(envelope('im.message.receive_v1', messageEvent()));
    expect((await bot.app.request('/webhook/event', { method: 'POST', body })).status).toBe(200);
    const forged = JSON.stringify(envelope('im.message.receive_v1', messageEvent(), { token: 'x' }));
    expect((await bot.app.request('/webhook/event', { method: 'POST', body: forged })).status).toBe(401);
  });

  it('reports health', async () => {
    await setup();
    const res = await bot.app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', mode: 'lark', eventMode: 'webhook' });
  });
});
