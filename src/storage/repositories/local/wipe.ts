import type { Kysely } from 'kysely';
import type { Database } from '../../database';

/**
 * Empties every table in one transaction: the local workspace's 重置 (local mode only, where the database
 * is the one person's sandbox). Children first, so it also holds where foreign keys are enforced without
 * cascades. Migrations stay applied. Never wired to anything reachable with a real Lark app configured.
 */
const TABLES_CHILDREN_FIRST: ReadonlyArray<keyof Database> = [
  'indicator_values',
  'history',
  'card_messages',
  'evaluation_admins',
  'reminder_steps',
  'reminder_settings',
  'owner_leaves',
  'handover_requests',
  'outbox',
  'indicators',
  'evaluations',
  'tenants',
  'lark_inbound_events',
  'lark_card_actions',
  'scheduler_leases',
];

export async function wipeLocalWorkspace(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (tx) => {
    for (const table of TABLES_CHILDREN_FIRST) await tx.deleteFrom(table).execute();
  });
}

export const WIPED_TABLES = TABLES_CHILDREN_FIRST;
