import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/score';
import { runInProcess } from '../helpers/cli';

const ROOT = join(import.meta.dirname, '../..');
const SEEDS = join(ROOT, 'test/fixtures/seeds');
const TABLES = join(ROOT, 'test/fixtures/tables');

const score = (...argv: string[]) => runInProcess(run, argv);

describe('jixiao score', () => {
  it.each([
    ['003-t1.json', 94, '优'],
    ['003-t2.json', 98.13, '优'],
    ['003-t3.json', 98.64, '优'],
    ['003-t4.json', 100, '优'],
    ['003-t5.json', 100, '优'],
    ['003-t6.json', 100, '优'],
    ['003-t7.json', 96.8, '优'],
    ['003-t1.xlsx', 94, '优'],
    ['003-t2.xlsx', 98.13, '优'],
    ['003-t3.xlsx', 98.64, '优'],
    ['003-t7.xlsx', 96.8, '优'],
  ])('%s --json → total %s', async (file, total, grade) => {
    const r = await score(join(SEEDS, file), '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({ total, grade, profile: 'mof-2020' });
    expect(typeof json.budget.rate).toBe('number');
    expect(typeof json.budget.score).toBe('number');
    for (const i of json.indicators) {
      expect(Object.keys(i)).toEqual(expect.arrayContaining(['score', 'kind', 'deviationRequired', 'explanation']));
    }
    for (const w of json.warnings) expect(Object.keys(w)).toEqual(expect.arrayContaining(['code', 'message']));
  });

  it('prints a readable table with explanations and the audit', async () => {
    const r = await score(join(SEEDS, '003-t7.xlsx'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('专项业务费');
    expect(r.out).toContain('实际 7.71 ÷ 目标 10 × 分值 10 = 7.71');
    expect(r.out).toContain('总分 96.80  等级 优');
    expect(r.out).toContain('表上各行得分合计 103，而表上总分为 98');
  });

  it('scores under another profile', async () => {
    const r = await score(join(SEEDS, '003-t2.json'), '--json', '--profile', 'hubei-2020');
    expect(JSON.parse(r.out)).toMatchObject({ profile: 'hubei-2020' });
  });

  it('exits 2 naming the cell when the table is bad', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-score-'));
    const file = join(dir, 'bad.csv');
    writeFileSync(file, '项目名称,甲\n全年预算数,10,全年执行数,9\n一级指标,二级指标,三级指标,年度指标值,分值,实际完成值\n产出指标,数量指标,培训,≥2次,十分,2\n');
    const r = await score(file);
    expect(r.code).toBe(2);
    expect(r.err).toContain('E4：');
    expect(r.out).toBe('');
  });

  it('exits 2 naming the row when a JSON value cannot be scored', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-score-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ project: { name: '甲' }, budget: { fullYear: 10, executed: 9 }, indicators: [{ level1: '产出指标', level2: '数量指标', name: '培训', target: '≥2次', weight: 5, actual: '两次' }] }));
    const r = await score(file, '--json');
    expect(r.code).toBe(2);
    expect(r.err).toContain('第 1 项“培训”');
  });

  it('exits 2 on usage errors and a missing file, 0 on --help', async () => {
    expect((await score()).code).toBe(2);
    expect((await score('x.json', '--profile', 'nope')).err).toContain('未知的评分规则');
    expect((await score(join(SEEDS, 'missing.json'))).err).toContain('文件不存在');
    expect((await score('--help')).code).toBe(0);
  });

  it('--explain names the layout and how each column was read, then scores', async () => {
    const r = await score(join(TABLES, 'yunnan-filled-2020.xlsx'), '--explain');
    expect(r.code).toBe(0);
    expect(r.out).toContain('版式：年度指标值分为 指标性质 | 指标值 | 度量单位 三列的自评表');
    expect(r.out).toContain('指标表头：第 11–12 行');
    expect(r.out).toContain('D 列“指标性质” → 指标性质（运算符）');
    expect(r.out).toContain('第 19 行 ⊘ 跳过：合计行');
    expect(r.out).toContain('总分 100.00  等级 优');
    const json = JSON.parse((await score(join(TABLES, 'yunnan-filled-2020.xlsx'), '--explain', '--json')).out);
    expect(json.reading.layout.columns.map((c: { column: string; key: string }) => `${c.column}:${c.key}`)).toContain('E:target');
    expect((await score(join(SEEDS, '003-t2.json'), '--explain')).out).toContain('JSON 输入');
  });

  it.each([
    ['hubei-filled-2020.xlsx', ['--profile', 'hubei-2020'], 92.02],
    ['yunnan-filled-2020.xlsx', [], 100],
    ['special-fund-in-yuan-2021.xlsx', [], 99.5],
    ['ningxia-no-budget-2022.xlsx', [], 100],
    ['hebei-school-2019.xlsx', [], 98.65],
  ])('a filled real-layout table scores exactly: %s → %s', async (file, extra, total) => {
    const r = await score(join(TABLES, file), '--json', ...extra);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).total).toBe(total);
  });

  it('--fix settles what blocks a table; without it the refusal names the cell and the fix to type', async () => {
    const file = join(TABLES, 'anhui-targets-in-names-2022.xlsx');
    const refused = await score(file);
    expect(refused.code).toBe(2);
    expect(refused.out).toBe('');
    expect(refused.err).toContain('E19：“帮扶政策知晓率”没有年度指标值');
    expect(refused.err).toContain('--fix "第19行 目标=≥95%"');
    const fixed = await score(file, '--json', '--fix', '第19行 目标=≥95%');
    expect(fixed.code).toBe(0);
    expect(JSON.parse(fixed.out)).toMatchObject({ total: 95.05 });
    const skipped = await score(file, '--json', '--fix=第19行 非指标');
    expect(JSON.parse(skipped.out).indicators).toHaveLength(7);
    const bad = await score(file, '--fix', '第19行 颜色=红');
    expect(bad).toMatchObject({ code: 2, out: '' });
    expect(bad.err).toContain('--fix 的写法');
    expect((await score(join(SEEDS, '003-t2.json'), '--fix', '第1行 分值=5')).err).toContain('JSON 输入请直接修改文件');
  });

  it('prints the table with a row it cannot score left unscored, and exits 2', async () => {
    const file = join(TABLES, 'hunan-special-fund-2020.xlsx');
    const weights = [20, 10, 5, 5, 10, 20, 10, 10].flatMap((w, i) => ['--fix', `第${11 + i}行 分值=${w}`]);
    const r = await score(file, ...weights);
    expect(r.code).toBe(2);
    expect(r.out).toContain('总分');
    expect(r.err).toContain('“已完成养护任务”不是一个数值');
    expect(r.err).toContain('单位不一致');
  });

  it('runs through the real binary', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [join(ROOT, 'bin/jixiao.mjs'), 'score', join(SEEDS, '003-t1.xlsx'), '--json'], { cwd: ROOT });
    const json = JSON.parse(stdout);
    expect(json.total).toBe(94);
    expect(json.budget).toMatchObject({ rate: 0.5429, score: 5.43, printedScore: 6 });
    const bad = await promisify(execFile)(process.execPath, [join(ROOT, 'bin/jixiao.mjs'), 'score', join(SEEDS, 'nope.xlsx')], { cwd: ROOT }).catch((e: { code: number }) => e);
    expect((bad as { code: number }).code).toBe(2);
  });
});
