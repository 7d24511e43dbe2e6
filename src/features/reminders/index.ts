/** The reminders feature's public entry (nothing outside this folder imports its internals). */
export { runDueJobs, planDueSteps, type SchedulerDeps, type RunReport } from './scheduler/run-due-jobs';
export { startEveryMinute } from './scheduler/every-minute';
export { loadCollectingSnapshots } from './scheduler/snapshots';
export { createWorkCalendar, type WorkCalendar } from './scheduler/calendar/work-calendar';
export { scheduleRungs } from './scheduler/ladder/plan-ladder';
export type { EvaluationSnapshot } from './scheduler/ladder/types';
