import type { D1Database } from '@cloudflare/workers-types';
import { type CompiledQuery, Kysely, type QueryResult } from 'kysely';
import { D1Dialect } from 'kysely-d1';
import { registerBatchRunner } from '../storage/atomic';
import type { Database } from '../storage/database';

/**
 * The Worker's `Kysely<Database>` over the D1 binding: the same repositories as on SQLite.
 * D1 has no interactive transactions, so `atomic(db, …)` is pointed at `DB.batch()` here.
 * The schema is applied by `wrangler d1 migrations apply` (tests: `applyD1Migrations`), never at request time.
 */
export function openD1(binding: D1Database): Kysely<Database> {
  const db = new Kysely<Database>({ dialect: new D1Dialect({ database: binding }) });
  registerBatchRunner(db, (queries) => runBatch(binding, queries));
  return db;
}

async function runBatch(binding: D1Database, queries: readonly CompiledQuery[]): Promise<Array<QueryResult<unknown>>> {
  const statements = queries.map((q) => binding.prepare(q.sql).bind(...(q.parameters as unknown[])));
  const results = await binding.batch(statements);
  return results.map((r) => {
    const changes = r.meta.changes ?? 0;
    return {
      rows: (r.results ?? []) as unknown[],
      numAffectedRows: changes > 0 ? BigInt(changes) : undefined,
      insertId: r.meta.last_row_id == null ? undefined : BigInt(r.meta.last_row_id),
    };
  });
}
