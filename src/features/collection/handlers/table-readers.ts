import type { EvaluationInput } from '../../../domain/evaluation';
import { readPastedTable, readTable } from '../../../import/tables/read-table';
import { formatTableError, type ReadTableResult } from '../../../import/tables/result';
import { buildTemplateWorkbook } from '../../../import/tables/template';

/** What reading a sheet gave: an evaluation, or a Chinese message saying what is wrong with the sheet. */
export type ReadOutcome = { ok: true; input: EvaluationInput; deadline?: string | null } | { ok: false; message: string };

/** A sent .xlsx / .csv file. */
export async function readSheetFile(bytes: Uint8Array, fileName: string): Promise<ReadOutcome> {
  return toOutcome(await readTable(bytes, fileName));
}

/** A table pasted from Excel into a message. */
export async function readPastedSheet(text: string): Promise<ReadOutcome> {
  return toOutcome(readPastedTable(text));
}

/** The project's own simple template as .xlsx (`模板`). */
export async function templateFile(): Promise<{ fileName: string; bytes: Uint8Array }> {
  return { fileName: '绩效指标填报模板.xlsx', bytes: await buildTemplateWorkbook() };
}

const MAX_ERRORS = 5;

function toOutcome(result: ReadTableResult): ReadOutcome {
  if (result.ok) return { ok: true, input: result.evaluation, deadline: result.deadline ?? null };
  const lines = result.errors.slice(0, MAX_ERRORS).map(formatTableError);
  if (result.errors.length > MAX_ERRORS) lines.push(`……还有 ${result.errors.length - MAX_ERRORS} 处问题。`);
  return { ok: false, message: lines.join('\n') };
}
