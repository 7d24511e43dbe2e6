/** A limit of `max` calls in any window of `windowMs`. */
export interface Limit {
  max: number;
  windowMs: number;
}

export interface Bucket {
  key: string;
  limits: readonly Limit[];
}

/**
 * Sliding-window rate limiter over any number of keyed buckets (per app and endpoint, per receiving user
 * or chat, per patched message). A call reserves its slot in every bucket at once, synchronously, so
 * concurrent callers cannot overbook; then it waits for its slot.
 */
export function createRateLimiter(opts: { now: () => number; sleep: (ms: number) => Promise<void> }) {
  const logs = new Map<string, number[]>();
  let acquisitions = 0;

  function earliestSlot(bucket: Bucket, from: number): number {
    const log = logs.get(bucket.key);
    if (!log || log.length === 0) return from;
    let t = from;
    for (let changed = true; changed; ) {
      changed = false;
      for (const limit of bucket.limits) {
        // Reservations inside (t - window, ...]; the log is sorted, so count from the end.
        let inWindow = 0;
        for (let i = log.length - 1; i >= 0 && log[i]! > t - limit.windowMs; i--) inWindow++;
        if (inWindow >= limit.max) {
          const blocking = log[log.length - limit.max]!;
          const next = blocking + limit.windowMs;
          if (next > t) {
            t = next;
            changed = true;
          }
        }
      }
    }
    return t;
  }

  function prune(now: number) {
    for (const [key, log] of logs) {
      while (log.length > 0 && log[0]! < now - 120_000) log.shift();
      if (log.length === 0) logs.delete(key);
    }
  }

  return {
    /** Waits until one call is allowed in every bucket, and counts it. */
    async acquire(buckets: readonly Bucket[]): Promise<void> {
      const now = opts.now();
      let t = now;
      for (let changed = true; changed; ) {
        changed = false;
        for (const b of buckets) {
          const slot = earliestSlot(b, t);
          if (slot > t) {
            t = slot;
            changed = true;
          }
        }
      }
      for (const b of buckets) {
        const log = logs.get(b.key) ?? [];
        // Keep the log sorted: reservations are usually appended in time order.
        let i = log.length;
        while (i > 0 && log[i - 1]! > t) i--;
        log.splice(i, 0, t);
        const longest = Math.max(...b.limits.map((l) => l.windowMs));
        while (log.length > 0 && log[0]! <= now - longest) log.shift();
        logs.set(b.key, log);
      }
      if (++acquisitions % 1000 === 0) prune(now);
      if (t > now) await opts.sleep(t - now);
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
