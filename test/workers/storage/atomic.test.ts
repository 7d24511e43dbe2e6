import { env } from 'cloudflare:workers';
import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { AtomicConflictError, atomic } from '../../../src/storage/atomic';
import { openD1 } from '../../../src/worker/d1-database';

// The D1 half of the atomic seam (SQLite half: test/storage/atomic.test.ts): the same cases, but D1
// has no transactions, so the unit runs as one DB.batch() with changes() guards.
const db = openD1(env.DB) as unknown as import('kysely').Kysely<{
  atomic_item: { id: string; value: string; version: number };
  atomic_history: { item_id: string; before: string | null; after: string };
}>;

beforeEach(async () => {
  await sql`DROP TABLE IF EXISTS atomic_item`.execute(db);
  await sql`DROP TABLE IF EXISTS atomic_history`.execute(db);
  await sql`CREATE TABLE atomic_item (id TEXT PRIMARY KEY, value TEXT NOT NULL, version INTEGER NOT NULL)`.execute(db);
  await sql`CREATE TABLE atomic_history (item_id TEXT NOT NULL, before TEXT, after TEXT NOT NULL)`.execute(db);
  await db.insertInto('atomic_item').values({ id: 'a', value: '1', version: 1 }).execute();
});

const versionedWrite = (expectedVersion: number, after: string) => [
  {
    query: db
      .updateTable('atomic_item')
      .set({ value: after, version: expectedVersion + 1 })
      .where('id', '=', 'a')
      .where('version', '=', expectedVersion),
    expect: 1,
  },
  { query: db.insertInto('atomic_history').values({ item_id: 'a', before: '1', after }) },
];

describe('atomic on D1', () => {
  it('cannot use interactive transactions, which is why the seam exists', async () => {
    await expect(db.transaction().execute(async () => undefined)).rejects.toThrow(/not supported/);
  });

  it('commits every step of the batch when the guards hold', async () => {
    const results = await atomic(db, versionedWrite(1, '2'));
    expect(results.map((r) => Number(r.numAffectedRows))).toEqual([1, 1]);
    expect(await db.selectFrom('atomic_item').selectAll().execute()).toEqual([{ id: 'a', value: '2', version: 2 }]);
    expect(await db.selectFrom('atomic_history').selectAll().execute()).toEqual([{ item_id: 'a', before: '1', after: '2' }]);
  });

  it('rolls the whole batch back when a guard fails (stale version)', async () => {
    const error = await atomic(db, versionedWrite(7, '2')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtomicConflictError);
    expect((error as AtomicConflictError).step).toBe(0);
    expect(await db.selectFrom('atomic_item').selectAll().execute()).toEqual([{ id: 'a', value: '1', version: 1 }]);
    expect(await db.selectFrom('atomic_history').selectAll().execute()).toEqual([]);
  });

  it('names the guarded step that failed when there are several', async () => {
    const error = await atomic(db, [
      ...versionedWrite(1, '2'),
      { query: db.updateTable('atomic_item').set({ value: 'x' }).where('id', '=', 'missing'), expect: 1 },
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtomicConflictError);
    expect((error as AtomicConflictError).step).toBe(2);
    expect(await db.selectFrom('atomic_item').selectAll().execute()).toEqual([{ id: 'a', value: '1', version: 1 }]);
  });

  it('a second writer with the same expected version loses and leaves no history row', async () => {
    await atomic(db, versionedWrite(1, '2'));
    await expect(atomic(db, versionedWrite(1, '3'))).rejects.toBeInstanceOf(AtomicConflictError);
    expect(await db.selectFrom('atomic_history').select('after').execute()).toEqual([{ after: '2' }]);
  });

  it('rolls back earlier statements when a later one fails', async () => {
    const error = await atomic(db, [
      { query: db.insertInto('atomic_history').values({ item_id: 'a', before: null, after: 'x' }) },
      { query: db.insertInto('atomic_item').values({ id: 'a', value: 'dup', version: 1 }) },
    ]).catch((e: unknown) => e);
    expect(String(error)).toMatch(/UNIQUE/);
    expect(error).not.toBeInstanceOf(AtomicConflictError);
    expect(await db.selectFrom('atomic_history').selectAll().execute()).toEqual([]);
  });

  it("accepts 'some' for statements that must change at least one row", async () => {
    await expect(atomic(db, [{ query: db.deleteFrom('atomic_item').where('id', '=', 'nope'), expect: 'some' }])).rejects.toBeInstanceOf(
      AtomicConflictError,
    );
    await atomic(db, [{ query: db.deleteFrom('atomic_item').where('id', '=', 'a'), expect: 'some' }]);
    expect(await db.selectFrom('atomic_item').selectAll().execute()).toEqual([]);
  });
});
