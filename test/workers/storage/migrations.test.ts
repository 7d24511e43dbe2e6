import { env } from 'cloudflare:workers';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openD1 } from '../../../src/worker/d1-database';

// One schema history: the numbered files Node applies with src/storage/migrate.ts are what D1 gets.
describe('migrations on D1', () => {
  const db = openD1(env.DB);

  it('applies every numbered migration and records it in d1_migrations, as wrangler does', async () => {
    const { rows } = await sql<{ name: string }>`SELECT name FROM d1_migrations ORDER BY id`.execute(db);
    expect(rows.map((r) => r.name)).toEqual(env.TEST_MIGRATIONS.map((m) => m.name));
    expect(rows.length).toBeGreaterThan(0);
  });

  it('creates tables from every migration', async () => {
    const { rows } = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'`.execute(db);
    const tables = rows.map((r) => r.name);
    for (const migration of env.TEST_MIGRATIONS) {
      for (const query of migration.queries) {
        const created = /CREATE TABLE (?:IF NOT EXISTS )?["`]?(\w+)/i.exec(query);
        if (created) expect(tables).toContain(created[1]);
      }
    }
  });
});
