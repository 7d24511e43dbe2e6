import type { FakeLark } from './simulator';
import type { FakeMessage } from './state';

/**
 * What changed in the fake since the last look: new messages (from the app or from users), new versions
 * of known ones (PATCHes, delayed updates, callback answers) and new buzzes. The local workspace turns
 * these into server-sent events; polling the state keeps the fake itself free of observers.
 */
export interface FeedChange {
  message: FakeMessage;
  kind: 'new' | 'updated' | 'urgent';
}

export function createFakeFeed(fake: FakeLark) {
  const versions = new Map<string, number>();
  let buzzes = 0;

  const baseline = () => {
    versions.clear();
    for (const id of fake.state.order) versions.set(id, fake.state.messages.get(id)?.history.length ?? 0);
    buzzes = fake.state.urgent.length;
  };
  baseline();

  return {
    /** Changes since the previous call (or since `baseline`), oldest first. */
    poll(): FeedChange[] {
      const out: FeedChange[] = [];
      for (const id of fake.state.order) {
        const m = fake.state.messages.get(id);
        if (!m) continue;
        const known = versions.get(id);
        if (known === undefined) out.push({ message: m, kind: 'new' });
        else if (known !== m.history.length) out.push({ message: m, kind: 'updated' });
        versions.set(id, m.history.length);
      }
      const urgent = fake.state.urgent;
      for (let i = Math.min(buzzes, urgent.length); i < urgent.length; i++) {
        const m = fake.state.messages.get(urgent[i]!.messageId);
        if (m) out.push({ message: m, kind: 'urgent' });
      }
      buzzes = urgent.length;
      return out;
    },
    /** Forgets everything: the current state is the new starting point (after a reset or restore). */
    baseline,
  };
}

export type FakeFeed = ReturnType<typeof createFakeFeed>;
