/** Lark's rate limits as the fake enforces them (https://open.feishu.cn/document/server-docs/api-call-guide/frequency-control): sliding windows measured on arrival. */
export interface FakeLimits {
  enforce: boolean;
  appPerSecond: number;
  appPerMinute: number;
  perReceiverPerSecond: number;
  perMessagePatchPerSecond: number;
}

export const REAL_LIMITS: FakeLimits = {
  enforce: true,
  appPerSecond: 50,
  appPerMinute: 1000,
  perReceiverPerSecond: 5,
  perMessagePatchPerSecond: 5,
};

/** Check-and-count: null when allowed (and counted), else seconds until a slot frees up. */
export function createWindowCounter() {
  const logs = new Map<string, number[]>();
  return {
    hit(key: string, max: number, windowMs: number, now: number): number | null {
      const log = logs.get(key) ?? [];
      while (log.length > 0 && log[0]! <= now - windowMs) log.shift();
      if (log.length >= max) {
        logs.set(key, log);
        return Math.max(1, Math.ceil((log[0]! + windowMs - now) / 1000));
      }
      log.push(now);
      logs.set(key, log);
      return null;
    },
    /** Removes the last hit (a request counted in one window but refused by another is not counted). */
    undo(key: string) {
      logs.get(key)?.pop();
    },
  };
}
