import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Lang } from './render-card';

/**
 * Server-sent events to every open page. Each changed message gets a sequence number (the SSE `id`); a
 * page says which number it was rendered at (`?since=`, or `Last-Event-ID` when the browser reconnects),
 * and is first sent every message changed after that, so nothing that happens between rendering the
 * page and connecting is lost. Events are rendered once per language; a quiet stream gets a comment
 * every 15 s so it stays open.
 */
interface Subscriber {
  lang: Lang;
  push(event: string, data: string, id?: number): void;
}

/** How many changed messages a reconnecting page can catch up on before it is simply reloaded. */
const REPLAY = 1000;

export function createLiveEvents(render: (messageId: string, lang: Lang) => string | null) {
  const subscribers = new Set<Subscriber>();
  const recent: Array<{ seq: number; messageId: string }> = [];
  let seq = 0;
  let stopped = false;

  return {
    /** The number of the last message change; a page rendered now is current up to it. */
    seq: () => seq,

    /** A message is new or changed. */
    message(messageId: string) {
      seq += 1;
      recent.push({ seq, messageId });
      if (recent.length > REPLAY) recent.splice(0, recent.length - REPLAY);
      const byLang = new Map<Lang, string | null>();
      for (const s of subscribers) {
        if (!byLang.has(s.lang)) byLang.set(s.lang, render(messageId, s.lang));
        const data = byLang.get(s.lang);
        if (data) s.push('message', data, seq);
      }
    },

    broadcast(event: string, data: (lang: Lang) => string) {
      const byLang = new Map<Lang, string>();
      for (const s of subscribers) {
        if (!byLang.has(s.lang)) byLang.set(s.lang, data(s.lang));
        s.push(event, byLang.get(s.lang)!);
      }
    },

    /** The `/api/events` response: what changed since the page was drawn, then everything new. */
    stream(c: Context, lang: Lang, hello: () => string): Response {
      const since = Math.max(Number(c.req.query('since')) || 0, Number(c.req.header('last-event-id')) || 0);
      return streamSSE(c, async (stream) => {
        const queue: Array<{ event: string; data: string; id?: number }> = [];
        let wake: (() => void) | null = null;
        const sub: Subscriber = {
          lang,
          push(event, data, id) {
            queue.push({ event, data, ...(id !== undefined ? { id } : {}) });
            wake?.();
          },
        };
        // subscribe and catch up in one step, so no change falls between the two
        subscribers.add(sub);
        queue.push({ event: 'hello', data: hello() });
        if (since < seq && (recent[0]?.seq ?? seq + 1) > since + 1) queue.push({ event: 'reload', data: '{}' });
        else {
          const caughtUp = new Map<string, number>();
          for (const r of recent) if (r.seq > since) caughtUp.set(r.messageId, r.seq);
          for (const [messageId, id] of [...caughtUp].sort((a, b) => a[1] - b[1])) {
            const data = render(messageId, lang);
            if (data) queue.push({ event: 'message', data, id });
          }
        }
        stream.onAbort(() => {
          subscribers.delete(sub);
          wake?.();
        });
        while (!stream.aborted && !stopped) {
          if (queue.length === 0) {
            await new Promise<void>((resolve) => {
              const keepAlive = setTimeout(resolve, 15_000);
              wake = () => {
                clearTimeout(keepAlive);
                resolve();
              };
            });
            wake = null;
          }
          if (stream.aborted) break;
          if (queue.length === 0) await stream.write(': keep-alive\n\n');
          while (queue.length > 0) {
            const e = queue.shift()!;
            await stream.writeSSE({ event: e.event, data: e.data, ...(e.id !== undefined ? { id: String(e.id) } : {}) });
          }
        }
        subscribers.delete(sub);
      });
    },

    /** Tells every page the workspace is going away and ends the streams. */
    stop() {
      for (const s of subscribers) s.push('bye', '{}');
      stopped = true;
    },
  };
}
