import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/node/sqlite';
import { manualClock } from '../../src/platform/clock';
import { startedT1 } from '../helpers/collection';

/** `jixiao tick` through the real binary, against a SQLite file holding a started evaluation. */
const ROOT = join(import.meta.dirname, '..', '..');
let dir: string;
let file: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jixiao-tick-'));
  file = join(dir, 'jixiao.sqlite');
  const { db, close } = await openSqlite(file);
  await startedT1({ db, clock: manualClock('2026-09-24T02:00:00.000Z') });
  await close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tick(...args: string[]) {
  const env = { ...process.env };
  delete env.LARK_APP_ID;
  delete env.LARK_APP_SECRET;
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'jixiao.mjs'), 'tick', '--db', file, ...args], { cwd: ROOT, env, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('jixiao tick', () => {
  it('--dry-run lists what is due at --now and sends nothing', () => {
    const r = tick('--dry-run', '--now', '2026-09-29T09:30:00+08:00');
    expect(r.code).toBe(0);
    expect(r.out.match(/owner_dm/g)).toHaveLength(4);
    expect(r.out).toContain('4 条提醒到期（未发送）');
    expect(tick('--dry-run', '--now', '2026-10-01T09:30:00+08:00').out).toContain('0 条提醒到期'); // 国庆
  });

  it('explains a bad --now, and that sending needs a Lark app', () => {
    const bad = tick('--now', 'yesterday');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('不是有效时间');
    const noApp = tick('--now', '2026-09-29T09:30:00+08:00');
    expect(noApp.code).toBe(2);
    expect(noApp.err).toContain('LARK_APP_ID');
  });
});
