import type { WorkCalendar } from '../scheduler/calendar/work-calendar';
import type { CollectionHandlerDeps } from '../../shared/deps';

/** What the reminder handlers use of the collection handlers' dependencies. */
export type ReminderHandlerDeps = Pick<CollectionHandlerDeps, 'db' | 'clock' | 'lark' | 'log' | 'botOpenId' | 'later'> & {
  calendar?: WorkCalendar;
};

/** Runs sends after the card callback was answered; logs instead of throwing (the write is committed). */
export function afterAnswer(deps: ReminderHandlerDeps, what: string, work: () => Promise<unknown>): void {
  const guarded = async () => {
    try {
      await work();
    } catch (error) {
      deps.log.error(`reminders: follow-up failed: ${what}`, { error: error instanceof Error ? error.message : String(error) });
    }
  };
  if (deps.later) deps.later(guarded);
  else void guarded();
}
