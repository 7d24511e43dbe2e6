import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

/** Runs the real `jixiao` binary (as a user would) with a clean environment apart from what is given. */
export function jixiao(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'jixiao.mjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Same, without blocking this process — for tests that serve something (a fake Lark) to the CLI. */
export function jixiaoAsync(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'jixiao.mjs'), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-cli-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * 003-T1 written out as the standard 自评表 CSV the clerk would export from Excel, with a 责任人 column
 * (张伟, 李娜, 王芳 in turn) and the 实际完成值 column still empty.
 */
export function writeT1Csv(dir: string): string {
  const seed = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'seeds', '003-t1.json'), 'utf8'));
  const owners = ['张伟', '李娜', '王芳'];
  const q = (v: unknown) => (v === null || v === undefined ? '' : `"${String(v).replace(/"/g, '""')}"`);
  const lines = [
    '项目支出绩效自评表',
    `项目名称,${q(seed.project.name)}`,
    `主管部门,${q(seed.project.department)},,实施单位,${q(seed.project.implementingUnit)}`,
    '项目资金（万元）,,年初预算数,全年预算数,全年执行数,分值,执行率,得分',
    `,年度资金总额,${seed.budget.initial},${seed.budget.fullYear},,${seed.budget.weight},,`,
    '一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,偏差原因分析及改进措施,责任人',
    ...seed.indicators.map(
      (r: { level1: string; level2: string; name: string; target: string; weight: number }, i: number) =>
        [q(r.level1), q(r.level2), q(r.name), q(r.target), '', r.weight, '', '', owners[i % 3]].join(','),
    ),
  ];
  const file = join(dir, '003-t1.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** Runs a command's `run(argv, out, err)` in process, keeping what it prints. */
export async function runInProcess(run: (argv: string[], out: { write(s: string): unknown }, err: { write(s: string): unknown }) => Promise<number>, argv: string[]) {
  let out = '';
  let err = '';
  const code = await run(argv, { write: (s: string) => (out += s) }, { write: (s: string) => (err += s) });
  return { code, out, err };
}
