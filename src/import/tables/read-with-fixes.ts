import type { EvaluationInput } from '../../domain/evaluation';
import { applyCorrections, type Correction } from './corrections';
import { parseFix } from './parse-fix';
import { readTableFile, type ReadOptions } from './read-table';
import type { TableReading } from './reading';
import { formatTableError } from './result';
import { readingNotes, toReadTableResult } from './summary';

export type PreparedTable =
  | { ok: true; evaluation: EvaluationInput; notes: string[]; deadline: string | null; reading: TableReading | null }
  | { ok: false; message: string; reading: TableReading | null };

/** A `--fix` that would settle the first blocking problem, as an example in the refusal. */
function example(reading: TableReading): string {
  for (const row of reading.rows) {
    const f = row.status === 'blocked' ? row.flags.find((x) => x.blocking) : undefined;
    if (!f) continue;
    const what = f.code.startsWith('weight') ? '分值=5' : f.code === 'name-missing' ? '名称=…' : '目标=≥95%';
    return `例如：--fix "第${row.row}行 ${what}"，不是指标的行：--fix "第${row.row}行 非指标"`;
  }
  const budget = reading.flags.find((f) => f.blocking && f.field);
  if (budget) return `例如：--fix "预算 ${budget.field === 'weight' ? '分值=10' : '全年预算数=105'}"`;
  return '例如：--fix "第14行 恢复"';
}

/**
 * A file read, corrected by the `--fix` texts in order, and made into an evaluation — what `jixiao import` and
 * `jixiao score` do with a table. Refusals say, in Chinese, which row or cell to fix and how.
 */
export async function readWithFixes(data: Uint8Array, fileName: string, fixes: readonly string[], opts: ReadOptions = {}): Promise<PreparedTable> {
  const file = await readTableFile(data, fileName, opts);
  if (!file.ok) return { ok: false, message: `${fileName} 无法读取：\n${file.errors.map((e) => `  ${formatTableError(e)}`).join('\n')}`, reading: null };
  if (file.kind === 'json') {
    if (fixes.length) return { ok: false, message: '--fix 只用于表格（.xlsx、.csv、粘贴的文本）；JSON 输入请直接修改文件。', reading: null };
    return { ok: true, evaluation: file.evaluation, notes: file.notes, deadline: null, reading: null };
  }
  const corrections: Correction[] = [];
  for (const text of fixes) {
    const parsed = parseFix(text);
    if (!parsed.ok) return { ok: false, message: `--fix “${text}”：${parsed.message}`, reading: file.reading };
    corrections.push(...parsed.corrections);
  }
  const fixed = applyCorrections(file.reading, corrections);
  if (!fixed.ok) return { ok: false, message: `--fix 无法应用：${fixed.message}`, reading: file.reading };
  const reading = fixed.reading;
  const result = toReadTableResult(reading);
  if (!result.ok) {
    const lines = result.errors.map((e) => `  ${formatTableError(e)}`);
    return {
      ok: false,
      message: `${fileName} 有 ${result.errors.length} 处需要更正（其余各行已读出，--explain 可看逐行结果）：\n${lines.join('\n')}\n可用 --fix 更正后再运行，${example(reading)}。`,
      reading,
    };
  }
  return { ok: true, evaluation: result.evaluation, notes: readingNotes(reading), deadline: reading.deadline, reading };
}
