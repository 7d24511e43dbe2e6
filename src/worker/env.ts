import type { D1Database } from '@cloudflare/workers-types';
import { type Config, ConfigError, parseConfig } from '../config';

/** The Worker's bindings, as declared in wrangler.toml (`DB`, `[vars]`) and set with `wrangler secret put`. */
export interface WorkerEnv {
  DB: D1Database;
  LARK_APP_ID?: string;
  LARK_APP_SECRET?: string;
  LARK_VERIFICATION_TOKEN?: string;
  LARK_ENCRYPT_KEY?: string;
  LARK_BASE_URL?: string;
  LARK_EVENT_MODE?: string;
  LARK_MAX_CLOCK_SKEW_SECONDS?: string;
  LARK_MAX_BODY_BYTES?: string;
  LARK_CARD_BUDGET_MS?: string;
  JIXIAO_INSECURE_LOCAL_DEV?: string;
  /** Extra days off / 调休 working days for years chinese-days does not know yet: `YYYY-MM-DD, …`. */
  JIXIAO_HOLIDAYS?: string;
  JIXIAO_WORKDAYS?: string;
}

/**
 * The same `parseConfig` as Node, fed from the bindings (only string values: D1 and other bindings are
 * objects). A Worker only makes sense with a real Lark app in webhook mode: no local mode (the fake Lark
 * is for tests and the demo) and no long connection.
 */
export function workerConfig(env: WorkerEnv): Config {
  const config = parseConfig(stringVars(env));
  if (config.mode !== 'lark') {
    throw new ConfigError('LARK_APP_ID', 'is required on Workers: set LARK_APP_ID and LARK_APP_SECRET with `wrangler secret put`');
  }
  if (config.lark.eventMode !== 'webhook') {
    throw new ConfigError('LARK_EVENT_MODE', 'must be "webhook" on Workers (a Worker cannot hold the long connection)');
  }
  return config;
}

/** Only the string bindings (vars and secrets); D1 and other bindings are objects. */
function stringVars(env: WorkerEnv): Record<string, string | undefined> {
  const vars: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(env)) if (typeof value === 'string') vars[name] = value;
  return vars;
}
