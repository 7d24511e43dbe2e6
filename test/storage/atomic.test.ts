import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtomicConflictError, atomic } from '../../src/storage/atomic';

// The SQLite half of the atomic seam; the D1 half runs the same cases in test/workers/storage/atomic.test.ts.
interface Tables {
  item: { id: string; value: string; version: number };
  item_history: { item_id: string; before: string | null; after: string };
}

let db: Kysely<Tables>;

beforeEach(async () => {
  db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: new BetterSqlite3(':memory:') }) });
  await sql`CREATE TABLE item (id TEXT PRIMARY KEY, value TEXT NOT NULL, version INTEGER NOT NULL)`.execute(db);
  await sql`CREATE TABLE item_history (item_id TEXT NOT NULL, before TEXT, after TEXT NOT NULL)`.execute(db);
  await db.insertInto('item').values({ id: 'a', value: '1', version: 1 }).execute();
});
afterEach(() => db.destroy());

const versionedWrite = (expectedVersion: number, after: string) => [
  {
    query: db.updateTable('item').set({ value: after, version: expectedVersion + 1 }).where('id', '=', 'a').where('version', '=', expectedVersion),
    expect: 1,
  },
  { query: db.insertInto('item_history').values({ item_id: 'a', before: '1', after }) },
];

describe('atomic on SQLite', () => {
  it('commits every step when the guards hold', async () => {
    const results = await atomic(db, versionedWrite(1, '2'));
    expect(results).toHaveLength(2);
    expect(await db.selectFrom('item').selectAll().execute()).toEqual([{ id: 'a', value: '2', version: 2 }]);
    expect(await db.selectFrom('item_history').selectAll().execute()).toEqual([{ item_id: 'a', before: '1', after: '2' }]);
  });

  it('rolls every step back and names the step when a guard fails', async () => {
    const error = await atomic(db, versionedWrite(7, '2')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtomicConflictError);
    expect((error as AtomicConflictError).step).toBe(0);
    expect(await db.selectFrom('item').selectAll().execute()).toEqual([{ id: 'a', value: '1', version: 1 }]);
    expect(await db.selectFrom('item_history').selectAll().execute()).toEqual([]);
  });

  it('names the guarded step that failed when there are several', async () => {
    const error = await atomic(db, [
      ...versionedWrite(1, '2'),
      { query: db.updateTable('item').set({ value: 'x' }).where('id', '=', 'missing'), expect: 1 },
    ]).catch((e: unknown) => e);
    expect((error as AtomicConflictError).step).toBe(2);
    expect(await db.selectFrom('item').selectAll().execute()).toEqual([{ id: 'a', value: '1', version: 1 }]);
  });

  it('rolls back earlier steps when a later statement fails', async () => {
    const error = await atomic(db, [
      { query: db.insertInto('item_history').values({ item_id: 'a', before: null, after: 'x' }) },
      { query: db.insertInto('item').values({ id: 'a', value: 'dup', version: 1 }) },
    ]).catch((e: unknown) => e);
    expect(String(error)).toMatch(/UNIQUE/);
    expect(await db.selectFrom('item_history').selectAll().execute()).toEqual([]);
  });

  it("accepts 'some' for statements that must change at least one row", async () => {
    await expect(atomic(db, [{ query: db.deleteFrom('item').where('id', '=', 'nope'), expect: 'some' }])).rejects.toBeInstanceOf(AtomicConflictError);
    await atomic(db, [{ query: db.deleteFrom('item').where('id', '=', 'a'), expect: 'some' }]);
    expect(await db.selectFrom('item').selectAll().execute()).toEqual([]);
  });
});
