import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { submitValue } from '../../src/features/collection/service';
import { openSqlite } from '../../src/node/sqlite';
import { systemClock } from '../../src/platform/clock';
import { jixiao, tempDir, writeT1Csv } from '../helpers/cli';

let dir: string;
let remove: () => void;
beforeEach(() => ({ dir, remove } = tempDir()));
afterEach(() => remove());

describe('jixiao status', { timeout: 120_000 }, () => {
  it('shows the state, progress, who is pending and every row', async () => {
    const db = join(dir, 'db.sqlite');
    const imported = jixiao([
      'import', writeT1Csv(dir), '--chat', 'oc_group', '--admin', 'ou_admin',
      '--owner', '张伟=ou_zhangwei', '--owner', '李娜=ou_lina', '--owner', '王芳=ou_wangfang',
      '--deadline', '2099-10-09', '--start', '--json', '--db', db,
    ]);
    const { evaluationId } = JSON.parse(imported.stdout);

    // 张伟 answers his first row through the services, as the bot would.
    const opened = await openSqlite(db);
    const row = await opened.db.selectFrom('indicators').select('id').where('evaluation_id', '=', evaluationId).where('position', '=', 1).executeTakeFirstOrThrow();
    const r = await submitValue({ db: opened.db, clock: systemClock }, { itemId: row.id, actor: 'ou_zhangwei', expectedVersion: 0, actual: '2' });
    expect(r.ok).toBe(true);
    await opened.close();

    const status = jixiao(['status', evaluationId, '--db', db]);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(`金融监管专项经费（${evaluationId}）`);
    expect(status.stdout).toContain('状态：收集中　截止：2099-10-09　群：oc_group');
    expect(status.stdout).toContain('进度：已填 1/14（已通过 0，待审核 1，退回 0，待填写 13）');
    expect(status.stdout).toContain('等待：李娜 4 项，王芳 4 项，张伟 4 项，ou_admin 1 项');
    expect(status.stdout).toMatch(/ 1 已提交 {2}参加处非联办举行的业务培训交流会｜目标 ≥2次｜实际 2｜5\/5｜张伟/);

    const json = JSON.parse(jixiao(['status', evaluationId, '--json', '--db', db]).stdout);
    expect(json.progress).toMatchObject({ total: 14, answered: 1, submitted: 1 });
    expect(json.evaluation.items).toHaveLength(14);
  });

  it('exits 1 for an unknown evaluation and 2 without one', () => {
    const db = join(dir, 'db.sqlite');
    expect(jixiao(['status', 'ev_nothing', '--db', db])).toMatchObject({ code: 1, stderr: expect.stringContaining('找不到评价 ev_nothing') });
    expect(jixiao(['status', '--db', db])).toMatchObject({ code: 2 });
  });
});
