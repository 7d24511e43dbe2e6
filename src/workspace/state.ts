import type { FakeLark } from '../fake-lark';
import { resetFake, restoreFake, snapshotFake, type FakeSnapshot } from '../fake-lark/workspace-state';
import type { AdjustableClock } from '../platform/clock';
import { seedPeople, type WorkspacePerson } from './people';

/**
 * What the workspace remembers besides the fake: its people with their roles, the names behind the
 * `@_user_N` keys of messages sent from the page, and how far the clock was moved. Saved with the
 * fake's state so a restart of `npm start` shows the conversations the database still refers to.
 */
export interface WorkspaceStore {
  load(): Promise<string | null>;
  save(text: string): Promise<void>;
}

interface Saved {
  version: 1;
  fake: FakeSnapshot;
  people: WorkspacePerson[];
  mentions: Array<[string, string[]]>;
  clockOffsetMs: number;
}

export function createWorkspaceState(fake: FakeLark, clock: AdjustableClock) {
  const state = {
    people: [] as WorkspacePerson[],
    mentions: new Map<string, string[]>(),

    person(openId: string | undefined | null): WorkspacePerson | undefined {
      return state.people.find((p) => p.openId === openId);
    },

    /** An empty workspace with the default people (the fake's ids keep counting up). */
    fresh(): void {
      resetFake(fake);
      state.people = seedPeople(fake);
      state.mentions.clear();
      clock.setOffset(0);
    },

    serialize(): string {
      const saved: Saved = { version: 1, fake: snapshotFake(fake), people: state.people, mentions: [...state.mentions], clockOffsetMs: clock.offsetMs() };
      return JSON.stringify(saved);
    },

    /** Restores a saved workspace; false (and nothing changed) when the text is not one. */
    restore(text: string): boolean {
      let saved: Saved;
      try {
        saved = JSON.parse(text) as Saved;
      } catch {
        return false;
      }
      if (saved?.version !== 1 || !saved.fake || !Array.isArray(saved.people)) return false;
      restoreFake(fake, saved.fake);
      state.people = saved.people;
      state.mentions = new Map(saved.mentions ?? []);
      clock.setOffset(saved.clockOffsetMs ?? 0);
      return true;
    },
  };
  return state;
}

export type WorkspaceState = ReturnType<typeof createWorkspaceState>;
