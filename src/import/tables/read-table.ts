import { decodeText, parseDelimited, sniffDelimiter } from './delimited';
import type { Grid } from './grid';
import { label } from './labels';
import { readJson } from './read-json';
import { readLayout } from './read-layout';
import { readXlsxGrids } from './read-xlsx';
import type { ReadTableResult } from './result';

export { formatTableError, type ReadTableResult, type TableError } from './result';

/** The sheet that holds the indicator table: the first one with a 三级指标 header. */
function pickSheet(grids: { name: string; grid: Grid }[]): { name: string; grid: Grid } | undefined {
  return grids.find((g) => g.grid.rows.some((row) => row.some((t) => ['三级指标', '指标名称'].includes(label(t))))) ?? grids[0];
}

/**
 * Reads an evaluation from an uploaded file: `.json` (the CLI's input format), `.csv` or `.xlsx` in either the
 * standard 自评表 layout or the project's template. Never throws; errors name the cell (`E12`) and say what to type.
 */
export async function readTable(data: Uint8Array, fileName: string): Promise<ReadTableResult> {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (ext === 'xlsx' || ext === 'xlsm') {
    const read = await readXlsxGrids(data);
    if ('error' in read) return { ok: false, errors: [{ message: read.error }] };
    const sheet = pickSheet(read.grids);
    if (!sheet) return { ok: false, errors: [{ message: '这个 Excel 文件里没有工作表。' }] };
    const result = readLayout(sheet.grid, fileName);
    if (result.ok && read.grids.length > 1) result.notes.push(`已读取工作表“${sheet.name}”。`);
    return result;
  }
  if (ext === 'xls') {
    return { ok: false, errors: [{ message: '不支持旧的 .xls 格式。请在 Excel 中“另存为 → Excel 工作簿 (.xlsx)”后再上传。' }] };
  }
  const decoded = decodeText(data);
  if ('error' in decoded) return { ok: false, errors: [{ message: decoded.error }] };
  const text = decoded.text.replace(/^\uFEFF/, '');
  if (ext === 'json') return readJson(text);
  if (ext === 'csv') return readLayout(parseDelimited(text, sniffDelimiter(text)), fileName);
  if (ext === 'tsv' || ext === 'txt') return readPastedTable(text, fileName);
  return { ok: false, errors: [{ message: `不支持“.${ext || '（无扩展名）'}”文件。请上传 .xlsx、.csv 或 .json 文件，或直接粘贴从 Excel 复制的表格。` }] };
}

/** Reads a table pasted from Excel into a chat message (tab-separated cells, one row per line). */
export function readPastedTable(text: string, name = '粘贴的表格'): ReadTableResult {
  const clean = text.replace(/^\uFEFF/, '');
  if (!clean.includes('\t')) {
    return { ok: false, errors: [{ message: '没有识别到表格。请在 Excel 中选中整张自评表（含表头）复制，再粘贴到消息里。' }] };
  }
  return readLayout(parseDelimited(clean, '\t'), name);
}
