import { type Kysely, sql } from 'kysely';

/** `/healthz`: throws when the database does not answer a trivial query. */
export async function pingDatabase(db: Kysely<any>): Promise<void> {
  await sql`SELECT 1`.execute(db);
}
