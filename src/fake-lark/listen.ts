import { serve } from '@hono/node-server';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { FakeLark } from './simulator';
import { WS_PATH } from './ws-gateway';

/**
 * Node only (kept out of the portable index): serves a fake Lark's Open Platform API on 127.0.0.1 at a
 * random free port, and on the same port its long-connection gateway (`/ws/v2`, the URL the endpoint
 * discovery hands out; protocol in ./ws-gateway.ts). Point the app's LARK_BASE_URL at `baseUrl`.
 *
 * `close()` stops both and cuts open sockets as a crashed gateway would; listening again on the same `port`
 * is a gateway restart (the fake's state, including events not yet acknowledged, lives on).
 */
export async function listenFakeLark(fake: FakeLark, port = 0): Promise<{ baseUrl: string; port: number; close: () => Promise<void> }> {
  const wss = new WebSocketServer({ noServer: true });
  const sockets = new Set<WebSocket>();
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: fake.app.fetch, hostname: '127.0.0.1', port }, (info) => {
      resolve({
        baseUrl: `http://127.0.0.1:${info.port}`,
        port: info.port,
        close: async () => {
          for (const ws of sockets) ws.terminate();
          wss.close();
          const done = new Promise<void>((d) => server.close(() => d()));
          if ('closeAllConnections' in server) server.closeAllConnections();
          await done;
        },
      });
    });
    server.once('error', reject);
    server.on('upgrade', (...[req, socket, head]: UpgradeArgs) => {
      const url = new URL(req.url ?? '/', `ws://${req.headers.host ?? '127.0.0.1'}`);
      const verdict = url.pathname === WS_PATH ? fake.gateway.handshake(url) : null;
      if (!verdict || !verdict.ok) {
        const headers = verdict ? Object.entries(verdict.headers).map(([k, v]) => `${k}: ${v}\r\n`).join('') : '';
        socket.end(`HTTP/1.1 ${verdict?.status ?? 404} ${verdict ? 'Forbidden' : 'Not Found'}\r\n${headers}Connection: close\r\nContent-Length: 0\r\n\r\n`);
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        sockets.add(ws);
        const session = verdict.attach({
          send: (bytes) => ws.send(bytes),
          terminate: () => ws.terminate(),
        });
        ws.on('message', (data: RawData) => session.receive(toBytes(data)));
        ws.on('close', () => {
          sockets.delete(ws);
          session.closed();
        });
        ws.on('error', () => ws.terminate());
      });
    });
  });
}

/** The http server's `upgrade` arguments, as `ws` takes them (typed through `ws`: this folder imports no `node:` module). */
type UpgradeArgs = [Parameters<WebSocketServer['handleUpgrade']>[0], Parameters<WebSocketServer['handleUpgrade']>[1], Parameters<WebSocketServer['handleUpgrade']>[2]];

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
