import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/score';
import { jixiao, runInProcess } from '../helpers/cli';

const FIXTURES = join(import.meta.dirname, '../fixtures/department');

const score = (...argv: string[]) => runInProcess(run, argv);

describe('jixiao score on a 部门整体 file', () => {
  it.each(['004-wanzhou.json', '004-wanzhou.xlsx'])('%s --json → 97.00, 优, the seed’s own errors with both numbers', async (file) => {
    const r = await score(join(FIXTURES, file), '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({ kind: 'department', total: 97, grade: '优' });
    expect(json.subtotals).toEqual([
      { name: '投入', weight: 17, score: 17, statedWeight: 17, statedScore: 17 },
      { name: '过程', weight: 63, score: 61, statedWeight: 63, statedScore: 63 },
      { name: '产出及效益', weight: 20, score: 19, statedWeight: 20, statedScore: 19 },
    ]);
    for (const w of json.warnings) expect(Object.keys(w)).toEqual(expect.arrayContaining(['code', 'node', 'stated', 'computed', 'message']));
    expect(json.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'weight-sum-mismatch', node: '投入/目标设定', stated: 6, computed: 7 }),
        expect.objectContaining({ code: 'stated-subtotal-mismatch', node: '过程', stated: 63, computed: 61 }),
        expect.objectContaining({ code: 'stated-total-mismatch', node: '总分', stated: 99, computed: 97 }),
        expect.objectContaining({ code: 'figure-conflict', node: '日常公用经费', stated: 16.29, computed: 38.27 }),
      ]),
    );
  });

  it('prints subtotals, the formulas, the account checks and the findings', async () => {
    const r = await score(join(FIXTURES, '004-wanzhou.xlsx'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('重庆市万州区金融工作办公室（2019 年度）部门整体支出绩效自评');
    expect(r.out).toMatch(/过程\s+63\s+61\.00\s+63 ✗/);
    expect(r.out).toContain('在职人员控制率 = 在职人员数 7 ÷ 编制数 7 × 100% = 100.00%；≤100%，得满分 5 分');
    expect(r.out).toContain('总分 97.00  等级 优');
    expect(r.out).toContain('财务数据核对（9 项，1 项不符）');
    expect(r.out).toContain('✗ [总分] 表上总分 99，按各项得分计算为 97.00');
  });

  it('scores what it can read and exits 2 naming the cells it could not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-dept-'));
    const file = join(dir, '某局.json');
    writeFileSync(
      file,
      JSON.stringify({
        kind: '部门整体',
        unit: { name: '某局', year: 2025 },
        figures: { staff: { authorized: '十', actual: 9 } },
        criteria: [{ name: '投入', children: [{ name: '在职人员控制率', weight: 50 }, { name: '绩效目标合理性', weight: 50, score: 50, note: '符合' }] }],
      }),
    );
    const r = await score(file, '--json');
    expect(r.code).toBe(2);
    const json = JSON.parse(r.out);
    expect(json.total).toBe(50);
    expect(json.inputErrors).toEqual([{ node: '人员编制', message: '人员编制“十”不是数字。请填写数字（单位：人），例如：7。' }]);
  });

  it('refuses a JSON that is not one, saying where', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-dept-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ kind: '部门整体', criteria: [] }));
    const r = await score(file);
    expect(r.code).toBe(2);
    expect(r.err).toContain('单位信息缺失，请补上（位置 unit）');
  });
});

describe('through the real binary', () => {
  it('jixiao score 004-wanzhou.xlsx --json', async () => {
    const r = jixiao(['score', join(FIXTURES, '004-wanzhou.xlsx'), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ total: 97, grade: '优' });
  });
});
