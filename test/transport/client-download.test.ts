import { describe, expect, it } from 'vitest';
import { createLarkClient } from '../../src/transport/client';

/** A Lark that grants a token and serves a file of `size` bytes (Infinity: a body that never ends), counting chunks pulled. */
function lark(size: number) {
  const served = { chunks: 0 };
  const fetch = async (input: RequestInfo | URL): Promise<Response> => {
    const url = String(input);
    if (url.includes('/auth/v3/tenant_access_token/internal')) return Response.json({ code: 0, tenant_access_token: 't-1', expire: 7200 });
    let left = size;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (left <= 0) return controller.close();
        const n = Math.min(64 * 1024, left);
        left -= n;
        served.chunks++;
        controller.enqueue(new Uint8Array(n).fill(7));
      },
    });
    return new Response(body, { headers: { 'content-type': 'application/octet-stream' } });
  };
  return { fetch, served };
}

describe('downloading a file from a chat', () => {
  it('reads a file within the ceiling whole', async () => {
    const { fetch } = lark(300_000);
    const client = createLarkClient({ baseUrl: 'https://lark.test', appId: 'a', appSecret: 's', fetch, limits: { maxDownloadBytes: 1_000_000 } });
    expect((await client.downloadMessageResource('om_1', 'file_1', 'file')).byteLength).toBe(300_000);
  });

  it('stops reading one byte past the ceiling, so an endless or huge body never fills memory', async () => {
    const { fetch, served } = lark(Infinity);
    const client = createLarkClient({ baseUrl: 'https://lark.test', appId: 'a', appSecret: 's', fetch, limits: { maxDownloadBytes: 1_000_000 } });
    const bytes = await client.downloadMessageResource('om_1', 'file_1', 'file');
    expect(bytes.byteLength).toBe(1_000_001);
    expect(served.chunks).toBeLessThanOrEqual(Math.ceil(1_000_001 / 65_536) + 2);
  });
});
