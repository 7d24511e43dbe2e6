import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

// Tests that run inside workerd (the Workers runtime) against a local D1, with the bindings of
// wrangler.toml. Node tests: vitest.config.ts. Both run in CI through `.ci/run`.
export const TEST_SECRETS = {
  LARK_APP_ID: 'cli_workerd_test',
  LARK_APP_SECRET: 'workerd-test-secret',
  LARK_VERIFICATION_TOKEN: 'workerd-verification-token',
  LARK_ENCRYPT_KEY: 'workerd-encrypt-key',
  LARK_BASE_URL: 'https://fake-lark.invalid',
};

export default defineConfig(async () => {
  const migrations = await readD1Migrations('migrations');
  return {
    plugins: [
      cloudflareTest({
        main: './src/worker/index.ts',
        wrangler: { configPath: './wrangler.toml' },
        miniflare: {
          // Test secrets (deployed Workers get theirs from `wrangler secret put`); the base URL names the
          // fake Lark, which tests reach through an injected fetch, never the network.
          bindings: { TEST_MIGRATIONS: migrations, ...TEST_SECRETS },
        },
      }),
    ],
    test: {
      include: ['test/workers/**/*.test.ts'],
      setupFiles: ['./test/workers/apply-migrations.ts'],
      testTimeout: 30_000,
      hookTimeout: 30_000,
    },
  };
});
