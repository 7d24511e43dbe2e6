import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../storage/database';
import { migrate } from '../storage/migrate';
import { loadMigrations } from './load-migrations';

/**
 * Opens (or creates) the SQLite file with WAL and synchronous=NORMAL: durable across process crashes,
 * ~3x the write throughput of the default FULL (stack-notes). `:memory:` is accepted for tests.
 */
export async function openSqlite(path: string): Promise<{ db: Kysely<Database>; close: () => Promise<void> }> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const raw = new BetterSqlite3(path);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  await migrate(db, loadMigrations());
  return { db, close: () => db.destroy() };
}
