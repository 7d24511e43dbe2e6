import { buildTemplateWorkbook } from '../../../import/tables/template';
import { readPastedTable, readTable, type ReadTableResult } from '../../../import/tables/read-table';
import type { ReadOutcome, TableReaders } from '../../shared/deps';

/** The import feature's readers behind the handlers' `TableReaders` seam. */
export const importTableReaders: TableReaders = {
  readFile: async (bytes, fileName) => toOutcome(await readTable(bytes, fileName)),
  readPasted: async (text) => toOutcome(readPastedTable(text)),
  template: async () => ({ fileName: '绩效指标填报模板.xlsx', bytes: await buildTemplateWorkbook() }),
};

const MAX_ERRORS = 5;

function toOutcome(result: ReadTableResult): ReadOutcome {
  if (result.ok) return { ok: true, input: result.evaluation, deadline: result.deadline ?? null };
  const lines = result.errors.slice(0, MAX_ERRORS).map((e) => `${e.cell ? `${e.cell}：` : e.row ? `第 ${e.row} 行：` : ''}${e.message}`);
  if (result.errors.length > MAX_ERRORS) lines.push(`……还有 ${result.errors.length - MAX_ERRORS} 处问题。`);
  return { ok: false, message: lines.join('\n') };
}
