import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';

// The same numbered migrations/*.sql that Node applies to SQLite, applied to this test's D1 the way
// `wrangler d1 migrations apply` does (recorded in d1_migrations). Idempotent across test files.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
