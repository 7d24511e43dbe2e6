/**
 * Why an inbound request or event went unanswered by a feature: refused by verification, a shape the
 * transport cannot read, an event type nobody handles, a card action without a handler, or a card answer
 * Lark would refuse. Each one is logged where it happens and counted here, so the health endpoint and the
 * benchmark can show that nothing disappears silently.
 */
export type DropReason =
  | 'refused'
  | 'unknown-envelope'
  | 'no-handler'
  | 'malformed'
  | 'stored-unreadable'
  | 'card-malformed'
  | 'card-no-handler'
  | 'card-answer-refused';

export interface DropSnapshot {
  total: number;
  /** `<reason>:<event type or rejection>` → count, e.g. `malformed:im.message.receive_v1`, `refused:bad-signature`. */
  byKey: Record<string, number>;
}

export interface DropCounter {
  count(reason: DropReason, what: string): void;
  snapshot(): DropSnapshot;
}

export function createDropCounter(): DropCounter {
  const byKey = new Map<string, number>();
  let total = 0;
  return {
    count(reason, what) {
      total++;
      const key = `${reason}:${what || 'unknown'}`;
      byKey.set(key, (byKey.get(key) ?? 0) + 1);
    },
    snapshot() {
      return { total, byKey: Object.fromEntries(byKey) };
    },
  };
}
