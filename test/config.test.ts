import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/config';

const app = { LARK_APP_ID: 'cli_a', LARK_APP_SECRET: 's', LARK_VERIFICATION_TOKEN: 'v', LARK_ENCRYPT_KEY: 'k' };

function errorOf(env: Record<string, string | undefined>): string {
  try {
    parseConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('has the documented defaults and local mode without an app', () => {
    const c = parseConfig({});
    expect(c).toMatchObject({ mode: 'local', port: 8787, dbPath: './data/jixiao.sqlite', lark: { baseUrl: 'https://open.feishu.cn', eventMode: 'webhook' } });
    expect(c.security.maxClockSkewSeconds).toBe(300);
  });

  it('reads a full app configuration', () => {
    const c = parseConfig({ ...app, LARK_BASE_URL: 'https://open.larksuite.com/', LARK_EVENT_MODE: 'ws', PORT: '9000', JIXIAO_DB: '/tmp/x.sqlite' });
    expect(c).toMatchObject({ mode: 'lark', port: 9000, dbPath: '/tmp/x.sqlite', lark: { appId: 'cli_a', baseUrl: 'https://open.larksuite.com', eventMode: 'ws', encryptKey: 'k' } });
  });

  it('names the variable in one line for every bad value', () => {
    expect(errorOf({ PORT: '80a' })).toBe('PORT: must be a whole number from 1 to 65535 (got "80a")');
    expect(errorOf({ LARK_EVENT_MODE: 'socket' })).toMatch(/^LARK_EVENT_MODE: must be "webhook" or "ws"/);
    expect(errorOf({ LARK_BASE_URL: 'open.feishu.cn' })).toMatch(/^LARK_BASE_URL: /);
    expect(errorOf({ LARK_BASE_URL: 'ftp://x' })).toMatch(/^LARK_BASE_URL: must start with https:\/\//);
    expect(errorOf({ LARK_APP_ID: 'cli_a' })).toMatch(/^LARK_APP_SECRET: /);
    expect(errorOf({ JIXIAO_INSECURE_LOCAL_DEV: 'maybe' })).toMatch(/^JIXIAO_INSECURE_LOCAL_DEV: /);
    expect(errorOf({ LARK_EVENT_MODE: 'ws' })).toMatch(/^LARK_EVENT_MODE: "ws" needs LARK_APP_ID/);
    for (const m of [errorOf({ PORT: '0' }), errorOf({ LARK_CARD_BUDGET_MS: '5000' })]) expect(m.split('\n')).toHaveLength(1);
  });

  it('refuses webhook mode without Encrypt Key and Verification Token unless the local-development switch is set', () => {
    expect(errorOf({ ...app, LARK_ENCRYPT_KEY: '' })).toMatch(/^LARK_ENCRYPT_KEY: is required in webhook mode/);
    expect(errorOf({ ...app, LARK_VERIFICATION_TOKEN: undefined })).toMatch(/^LARK_VERIFICATION_TOKEN: is required/);
    expect(parseConfig({ ...app, LARK_ENCRYPT_KEY: '', JIXIAO_INSECURE_LOCAL_DEV: '1' }).security.insecureLocalDev).toBe(true);
    expect(parseConfig({ LARK_APP_ID: 'a', LARK_APP_SECRET: 'b', LARK_EVENT_MODE: 'ws' }).lark.eventMode).toBe('ws');
  });
});
