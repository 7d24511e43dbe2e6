import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFakeLark } from '../../src/fake-lark';
import { listenFakeLark } from '../../src/fake-lark/listen';
import { testCrypto } from '../helpers/signing';
import { jixiao, jixiaoAsync, tempDir, writeT1Csv } from '../helpers/cli';

const TABLES = join(import.meta.dirname, '..', 'fixtures', 'tables');

let dir: string;
let remove: () => void;
beforeEach(() => ({ dir, remove } = tempDir()));
afterEach(() => remove());

describe('jixiao import', { timeout: 120_000 }, () => {
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

  it('imports a real layout: rows that block are named with the --fix to type; with the fixes it imports, the skipped rows listed and left out of the export', () => {
    const file = join(TABLES, 'hunan-special-fund-2020.xlsx');
    const db = join(dir, 'db.sqlite');
    const base = ['import', file, '--chat', 'oc_group', '--admin', 'ou_admin', '--offline', '--db', db];
    const refused = jixiao([...base, '--json']);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('有 8 处需要更正');
    expect(refused.stderr).toContain('第 11 行：“农村公路养护里程”没有分值');
    expect(refused.stderr).toContain('--fix "第11行 分值=5"');

    const weights = [20, 10, 5, 5, 10, 20, 10, 10].flatMap((w, i) => ['--fix', `第${11 + i}行 分值=${w}`]);
    const r = jixiao([...base, '--json', ...weights]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.evaluationId).toMatch(/^ev_/);
    expect(out.skipped).toEqual([
      { row: 19, reason: '表下的说明或注释：说明' },
      { row: 20, reason: expect.stringContaining('表下的说明或注释：注：1、其他资金') },
    ]);
    expect(out.corrections).toHaveLength(8);

    const exported = JSON.parse(jixiao(['export', out.evaluationId, '--json', '--db', db]).stdout);
    expect(exported.indicators.map((i: { name: string; target: string; weight: string }) => [i.name, i.target, Number(i.weight)])).toEqual([
      ['农村公路养护里程', '≥320公里', 20],
      ['养护路段优良率', '≥85%', 10],
      ['路面病害处置率', '100%', 5],
      ['汛期水毁修复时间', '10月前', 5],
      ['每公里养护成本', '≤0.65万元', 10],
      ['群众出行条件', '明显改善', 20],
      ['养护长效机制', '有效', 10],
      ['沿线群众满意度', '≥90%', 10],
    ]);
    expect(exported.budget).toMatchObject({ fullYear: '210.5', weight: 10 });
  });

  it('--explain prints the layout and every row before the import summary', () => {
    const r = jixiao(['import', join(TABLES, 'sichuan-county-2023.xlsx'), '--chat', 'oc_group', '--admin', 'ou_admin', '--offline', '--explain', '--db', join(dir, 'db.sqlite')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('版式：年度指标值分为 指标性质 | 指标值 | 度量单位 三列的自评表');
    expect(r.stdout).toContain('全年预算数=D列“调整后预算数”');
    expect(r.stdout).toContain('第 24 行 ⊘ 跳过：签字栏');
    expect(r.stdout).toContain('已导入：51092324T000010299999-2023年政法业务终端设备购置项目');
    expect(r.stdout).toContain('指标 6 项');
  });

  it('with a Lark app configured, matches 责任人 against the group’s members and by email, as the chat import does', async () => {
    const fake = createFakeLark({ crypto: testCrypto });
    const admin = fake.addUser({ name: '刘洋' });
    const zhang = fake.addUser({ name: '张伟' });
    const li = fake.addUser({ name: '李娜' });
    const wang = fake.addUser({ name: '王芳', email: 'wang.fang@example.cn' });
    const otherZhang = fake.addUser({ name: '张伟' });
    const chat = fake.addChat({ name: '金融监管专项经费自评', members: [admin.openId, zhang.openId, li.openId, wang.openId] });
    const server = await listenFakeLark(fake);
    try {
      // 王芳's rows name her by email; one extra 张伟 outside the group must not make 张伟 ambiguous.
      const csv = writeT1Csv(dir);
      const { readFileSync, writeFileSync } = await import('node:fs');
      writeFileSync(csv, readFileSync(csv, 'utf8').replace(/,王芳$/gm, ',wang.fang@example.cn'));
      void otherZhang;
      const r = await jixiaoAsync(['import', csv, '--chat', chat.chatId, '--admin', admin.openId, '--json', '--db', join(dir, 'db.sqlite')], fake.env(server.baseUrl));
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.ownerIssues).toEqual([]);
      const status = JSON.parse((await jixiaoAsync(['status', out.evaluationId, '--json', '--db', join(dir, 'db.sqlite')])).stdout);
      const owners = status.evaluation.items.map((i: { owner: { openId: string; name: string | null } }) => i.owner.openId);
      expect(owners).toEqual([admin.openId, ...Array.from({ length: 13 }, (_, i) => [zhang.openId, li.openId, wang.openId][i % 3])]);
      expect(status.evaluation.items[0].owner.name).toBe('刘洋');

      const offline = await jixiaoAsync(['import', csv, '--offline', '--chat', chat.chatId, '--admin', admin.openId, '--json', '--db', join(dir, 'db.sqlite')], fake.env(server.baseUrl));
      expect(JSON.parse(offline.stdout).ownerIssues).toHaveLength(13);

      const noChat = await jixiaoAsync(['import', csv, '--chat', 'oc_unknown', '--admin', admin.openId, '--db', join(dir, 'db.sqlite')], fake.env(server.baseUrl));
      expect(noChat).toMatchObject({ code: 2, stderr: expect.stringContaining('读取群 oc_unknown 的成员失败') });
    } finally {
      await server.close();
    }
  });
});
