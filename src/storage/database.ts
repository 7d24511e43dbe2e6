import type { CoreTables } from './tables/core';
import type { SchedulerTables } from './tables/scheduler';
import type { TransportTables } from './tables/transport';

/**
 * The whole schema as Kysely sees it. Each area keeps its table interfaces in `tables/<area>.ts`,
 * mirroring its numbered migration in `migrations/`.
 */
export interface Database extends CoreTables, TransportTables, SchedulerTables {}
