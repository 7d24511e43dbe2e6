import type { ReadOutcome, TableReaders } from '../handlers/deps';
import { readPastedTable, readTable, type ReadTableResult } from '../import/tables/read-table';
import { buildTemplateWorkbook } from '../import/tables/template';

/** The import feature's table readers (issue 2) in the shape the chat handlers take. */
export const tableReaders: TableReaders = {
  readFile: async (bytes, fileName) => outcome(await readTable(bytes, fileName)),
  readPasted: async (text) => outcome(readPastedTable(text)),
  template: async () => ({ fileName: '绩效自评表模板.xlsx', bytes: await buildTemplateWorkbook() }),
};

function outcome(result: ReadTableResult): ReadOutcome {
  if (result.ok) return { ok: true, input: result.evaluation };
  // Each problem on its own line, led by the cell or row it is in, so the clerk can fix the sheet.
  const lines = result.errors.slice(0, 10).map((e) => (e.cell ? `${e.cell}：${e.message}` : e.row ? `第 ${e.row} 行：${e.message}` : e.message));
  if (result.errors.length > 10) lines.push(`……另有 ${result.errors.length - 10} 处问题。`);
  return { ok: false, message: lines.join('\n') };
}
