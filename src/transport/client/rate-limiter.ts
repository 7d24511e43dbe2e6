/** A limit of `max` calls in any window of `windowMs`. */
export interface Limit {
  max: number;
  windowMs: number;
}

export interface Bucket {
  key: string;
  limits: readonly Limit[];
}

interface BucketState {
  /** Calls sent (or about to be) whose answer has not come back: they may still arrive at Lark. */
  inFlight: number;
  /** When answers came back, ascending: an upper bound of when Lark counted each call. */
  done: number[];
  waiters: Array<() => void>;
}

/**
 * Sliding-window rate limiter over keyed buckets (per app and endpoint, per receiving user or chat, per
 * patched message). Lark counts a call when it arrives, which the client cannot see; so a call in flight
 * counts as inside every window, and a finished one counts at the time its answer came back (never
 * earlier than its arrival). That keeps the client under Lark's windows whatever the latency (cold
 * connections, TLS handshakes, a busy event loop), at the price of one round trip per window.
 */
export function createRateLimiter(opts: { now: () => number; sleep: (ms: number) => Promise<void> }) {
  const buckets = new Map<string, BucketState>();
  let acquisitions = 0;

  const state = (key: string): BucketState => {
    let s = buckets.get(key);
    if (!s) {
      s = { inFlight: 0, done: [], waiters: [] };
      buckets.set(key, s);
    }
    return s;
  };

  /** Earliest start for this bucket, or null while too many calls are in flight to tell. */
  function earliest(b: Bucket, s: BucketState, from: number): number | null {
    let t = from;
    for (const limit of b.limits) {
      const room = limit.max - s.inFlight;
      if (room <= 0) return null;
      // The call may start once fewer than `room` finished calls remain in the window.
      const blocking = s.done[s.done.length - room];
      if (blocking !== undefined) t = Math.max(t, blocking + limit.windowMs);
    }
    return t;
  }

  function prune(now: number) {
    for (const [key, s] of buckets) {
      while (s.done.length > 0 && s.done[0]! < now - 120_000) s.done.shift();
      if (s.inFlight === 0 && s.done.length === 0 && s.waiters.length === 0) buckets.delete(key);
    }
  }

  return {
    /** Waits until one call is allowed in every bucket; call the returned function when its answer arrives. */
    async acquire(list: readonly Bucket[]): Promise<() => void> {
      for (;;) {
        const now = opts.now();
        let t = now;
        let blockedOn: BucketState | null = null;
        for (const b of list) {
          const slot = earliest(b, state(b.key), t);
          if (slot === null) {
            blockedOn = state(b.key);
            break;
          }
          t = Math.max(t, slot);
        }
        if (blockedOn) {
          await new Promise<void>((resolve) => blockedOn!.waiters.push(resolve));
          continue;
        }
        // A later bucket may have pushed t past an earlier one's constraint; re-check at t.
        if (list.some((b) => (earliest(b, state(b.key), t) ?? Infinity) > t)) {
          await opts.sleep(Math.max(1, t - now));
          continue;
        }
        const held = list.map((b) => state(b.key));
        for (const s of held) s.inFlight++;
        if (++acquisitions % 1000 === 0) prune(now);
        if (t > now) await opts.sleep(t - now);
        let released = false;
        return () => {
          if (released) return;
          released = true;
          const at = opts.now();
          for (const s of held) {
            s.inFlight--;
            let i = s.done.length;
            while (i > 0 && s.done[i - 1]! > at) i--;
            s.done.splice(i, 0, at);
            const waiters = s.waiters.splice(0);
            for (const w of waiters) w();
          }
        };
      }
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
