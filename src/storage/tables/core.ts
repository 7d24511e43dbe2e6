// Table interfaces for migrations owned by the core area.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CoreTables {}
