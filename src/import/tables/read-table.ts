import { fenceEvaluationInput } from '../fences/fence-evaluation';
import { fenceGrid } from '../fences/fence-grid';
import { DEFAULT_FILE_LIMITS, type FileLimits } from '../fences/limits';
import { refusals } from '../fences/messages';
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

/** The layout reader behind the grid fence: every grid is cut to its used range and held to the limits first. */
function readGrid(grid: Grid, fileName: string, limits: FileLimits): ReadTableResult {
  const fenced = fenceGrid(grid, limits);
  return fenced.ok ? readLayout(fenced.grid, fileName) : { ok: false, errors: [{ message: fenced.message }] };
}

/**
 * Reads an evaluation from an uploaded file: `.json` (the CLI's input format), `.csv` or `.xlsx` in either the
 * standard 自评表 layout or the project's template. Never throws; errors name the cell (`E12`) and say what to type.
 * Untrusted bytes are read inside `limits` (src/import/fences/): run it through a `TableReaderRunner` to keep
 * it off the event loop as well.
 */
export async function readTable(data: Uint8Array, fileName: string, limits: FileLimits = DEFAULT_FILE_LIMITS): Promise<ReadTableResult> {
  if (data.byteLength > limits.maxFileBytes) return { ok: false, errors: [{ message: refusals.fileTooLarge(limits.maxFileBytes) }] };
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (ext === 'xlsx' || ext === 'xlsm') {
    const read = await readXlsxGrids(data, limits);
    if ('error' in read) return { ok: false, errors: [{ message: read.error }] };
    const sheet = pickSheet(read.grids);
    if (!sheet) return { ok: false, errors: [{ message: '这个 Excel 文件里没有工作表。' }] };
    const result = readGrid(sheet.grid, fileName, limits);
    if (result.ok && read.grids.length > 1) result.notes.push(`已读取工作表“${sheet.name}”。`);
    if (result.ok) result.notes.push(...read.notes);
    else result.errors.unshift(...read.notes.map((message) => ({ message })));
    return result;
  }
  if (ext === 'xls') {
    return { ok: false, errors: [{ message: '不支持旧的 .xls 格式。请在 Excel 中“另存为 → Excel 工作簿 (.xlsx)”后再上传。' }] };
  }
  const decoded = decodeText(data);
  if ('error' in decoded) return { ok: false, errors: [{ message: decoded.error }] };
  const text = decoded.text.replace(/^\uFEFF/, '');
  if (ext === 'json') return fenceJson(readJson(text), limits);
  if (ext === 'csv') return readGrid(parseDelimited(text, sniffDelimiter(text)), fileName, limits);
  if (ext === 'tsv' || ext === 'txt') return readPastedTable(text, fileName, limits);
  return { ok: false, errors: [{ message: `不支持“.${ext || '（无扩展名）'}”文件。请上传 .xlsx、.csv 或 .json 文件，或直接粘贴从 Excel 复制的表格。` }] };
}

/** Reads a table pasted from Excel into a chat message (tab-separated cells, one row per line). */
export function readPastedTable(text: string, name = '粘贴的表格', limits: FileLimits = DEFAULT_FILE_LIMITS): ReadTableResult {
  const clean = text.replace(/^\uFEFF/, '');
  if (!clean.includes('\t')) {
    return { ok: false, errors: [{ message: '没有识别到表格。请在 Excel 中选中整张自评表（含表头）复制，再粘贴到消息里。' }] };
  }
  return readGrid(parseDelimited(clean, '\t'), name, limits);
}

function fenceJson(result: ReadTableResult, limits: FileLimits): ReadTableResult {
  const refusal = result.ok ? fenceEvaluationInput(result.evaluation, limits) : null;
  return refusal ? { ok: false, errors: [{ message: refusal }] } : result;
}
