/** Time is injected everywhere so schedulers, freshness windows and tests agree on "now". */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can move by hand. */
export function manualClock(start: Date | string): Clock & { set(d: Date | string): void; advance(ms: number): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (d) => {
      current = new Date(d);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

/**
 * Real time moved forward by an offset that can only grow: local mode's "time travel" moves the bot, its
 * scheduler and the embedded fake Lark (which share this clock) to the next reminder without waiting days.
 * Never backwards, so deadlines, leases and freshness windows only ever see time advance.
 */
export interface AdjustableClock extends Clock {
  /** How far ahead of real time this clock runs, in ms. */
  offsetMs(): number;
  /** Moves to `at` if that is later than now; returns the new now. */
  advanceTo(at: Date): Date;
  /** Restores a saved offset (e.g. after a restart), or 0 for a fresh start. */
  setOffset(ms: number): void;
}

export function adjustableClock(base: Clock = systemClock): AdjustableClock {
  let offset = 0;
  const now = () => new Date(base.now().getTime() + offset);
  return {
    now,
    offsetMs: () => offset,
    advanceTo(at) {
      const ahead = at.getTime() - now().getTime();
      if (ahead > 0) offset += ahead;
      return now();
    },
    setOffset(ms) {
      offset = Math.max(0, Math.round(ms));
    },
  };
}
