import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { openSqlite } from '../../src/node/sqlite';
import type { Database } from '../../src/storage/database';

/** A fresh in-memory SQLite database with every migration applied. */
export async function createTestDb(): Promise<{ db: Kysely<Database>; close: () => Promise<void> }> {
  return openSqlite(':memory:');
}

/** A SQLite file in a temp folder, for tests that close and reopen the database (restarts). */
export function tempDbPath(): { path: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-test-'));
  return { path: join(dir, 'test.sqlite'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
