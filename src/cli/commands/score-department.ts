import { renderDepartmentText } from '../../domain/department/render-text';
import { scoreDepartment } from '../../domain/department/score-department';
import { formatTableError, type DepartmentReadResult } from '../../import/department/read-department';
import type { Writer } from './score';

/**
 * `jixiao score` on a 部门整体 file (.xlsx or .json, recognised by `readDepartmentFile`): prints the subtotals, every
 * indicator, the account checks and the audit, or with `--json` the whole result (`total`, `grade`, `levels`,
 * `warnings` naming node, stated and computed). Rows the reader could not read are listed; the rest is scored.
 * Exit 0 when everything was read, 2 when something must be fixed (the file is refused, or rows were flagged).
 */
export function runDepartment(read: DepartmentReadResult, file: string, opts: { json: boolean; profile: string }, out: Writer, err: Writer): number {
  if (!read.ok) {
    err.write(`${file} 有 ${read.errors.length} 处需要修改：\n${read.errors.map((e) => `  ${formatTableError(e)}`).join('\n')}\n`);
    return 2;
  }
  const result = scoreDepartment(read.evaluation, { profile: opts.profile });
  if (opts.json) {
    const subtotals = result.levels.map((l) => ({ name: l.name, weight: l.weight, score: l.score, statedWeight: l.statedWeight, statedScore: l.statedScore }));
    out.write(`${JSON.stringify({ ...result, subtotals, readIssues: read.issues.map(formatTableError), notes: read.notes }, null, 2)}\n`);
  } else {
    out.write(renderDepartmentText(result));
    for (const note of read.notes) out.write(`注：${note}\n`);
  }
  if (read.issues.length) err.write(`${file} 有 ${read.issues.length} 处未能读取，相关行未计分：\n${read.issues.map((e) => `  ${formatTableError(e)}`).join('\n')}\n`);
  return read.issues.length || result.inputErrors.length ? 2 : 0;
}
