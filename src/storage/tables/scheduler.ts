// Table interfaces for migrations owned by the scheduler area.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SchedulerTables {}
