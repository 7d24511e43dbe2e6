import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { getProfile, profileNames, DEFAULT_PROFILE } from '../../domain/scoring/profiles';
import { renderScoreText } from '../../domain/scoring/render-text';
import { scoreEvaluation } from '../../domain/scoring/score-evaluation';
import { readDepartmentFile } from '../../import/department/read-department';
import { explainReading } from '../../import/tables/explain';
import { FIX_SYNTAX } from '../../import/tables/parse-fix';
import { readWithFixes } from '../../import/tables/read-with-fixes';
import { runDepartment } from './score-department';

const USAGE = `用法：jixiao score FILE [--json] [--profile NAME] [--explain] [--fix "第3行 目标=≥95%"]…

  FILE             项目支出自评表：.xlsx、.csv（各地常见版式，见 README “Tables it reads”）或 .json（见 README）；
                   部门整体支出绩效自评：.xlsx（自评表 + 评分表）或 .json（见 README“部门整体 JSON”），自动识别
  --json           输出 JSON（总分、各项得分、说明、核查提示）
  --profile NAME   评分规则，默认 ${DEFAULT_PROFILE}；可用：${profileNames().join('、')}
  --explain        先列出识别到的版式、各列的含义和每一行读成了什么（JSON 模式下放在 reading 字段）
  --fix TEXT       更正读到的表，可写多个，按顺序生效

${FIX_SYNTAX}

退出码：0 已评分；2 输入有误（提示指出单元格或行；有行无法评分时仍打印结果）。
`;

interface Options {
  file: string;
  json: boolean;
  explain: boolean;
  profile: string;
  fixes: string[];
}

function parseArgs(argv: string[]): Options | { error: string } | 'help' {
  let file: string | null = null;
  let json = false;
  let explain = false;
  let profile = DEFAULT_PROFILE;
  const fixes: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') return 'help';
    if (a === '--json') json = true;
    else if (a === '--explain') explain = true;
    else if (a === '--profile' || a === '--fix') {
      const next = argv[++i];
      if (next === undefined) return { error: a === '--fix' ? '--fix 后面需要更正内容，例如：--fix "第3行 目标=≥95%"' : '--profile 后面需要规则名称' };
      if (a === '--fix') fixes.push(next);
      else profile = next;
    } else if (a.startsWith('--profile=')) profile = a.slice('--profile='.length);
    else if (a.startsWith('--fix=')) fixes.push(a.slice('--fix='.length));
    else if (a.startsWith('-')) return { error: `不认识的选项 ${a}` };
    else if (file) return { error: `只能评一个文件（多了 ${a}）` };
    else file = a;
  }
  if (!file) return { error: '请给出要评分的文件' };
  if (!getProfile(profile)) return { error: `未知的评分规则“${profile}”。可用：${profileNames().join('、')}` };
  return { file, json, explain, profile, fixes };
}

/** `jixiao score FILE [--json] [--profile NAME]`: scores an evaluation file and prints the table or JSON. */
/** Where the command writes; tests pass a sink instead of the process streams. */
export interface Writer {
  write(text: string): unknown;
}

export async function run(argv: string[], out: Writer = process.stdout, err: Writer = process.stderr): Promise<number> {
  const opts = parseArgs(argv);
  if (opts === 'help') {
    out.write(USAGE);
    return 0;
  }
  if ('error' in opts) {
    err.write(`${opts.error}\n\n${USAGE}`);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(opts.file));
  } catch (e) {
    err.write(`无法读取文件 ${opts.file}：${(e as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : (e as Error).message}\n`);
    return 2;
  }
  const name = basename(opts.file);
  const department = await readDepartmentFile(bytes, name);
  if (department) return runDepartment(department, name, opts, out, err);
  const read = await readWithFixes(bytes, name, opts.fixes, { defaultBudgetWeight: getProfile(opts.profile)!.budgetWeight });
  if (opts.explain && !opts.json) out.write(`${read.reading ? explainReading(read.reading) : 'JSON 输入：按字段读取（格式见 README），不需要识别版式。\n'}\n`);
  if (!read.ok) {
    if (opts.explain && opts.json) out.write(`${JSON.stringify({ error: read.message, reading: read.reading }, null, 2)}\n`);
    err.write(`${read.message}\n`);
    return 2;
  }
  const result = scoreEvaluation(read.evaluation, { profile: opts.profile });
  if (opts.json) out.write(`${JSON.stringify(opts.explain ? { ...result, reading: read.reading } : result, null, 2)}\n`);
  else {
    const p = read.evaluation.project;
    const title = `${p.name}${p.year ? `（${p.year} 年度）` : ''}${p.implementingUnit ? `  实施单位：${p.implementingUnit}` : ''}`;
    out.write(renderScoreText(result, title));
    for (const note of read.notes) out.write(`注：${note}\n`);
  }
  // A row that cannot be scored is shown unscored with its reason; the exit code says the total is not final.
  if (result.inputErrors?.length) {
    err.write(`${name} 有 ${result.inputErrors.length} 处无法评分：\n${result.inputErrors.map((e) => `  ${e.message}`).join('\n')}\n`);
    return 2;
  }
  return 0;
}
