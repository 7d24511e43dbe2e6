import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createWorker } from '../../../src/worker/create-worker';
import type { WorkerEnv } from '../../../src/worker/env';
import { memoryLogger } from '../../../src/platform/log';
import { larkRequest, v2Event } from '../lark-request';

// The deployed entry (wrangler.toml `main`), called the way Cloudflare calls it, with wrangler.toml's
// bindings and a real local D1.
const worker = (exports as unknown as { default: { fetch(request: Request): Promise<Response> } }).default;

describe('Worker entry: fetch', () => {
  it('serves the health check against D1', async () => {
    const res = await worker.fetch(new Request('https://jixiao.example.workers.dev/healthz'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', mode: 'lark', eventMode: 'webhook' });
  });

  it("answers Lark's encrypted URL challenge", async () => {
    const res = await worker.fetch(
      await larkRequest('/webhook/event', { challenge: 'c-123', token: env.LARK_VERIFICATION_TOKEN, type: 'url_verification' }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: 'c-123' });
  });

  it('records a signed event in D1 before answering, once per event id', async () => {
    const event = v2Event('im.chat.member.bot.deleted_v1', { chat_id: 'oc_gone' });
    const first = await worker.fetch(await larkRequest('/webhook/event', event));
    expect(first.status).toBe(200);
    const again = await worker.fetch(await larkRequest('/webhook/event', event));
    expect(again.status).toBe(200);
    const rows = await env.DB.prepare('SELECT event_type, tenant_key FROM lark_inbound_events WHERE event_id = ?')
      .bind(event.header.event_id)
      .all();
    expect(rows.results).toEqual([{ event_type: 'im.chat.member.bot.deleted_v1', tenant_key: 'tenant-workerd' }]);
  });

  it('refuses a forged signature and stores nothing', async () => {
    const event = v2Event('im.chat.member.bot.deleted_v1', { chat_id: 'oc_forged' });
    const res = await worker.fetch(await larkRequest('/webhook/event', event, { tamper: true }));
    expect(res.status).toBe(401);
    const rows = await env.DB.prepare('SELECT 1 FROM lark_inbound_events WHERE event_id = ?').bind(event.header.event_id).all();
    expect(rows.results).toEqual([]);
  });

  it('says which variable is wrong when a secret is missing, instead of failing obscurely', async () => {
    const log = memoryLogger();
    const { LARK_ENCRYPT_KEY: _dropped, ...partial } = env as unknown as WorkerEnv & Record<string, unknown>;
    const ctx = createExecutionContext();
    const res = await createWorker({ log }).fetch!(
      new Request('https://jixiao.example.workers.dev/healthz') as never,
      partial as WorkerEnv,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { config: string }).config).toMatch(/^LARK_ENCRYPT_KEY: is required in webhook mode/);
    expect(log.lines.map((l) => l.fields?.variable)).toContain('LARK_ENCRYPT_KEY');
  });

  it('names a malformed holiday override', async () => {
    const ctx = createExecutionContext();
    const res = await createWorker({ log: memoryLogger() }).fetch!(
      new Request('https://jixiao.example.workers.dev/healthz') as never,
      { ...(env as unknown as WorkerEnv), JIXIAO_HOLIDAYS: '2027-1-1' },
      ctx,
    );
    expect(res.status).toBe(503);
    expect(((await res.json()) as { config: string }).config).toMatch(/^JIXIAO_HOLIDAYS: “2027-1-1” 不是 YYYY-MM-DD 日期/);
  });
});
