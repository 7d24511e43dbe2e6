import type { MiddlewareHandler } from 'hono';

/**
 * Only this machine's own page may use the workspace: the Host must be a loopback name (no DNS
 * rebinding) and a POST must come from the same origin (no cross-site form or fetch).
 */
export const sameMachine: MiddlewareHandler = async (c, next) => {
  if (c.req.path.startsWith('/webhook/') || c.req.path === '/healthz') return next();
  // @hono/node-server builds the URL from the Host header
  const url = new URL(c.req.url);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) return c.text('本地工作区只接受本机访问：请打开 http://127.0.0.1:端口/', 403);
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
    const origin = c.req.header('origin');
    const site = c.req.header('sec-fetch-site');
    const originHost = origin ? hostOf(origin) : undefined;
    if ((origin && originHost !== url.host) || (site && site !== 'same-origin' && site !== 'none')) {
      return c.json({ error: '只接受本页面发出的操作。' }, 403);
    }
  }
  return next();
};

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

