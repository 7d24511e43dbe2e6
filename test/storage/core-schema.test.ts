import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/node/sqlite';
import type { Database } from '../../src/storage/database';
import type { Kysely } from 'kysely';
import { appendHistory } from '../../src/storage/repositories/collection/history';

// The constraints the services rely on, checked against the real migration.
let db: Kysely<Database>;
let close: () => Promise<void>;
const now = '2026-09-24T02:00:00.000Z';

beforeEach(async () => {
  ({ db, close } = await openSqlite(':memory:'));
  await db.insertInto('tenants').values({ tenant_key: 't1', created_at: now }).execute();
  await db
    .insertInto('evaluations')
    .values({
      id: 'ev_1', tenant_key: 't1', chat_id: 'oc_1', status: 'draft', project_name: 'p', department: null,
      implementing_unit: null, year: null, budget_initial: null, budget_full_year: '105', budget_sources_json: null,
      goals_expected: null, goals_actual: null, printed_total: null, rule_profile: 'mof-2020', deadline: null,
      importer_open_id: 'ou_1', source_file_name: null, progress_message_id: null, summary_posted_at: null,
      locked_at: null, locked_by: null, created_at: now, updated_at: now,
    })
    .execute();
});
afterEach(() => close());

describe('0001_core', () => {
  it('refuses an evaluation of an unknown tenant and an unknown status', async () => {
    const row = { id: 'ev_2', tenant_key: 'nobody', status: 'draft', project_name: 'p', budget_full_year: '1', rule_profile: 'x', importer_open_id: 'ou', created_at: now, updated_at: now };
    await expect(db.insertInto('evaluations').values(row as never).execute()).rejects.toThrow(/FOREIGN KEY/);
    await expect(
      db.insertInto('evaluations').values({ ...row, tenant_key: 't1', status: 'open' } as never).execute(),
    ).rejects.toThrow(/CHECK/);
  });

  it('keeps one history record per value version, so a lost race cannot be recorded twice', async () => {
    await db
      .insertInto('indicators')
      .values({ id: 'it_1', evaluation_id: 'ev_1', position: 1, kind: 'indicator', level1: 'a', level2: 'b', name: 'n', target_raw: '≥2次', target_kind: null, target_json: null, weight: '5', printed_score: null, owner_raw: null, owner_open_id: null, owner_name: null, owner_problem: null, owner_candidates_json: null, due_date: null })
      .execute();
    const entry = { evaluationId: 'ev_1', itemId: 'it_1', version: 1, action: 'submit', actor: 'ou_1', at: now, after: { actual: '2' } };
    await appendHistory(db, entry).execute();
    await expect(appendHistory(db, entry).execute()).rejects.toThrow(/UNIQUE/);
    // Records that are not value versions (owner changes, settings) are not limited.
    await appendHistory(db, { ...entry, version: null, action: 'assign_owner' }).execute();
    await appendHistory(db, { ...entry, version: null, action: 'assign_owner' }).execute();
    const rows = await db.selectFrom('history').select('action').execute();
    expect(rows.map((r) => r.action)).toEqual(['submit', 'assign_owner', 'assign_owner']);
  });

  it('has the indexes the queries use', async () => {
    const names = (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'`.execute(db)).rows.map((r) => r.name);
    expect(names).toEqual(
      expect.arrayContaining(['evaluations_by_chat', 'indicators_by_owner', 'indicator_values_by_status', 'history_by_evaluation', 'outbox_due']),
    );
    const plan = await sql<{ detail: string }>`EXPLAIN QUERY PLAN SELECT * FROM indicators WHERE owner_open_id = 'ou_1' AND evaluation_id = 'ev_1'`.execute(db);
    expect(plan.rows.map((r) => r.detail).join(' ')).toMatch(/indicators_by_owner/);
  });
});
