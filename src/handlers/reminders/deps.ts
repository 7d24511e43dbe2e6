import type { WorkCalendar } from '../../jobs/calendar/work-calendar';
import type { CollectionHandlerDeps } from '../deps';

/** The collection handlers' dependencies plus the working-day calendar (for dates in replies). */
export interface ReminderHandlerDeps extends CollectionHandlerDeps {
  calendar: WorkCalendar;
}
