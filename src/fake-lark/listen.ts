import { serve } from '@hono/node-server';
import type { FakeLark } from './simulator';

/**
 * Node only (kept out of the portable index): serves a fake Lark's Open Platform API on 127.0.0.1 at a
 * random free port. Point the app's LARK_BASE_URL at `baseUrl`.
 */
export async function listenFakeLark(fake: FakeLark, port = 0): Promise<{ baseUrl: string; port: number; close: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: fake.app.fetch, hostname: '127.0.0.1', port }, (info) => {
      resolve({
        baseUrl: `http://127.0.0.1:${info.port}`,
        port: info.port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
    server.once('error', reject);
  });
}
