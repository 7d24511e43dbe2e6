import type { WorkCalendar } from './reminders/scheduler/calendar/work-calendar';
import { createDispatcher, type Dispatcher } from '../transport/dispatcher';
import type { CollectionHandlerDeps } from './shared/deps';
import { COLLECTION_ACTION_NAMES, registerCollectionHandlers } from './collection/feature';
import { REMINDER_ACTION_NAMES, registerReminderHandlers } from './reminders/feature';
import { importTableReaders } from './collection/handlers/table-readers';

/** Every card action the bot answers; the dispatcher refuses to register any other name. */
export const FEATURE_ACTION_NAMES: readonly string[] = [...COLLECTION_ACTION_NAMES, ...REMINDER_ACTION_NAMES];

export type FeatureDeps = Omit<CollectionHandlerDeps, 'tables'> & {
  /** Working days with the operator's overrides, shared with the scheduler. */
  calendar: WorkCalendar;
  tables?: CollectionHandlerDeps['tables'];
};

/**
 * The one place features are wired to the dispatcher, for the Node server, local mode and the Worker alike:
 * the collection flow (whose message router also carries the reminder and summary text commands) and the
 * reminder feature's admin and hand-over buttons. A new feature registers here, once.
 */
export function createFeatureDispatcher(deps: FeatureDeps): Dispatcher<string> {
  const dispatcher = createDispatcher<string>(FEATURE_ACTION_NAMES);
  const { calendar, ...rest } = deps;
  const collection: CollectionHandlerDeps = { ...rest, tables: deps.tables ?? importTableReaders };
  registerCollectionHandlers(dispatcher, collection);
  registerReminderHandlers(dispatcher, { ...collection, calendar });
  return dispatcher;
}
