import type { Correction } from './corrections-schema';

/**
 * The text form of a correction, for `jixiao import … --fix` and `jixiao score … --fix` (and anything else that
 * takes a correction typed as text). Documented in docs-drafts/tables-it-reads.md; `FIX_SYNTAX` is the help text.
 *
 *   第3行 目标=≥95%          第3行 分值=5；名称=资金拨付及时率
 *   第5行 不适用             第20行 非指标             第20行 恢复 分值=5
 *   预算 全年预算数=89.974   预算 全年执行数=80；分值=10
 *
 * Parsed by scanning, not by one large regex, so any text is read in linear time.
 */
export const FIX_SYNTAX = `--fix 的写法（可写多个 --fix，按顺序生效；行号是 Excel 里的行号，--explain 会列出）：
  "第3行 目标=≥95%"            改年度指标值
  "第3行 分值=5"               改分值（按分数写，20% 写 20）
  "第3行 名称=资金拨付及时率"   改三级指标名称；还可改 一级指标= 二级指标= 责任人= 实际完成值=
  "第3行 目标=≥95%；分值=5"     一次改几项，用“；”分开
  "第5行 不适用"               标记为不适用（不收集、不计分，总分按适用指标折算为百分制）；"第5行 适用" 取消
  "第20行 非指标"              标记为非指标，跳过这一行
  "第20行 恢复"                取消跳过（表上被跳过的行也可以恢复），可接着写 分值= 等
  "预算 全年预算数=89.974"      改预算（万元）：年初预算数= 全年预算数= 全年执行数= 分值=`;

const ROW_FIELDS: [string, Extract<Correction, { kind: 'row-field' }>['field']][] = [
  ['年度指标值', 'target'],
  ['实际完成值', 'actual'],
  ['三级指标', 'name'],
  ['指标名称', 'name'],
  ['一级指标', 'level1'],
  ['二级指标', 'level2'],
  ['指标值', 'target'],
  ['目标值', 'target'],
  ['完成值', 'actual'],
  ['实际值', 'actual'],
  ['责任人', 'owner'],
  ['目标', 'target'],
  ['分值', 'weight'],
  ['权重', 'weight'],
  ['名称', 'name'],
  ['实际', 'actual'],
  ['一级', 'level1'],
  ['二级', 'level2'],
  ['指标', 'name'],
];
const BUDGET_FIELDS: [string, Extract<Correction, { kind: 'budget' }>['field']][] = [
  ['调整后预算数', 'fullYear'],
  ['全年预算数', 'fullYear'],
  ['全年执行数', 'executed'],
  ['预算执行数', 'executed'],
  ['年初预算数', 'initial'],
  ['年初预算', 'initial'],
  ['全年预算', 'fullYear'],
  ['预算数', 'fullYear'],
  ['执行数', 'executed'],
  ['年初', 'initial'],
  ['分值', 'weight'],
  ['权重', 'weight'],
];
type Action = 'not-applicable' | 'applicable' | 'skip' | 'restore';
const ACTIONS: [string, Action][] = [
  ['取消跳过', 'restore'],
  ['不是指标', 'skip'],
  ['不适用', 'not-applicable'],
  ['非指标', 'skip'],
  ['是指标', 'restore'],
  ['适用', 'applicable'],
  ['跳过', 'skip'],
  ['恢复', 'restore'],
];

export type FixParse = { ok: true; corrections: Correction[] } | { ok: false; message: string };

const fail = (message: string): FixParse => ({ ok: false, message: `${message}\n${FIX_SYNTAX}` });
const SEPARATORS = new Set([';', '；', ' ', '\t', '　', ',', '，', '、']);
const EQUALS = new Set(['=', '＝']);

/** `第3行` / `第 3 行` / `3行` / `行3` / `预算` at the start: the row number, or 'budget'. */
function designator(s: string): { target: number | 'budget'; rest: string } | null {
  if (s.startsWith('预算')) return { target: 'budget', rest: s.slice(2) };
  const m = /^(?:第\s{0,3}(\d{1,6})\s{0,3}行|(\d{1,6})\s{0,3}行|行\s{0,3}(\d{1,6}))/.exec(s);
  if (!m) return null;
  const n = Number(m[1] ?? m[2] ?? m[3]);
  return n > 0 ? { target: n, rest: s.slice(m[0].length) } : null;
}

function wordAt<T>(s: string, i: number, words: [string, T][]): [string, T] | null {
  for (const w of words) if (s.startsWith(w[0], i)) return w;
  return null;
}

/** Where a value ends: at `；`/`;`, or at a space or comma followed by the next `字段=` or an action word. */
function valueEnd(s: string, from: number, fields: [string, unknown][]): number {
  for (let i = from; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === ';' || ch === '；') return i;
    if (!SEPARATORS.has(ch)) continue;
    let j = i + 1;
    while (s[j] === ' ' || s[j] === '\t' || s[j] === '　') j++;
    const field = wordAt(s, j, fields);
    if (field) {
      let k = j + field[0].length;
      while (s[k] === ' ') k++;
      if (EQUALS.has(s[k] ?? '')) return i;
    }
    const action = wordAt(s, j, ACTIONS);
    if (action) {
      const after = s[j + action[0].length];
      if (after === undefined || SEPARATORS.has(after)) return i;
    }
  }
  return s.length;
}

/** Parses one `--fix` text into the corrections it asks for, or says what is wrong and how to write it. */
export function parseFix(input: string): FixParse {
  const text = input.normalize('NFKC').trim();
  if (!text) return fail('--fix 后面是空的。');
  if (text.length > 600) return fail('--fix 太长了：一次只改一行（或预算），内容不超过 600 个字。');
  const head = designator(text);
  if (!head) return fail(`看不懂“${text.slice(0, 20)}”：请以“第N行”或“预算”开头，例如：第3行 目标=≥95%。`);
  const { target, rest } = head;
  const fields: [string, string][] = target === 'budget' ? BUDGET_FIELDS : ROW_FIELDS;
  const out: Correction[] = [];
  let i = 0;
  while (i < rest.length) {
    if (SEPARATORS.has(rest[i]!)) {
      i++;
      continue;
    }
    const action = wordAt(rest, i, ACTIONS);
    const field = wordAt(rest, i, fields);
    let k = field ? i + field[0].length : i;
    while (field && rest[k] === ' ') k++;
    if (field && EQUALS.has(rest[k] ?? '')) {
      const end = valueEnd(rest, k + 1, fields);
      const value = rest.slice(k + 1, end).trim();
      if (target === 'budget') out.push({ kind: 'budget', field: (field as [string, Extract<Correction, { kind: 'budget' }>['field']])[1], value });
      else out.push({ kind: 'row-field', row: target, field: (field as [string, Extract<Correction, { kind: 'row-field' }>['field']])[1], value });
      i = end;
      continue;
    }
    if (action && target !== 'budget') {
      const [word, what] = action;
      const row = target;
      if (what === 'not-applicable' || what === 'applicable') out.push({ kind: 'row-applicable', row, applicable: what === 'applicable' });
      else if (what === 'restore') out.push({ kind: 'row-restore', row });
      else {
        // `第20行 非指标 原因=签字栏`
        let j = i + word.length;
        while (rest[j] === ' ') j++;
        let reason: string | null = null;
        if (rest.startsWith('原因', j) && EQUALS.has(rest[j + 2] ?? '')) {
          const end = valueEnd(rest, j + 3, fields);
          reason = rest.slice(j + 3, end).trim() || null;
          out.push({ kind: 'row-skip', row, reason });
          i = end;
          continue;
        }
        out.push({ kind: 'row-skip', row, reason });
      }
      i += word.length;
      continue;
    }
    const what = target === 'budget' ? '年初预算数= 全年预算数= 全年执行数= 分值=' : '目标= 分值= 名称= 一级指标= 二级指标= 实际完成值= 责任人=，或 不适用 / 适用 / 非指标 / 恢复';
    return fail(`看不懂“${rest.slice(i, i + 12)}”。${target === 'budget' ? '预算' : `第${target}行`}后面可以写：${what}。`);
  }
  if (!out.length) return fail(`“${text}”没有说要改什么，例如：第3行 目标=≥95%。`);
  return { ok: true, corrections: out };
}
