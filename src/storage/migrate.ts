import { type Kysely, sql } from 'kysely';

/** One numbered SQL file from `migrations/`, e.g. `0001_core.sql`. */
export interface Migration {
  name: string;
  sql: string;
}

/**
 * Applies pending migrations in name order and records them in `d1_migrations`, the same table
 * `wrangler d1 migrations apply` keeps, so SQLite and D1 share one schema history.
 * Runs on any Kysely dialect; the SQL files are split on statement-ending semicolons
 * (migrations must not contain triggers or other `;` inside a statement).
 */
export async function migrate(db: Kysely<any>, migrations: readonly Migration[]): Promise<string[]> {
  await sql`CREATE TABLE IF NOT EXISTS d1_migrations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT UNIQUE,
    applied_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
  )`.execute(db);
  const done = new Set(
    (await sql<{ name: string }>`SELECT name FROM d1_migrations`.execute(db)).rows.map((r) => r.name),
  );
  const applied: string[] = [];
  for (const m of [...migrations].sort((a, b) => a.name.localeCompare(b.name))) {
    if (done.has(m.name)) continue;
    await db.transaction().execute(async (tx) => {
      for (const statement of splitStatements(m.sql)) await sql.raw(statement).execute(tx);
      await sql`INSERT INTO d1_migrations (name) VALUES (${m.name})`.execute(tx);
    });
    applied.push(m.name);
  }
  return applied;
}

export function splitStatements(text: string): string[] {
  const withoutComments = text
    .split('\n')
    .filter((line) => !line.trim().startsWith('--'))
    .join('\n');
  return withoutComments
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
