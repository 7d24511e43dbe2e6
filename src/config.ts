import { z } from 'zod';
import { isDateKey } from './platform/time';
import type { FileLimits } from './import/fences/limits';
import { DEFAULT_FILE_LIMITS } from './import/fences/limits';

const MB = 1024 * 1024;

/**
 * Configuration from environment variables, parsed once by the entry point (Node: process.env; Workers:
 * the `env` bindings) and passed down. Every error names its variable in one line.
 */

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const flag = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v.trim() === '') return false;
    const s = v.trim().toLowerCase();
    if (['1', 'true', 'yes', 'on'].includes(s)) return true;
    if (['0', 'false', 'no', 'off'].includes(s)) return false;
    ctx.addIssue({ code: 'custom', message: `must be true or false (got "${v}")` });
    return z.NEVER;
  });

function integer(defaultValue: number, min: number, max: number) {
  return z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return defaultValue;
      const n = Number(v.trim());
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `must be a whole number from ${min} to ${max} (got "${v}")` });
        return z.NEVER;
      }
      return n;
    });
}

const baseUrl = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const raw = v === undefined || v.trim() === '' ? 'https://open.feishu.cn' : v.trim();
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      ctx.addIssue({ code: 'custom', message: `must be a URL such as https://open.feishu.cn (got "${v}")` });
      return z.NEVER;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      ctx.addIssue({ code: 'custom', message: `must start with https:// or http:// (got "${v}")` });
      return z.NEVER;
    }
    return raw.replace(/\/+$/, '');
  });

/** `YYYY-MM-DD` dates, comma- or space-separated (JIXIAO_HOLIDAYS, JIXIAO_WORKDAYS). */
const dateList = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const items = (v ?? '').split(/[\s,，]+/).filter(Boolean);
    const bad = items.find((d) => !isDateKey(d));
    if (bad) {
      ctx.addIssue({ code: 'custom', message: `“${bad}” 不是 YYYY-MM-DD 日期（例如 2027-01-01）` });
      return z.NEVER;
    }
    return items;
  });

const envSchema = z.object({
  LARK_APP_ID: optionalText,
  LARK_APP_SECRET: optionalText,
  LARK_VERIFICATION_TOKEN: optionalText,
  LARK_ENCRYPT_KEY: optionalText,
  LARK_BASE_URL: baseUrl,
  LARK_EVENT_MODE: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const s = v === undefined || v.trim() === '' ? 'webhook' : v.trim().toLowerCase();
      if (s !== 'webhook' && s !== 'ws') {
        ctx.addIssue({ code: 'custom', message: `must be "webhook" or "ws" (got "${v}")` });
        return z.NEVER;
      }
      return s as 'webhook' | 'ws';
    }),
  PORT: integer(8787, 1, 65535),
  JIXIAO_DB: optionalText.transform((v) => v ?? './data/jixiao.sqlite'),
  /** Explicit switch for local development: accept webhooks without an Encrypt Key / Verification Token. */
  JIXIAO_INSECURE_LOCAL_DEV: flag,
  LARK_MAX_CLOCK_SKEW_SECONDS: integer(300, 1, 86_400),
  LARK_MAX_BODY_BYTES: integer(1_048_576, 1024, 33_554_432),
  LARK_CARD_BUDGET_MS: integer(2000, 100, 2800),
  LARK_WS_PING_TIMEOUT_SECONDS: integer(20, 0, 3600),
  LARK_WS_MAX_EVENT_AGE_SECONDS: integer(600, 1, 604_800),
  /** Extra days off for years the bundled holiday plan does not know yet (the State Council publishes each year's in Nov/Dec). */
  JIXIAO_HOLIDAYS: dateList,
  /** Extra working days (调休上班) for those years. */
  JIXIAO_WORKDAYS: dateList,
  // Untrusted tables (src/import/fences/limits.ts explains each); sizes in MB.
  JIXIAO_IMPORT_MAX_FILE_MB: integer(DEFAULT_FILE_LIMITS.maxFileBytes / MB, 1, 100),
  JIXIAO_IMPORT_MAX_UNZIPPED_MB: integer(DEFAULT_FILE_LIMITS.maxUnzippedBytes / MB, 1, 1024),
  JIXIAO_IMPORT_MAX_ZIP_PARTS: integer(DEFAULT_FILE_LIMITS.maxZipEntries, 10, 10_000),
  JIXIAO_IMPORT_MAX_SHEET_MB: integer(DEFAULT_FILE_LIMITS.maxSheetXmlBytes / MB, 1, 512),
  JIXIAO_IMPORT_MAX_SHARED_STRINGS_MB: integer(DEFAULT_FILE_LIMITS.maxSharedStringsBytes / MB, 1, 512),
  JIXIAO_IMPORT_MAX_ROWS: integer(DEFAULT_FILE_LIMITS.maxRows, 10, 10_000),
  JIXIAO_IMPORT_MAX_COLUMNS: integer(DEFAULT_FILE_LIMITS.maxColumns, 5, 1000),
  JIXIAO_IMPORT_MAX_MERGES: integer(DEFAULT_FILE_LIMITS.maxMerges, 10, 100_000),
  JIXIAO_IMPORT_MAX_CELL_CHARS: integer(DEFAULT_FILE_LIMITS.maxCellChars, 100, 100_000),
  JIXIAO_IMPORT_TIME_LIMIT_MS: integer(8000, 500, 120_000),
  JIXIAO_IMPORT_MEMORY_MB: integer(256, 64, 4096),
  JIXIAO_IMPORT_WORKERS: integer(2, 1, 16),
});

export interface Config {
  /** `lark`: a real (or fake) Lark app is configured. `local`: no app id/secret, the fake Lark is embedded. */
  mode: 'lark' | 'local';
  lark: {
    appId?: string;
    appSecret?: string;
    baseUrl: string;
    verificationToken?: string;
    encryptKey?: string;
    eventMode: 'webhook' | 'ws';
  };
  port: number;
  dbPath: string;
  security: {
    /** Freshness window on X-Lark-Request-Timestamp. */
    maxClockSkewSeconds: number;
    maxBodyBytes: number;
    insecureLocalDev: boolean;
  };
  /** How long a card handler may run before the callback is answered with a toast and finished by delayed update. */
  cardBudgetMs: number;
  ws: { pingTimeoutSeconds: number; maxEventAgeSeconds: number };
  /** The operator's additions to China's official working-day calendar, `YYYY-MM-DD` each. */
  calendar: { holidays: string[]; workdays: string[] };
  /**
   * How untrusted tables are read: the fences' limits, and on Node the worker thread's time and memory limits
   * and how many tables are read at once (src/node/table-reader-pool.ts). On workerd the isolate's CPU limit
   * stands in for the time limit.
   */
  imports: { limits: FileLimits; timeLimitMs: number; memoryLimitMb: number; workers: number };
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(String(issue.path[0] ?? 'config'), issue.message);
  }
  const e = parsed.data;
  if (Boolean(e.LARK_APP_ID) !== Boolean(e.LARK_APP_SECRET)) {
    const missing = e.LARK_APP_ID ? 'LARK_APP_SECRET' : 'LARK_APP_ID';
    throw new ConfigError(missing, 'is required when the other of LARK_APP_ID / LARK_APP_SECRET is set');
  }
  const mode = e.LARK_APP_ID ? 'lark' : 'local';
  if (mode === 'local' && e.LARK_EVENT_MODE === 'ws') {
    throw new ConfigError('LARK_EVENT_MODE', '"ws" needs LARK_APP_ID and LARK_APP_SECRET');
  }
  if (mode === 'lark' && e.LARK_EVENT_MODE === 'webhook' && !e.JIXIAO_INSECURE_LOCAL_DEV) {
    // Without these anyone who finds the URL can forge events:
    // https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/encrypt-key-encryption-configuration-case
    if (!e.LARK_ENCRYPT_KEY)
      throw new ConfigError(
        'LARK_ENCRYPT_KEY',
        'is required in webhook mode (开发配置 > 事件与回调 > 加密策略); set JIXIAO_INSECURE_LOCAL_DEV=1 only for local development',
      );
    if (!e.LARK_VERIFICATION_TOKEN)
      throw new ConfigError(
        'LARK_VERIFICATION_TOKEN',
        'is required in webhook mode (开发配置 > 事件与回调 > 加密策略); set JIXIAO_INSECURE_LOCAL_DEV=1 only for local development',
      );
  }
  return {
    mode,
    lark: {
      appId: e.LARK_APP_ID,
      appSecret: e.LARK_APP_SECRET,
      baseUrl: e.LARK_BASE_URL,
      verificationToken: e.LARK_VERIFICATION_TOKEN,
      encryptKey: e.LARK_ENCRYPT_KEY,
      eventMode: e.LARK_EVENT_MODE,
    },
    port: e.PORT,
    dbPath: e.JIXIAO_DB,
    security: {
      maxClockSkewSeconds: e.LARK_MAX_CLOCK_SKEW_SECONDS,
      maxBodyBytes: e.LARK_MAX_BODY_BYTES,
      insecureLocalDev: e.JIXIAO_INSECURE_LOCAL_DEV,
    },
    cardBudgetMs: e.LARK_CARD_BUDGET_MS,
    ws: { pingTimeoutSeconds: e.LARK_WS_PING_TIMEOUT_SECONDS, maxEventAgeSeconds: e.LARK_WS_MAX_EVENT_AGE_SECONDS },
    calendar: { holidays: e.JIXIAO_HOLIDAYS, workdays: e.JIXIAO_WORKDAYS },
    imports: {
      limits: {
        maxFileBytes: e.JIXIAO_IMPORT_MAX_FILE_MB * MB,
        maxUnzippedBytes: e.JIXIAO_IMPORT_MAX_UNZIPPED_MB * MB,
        maxZipEntries: e.JIXIAO_IMPORT_MAX_ZIP_PARTS,
        maxSheetXmlBytes: e.JIXIAO_IMPORT_MAX_SHEET_MB * MB,
        maxSharedStringsBytes: e.JIXIAO_IMPORT_MAX_SHARED_STRINGS_MB * MB,
        maxRows: e.JIXIAO_IMPORT_MAX_ROWS,
        maxColumns: e.JIXIAO_IMPORT_MAX_COLUMNS,
        maxMerges: e.JIXIAO_IMPORT_MAX_MERGES,
        maxCellChars: e.JIXIAO_IMPORT_MAX_CELL_CHARS,
      },
      timeLimitMs: e.JIXIAO_IMPORT_TIME_LIMIT_MS,
      memoryLimitMb: e.JIXIAO_IMPORT_MEMORY_MB,
      workers: e.JIXIAO_IMPORT_WORKERS,
    },
  };
}
