import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../storage/database';
import { migrate } from '../storage/migrate';
import { loadMigrations } from './load-migrations';

/**
 * Opens (or creates) the SQLite file with WAL and synchronous=NORMAL: durable across process crashes,
 * ~3x the write throughput of the default FULL (measured: `npm run bench transport`). `:memory:` is accepted for tests.
 */
export async function openSqlite(path: string): Promise<{ db: Kysely<Database>; close: () => Promise<void> }> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const raw = new BetterSqlite3(path);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  // Checkpoints (copying WAL pages back into the database file, with an fsync) run on a worker thread
  // with its own connection, so the event loop never stalls on one mid-request; the main connection's
  // own auto-checkpoint stays as a backstop at ~40 MB of WAL in case the worker falls behind. Card-action
  // keys are hashes, so every click dirties a random page: checkpointing in the request path was about a
  // third of the per-click SQLite cost. Durability is unchanged: a commit is durable once in the WAL.
  raw.pragma('wal_autocheckpoint = 10000');
  raw.pragma('journal_size_limit = 67108864');
  cachePreparedStatements(raw);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  await migrate(db, loadMigrations());
  const checkpointer = path === ':memory:' ? null : startCheckpointer(path);
  return {
    db,
    close: async () => {
      await checkpointer?.terminate();
      await db.destroy();
    },
  };
}

/** How often the worker checkpoints; a PASSIVE checkpoint of an already-copied WAL costs microseconds. */
const CHECKPOINT_EVERY_MS = 250;

const CHECKPOINTER = `
const { workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 5000');
setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
}, workerData.everyMs);
`;

/** PASSIVE never waits on the writer or readers: it copies what it can and leaves the rest for next time. */
function startCheckpointer(path: string): Worker {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(CHECKPOINTER, { eval: true, workerData: { driver, path, everyMs: CHECKPOINT_EVERY_MS } });
  worker.unref();
  // A checkpointer that cannot start only means the main connection's auto-checkpoint does the work.
  worker.on('error', () => {});
  return worker;
}

/**
 * Kysely's SQLite driver prepares every query anew; preparing costs about as much as running a small
 * statement. Statements are reused per SQL text (Kysely uses the single connection under a mutex, so a
 * cached statement is never in use twice at once); the cache is bounded for ad-hoc SQL.
 */
function cachePreparedStatements(raw: BetterSqlite3.Database, max = 500): void {
  const prepare = raw.prepare.bind(raw);
  const cache = new Map<string, BetterSqlite3.Statement>();
  raw.prepare = ((source: string) => {
    let stmt = cache.get(source);
    if (!stmt) {
      stmt = prepare(source);
      if (cache.size >= max) cache.delete(cache.keys().next().value!);
      cache.set(source, stmt);
    }
    return stmt;
  }) as typeof raw.prepare;
}
