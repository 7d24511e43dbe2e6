import { type Kysely, sql } from 'kysely';
import type { Database } from '../../database';

const RELEASED = new Date(0).toISOString();

/**
 * Takes (or renews) the lease `name` for `holder` until `expiresAt`, if it is free, expired, or already
 * ours. One conditional upsert, so it is atomic on SQLite and D1 alike; returns whether we hold it.
 */
export async function tryAcquireLease(
  db: Kysely<Database>,
  name: string,
  holder: string,
  now: string,
  expiresAt: string,
): Promise<boolean> {
  await db
    .insertInto('scheduler_leases')
    .values({ name, holder, expires_at: expiresAt, acquired_at: now })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({
          holder: (eb) => eb.ref('excluded.holder'),
          expires_at: (eb) => eb.ref('excluded.expires_at'),
          acquired_at: sql`CASE WHEN scheduler_leases.holder = excluded.holder THEN scheduler_leases.acquired_at ELSE excluded.acquired_at END`,
        })
        .where((eb) => eb.or([eb('scheduler_leases.expires_at', '<=', now), eb('scheduler_leases.holder', '=', holder)])),
    )
    .execute();
  const row = await db.selectFrom('scheduler_leases').select('holder').where('name', '=', name).executeTakeFirst();
  return row?.holder === holder;
}

/**
 * Gives the lease back early so the next tick need not wait for it to expire. It is marked expired at the
 * epoch, not at this run's `now`: a `jixiao tick --now <later time>` would otherwise leave an expiry in the
 * future and lock the server's own ticks out until then.
 */
export async function releaseLease(db: Kysely<Database>, name: string, holder: string, _now: string): Promise<void> {
  await db
    .updateTable('scheduler_leases')
    .set({ expires_at: RELEASED })
    .where('name', '=', name)
    .where('holder', '=', holder)
    .execute();
}
