import type { D1Migration } from 'cloudflare:test';

declare global {
  namespace Cloudflare {
    interface Env {
      DB: D1Database;
      TEST_MIGRATIONS: D1Migration[];
      LARK_APP_ID: string;
      LARK_APP_SECRET: string;
      LARK_VERIFICATION_TOKEN: string;
      LARK_ENCRYPT_KEY: string;
      LARK_BASE_URL: string;
    }
  }
}
