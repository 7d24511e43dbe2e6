// Table interfaces for migrations owned by the transport area.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TransportTables {}
