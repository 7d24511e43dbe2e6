import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jixiao, tempDir, writeT1Csv } from './cli-support';

let dir: string;
let remove: () => void;
beforeEach(() => ({ dir, remove } = tempDir()));
afterEach(() => remove());

describe('jixiao import', () => {
  it('stores the table as a draft and lists the owners it could not match', async () => {
    const csv = writeT1Csv(dir);
    const db = join(dir, 'jixiao.sqlite');
    const r = jixiao(['import', csv, '--chat', 'oc_group', '--admin', 'ou_admin', '--owner', '张伟=ou_zhangwei', '--owner', '李娜=ou_lina', '--json', '--db', db]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ evaluationId: expect.stringMatching(/^ev_/), tenantKey: 'local', status: 'draft', problems: [] });
    // 王芳 is not among the given members: her four rows wait for the importer, unguessed.
    expect(out.ownerIssues.map((i: { position: number; status: string; raw: string }) => [i.position, i.status, i.raw])).toEqual([
      [3, 'not_found', '王芳'],
      [6, 'not_found', '王芳'],
      [9, 'not_found', '王芳'],
      [12, 'not_found', '王芳'],
    ]);

    const human = jixiao(['import', csv, '--chat', 'oc_group', '--admin', 'ou_admin', '--db', db]);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('已导入：金融监管专项经费');
    expect(human.stdout).toContain('13 项的责任人需要确认');
    expect(human.stdout).toContain('第1项 参加处非联办举行的业务培训交流会：“张伟”在群成员中找不到');
  });

  it('sets the deadline and starts collection when every row has an owner', () => {
    const csv = writeT1Csv(dir);
    const r = jixiao([
      'import', csv, '--chat', 'oc_group', '--admin', 'ou_admin', '--tenant', 'tk_1',
      '--owner', '张伟=ou_zhangwei', '--owner', '李娜=ou_lina', '--owner', '王芳=ou_wangfang',
      '--deadline', '2099-10-09', '--start', '--json', '--db', join(dir, 'db.sqlite'),
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'collecting', tenantKey: 'tk_1', ownerIssues: [], problems: [] });
  });

  it('says why it cannot start, and exits 1', () => {
    const csv = writeT1Csv(dir);
    const r = jixiao(['import', csv, '--chat', 'oc_group', '--admin', 'ou_admin', '--deadline', '2099-10-09', '--start', '--db', join(dir, 'db.sqlite')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('未开始收集：还有 13 项没有责任人');
  });

  it('rejects bad arguments and unreadable tables with exit 2 and a message naming the problem', () => {
    const csv = writeT1Csv(dir);
    const db = join(dir, 'db.sqlite');
    expect(jixiao(['import', csv, '--chat', 'oc_group', '--db', db])).toMatchObject({ code: 2, stderr: expect.stringContaining('--admin') });
    expect(jixiao(['import', csv, '--admin', 'ou_a', '--db', db])).toMatchObject({ code: 2, stderr: expect.stringContaining('--chat') });
    expect(jixiao(['import', csv, '--chat', 'c', '--admin', 'ou_a', '--owner', '张伟', '--db', db])).toMatchObject({ code: 2, stderr: expect.stringContaining('姓名=ou_xxx') });
    expect(jixiao(['import', join(dir, 'nope.xlsx'), '--chat', 'c', '--admin', 'ou_a', '--db', db])).toMatchObject({ code: 2, stderr: expect.stringContaining('读不到文件') });
    const old = join(dir, 'old.xls');
    writeFileSync(old, 'x');
    expect(jixiao(['import', old, '--chat', 'c', '--admin', 'ou_a', '--db', db])).toMatchObject({ code: 2, stderr: expect.stringContaining('.xlsx') });
  });
});
