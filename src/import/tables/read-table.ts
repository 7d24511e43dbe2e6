import type { EvaluationInput } from '../../domain/evaluation';
import { fenceEvaluationInput } from '../fences/fence-evaluation';
import { fenceGrid } from '../fences/fence-grid';
import { DEFAULT_FILE_LIMITS, type FileLimits } from '../fences/limits';
import { refusals } from '../fences/messages';
import { decodeText, parseDelimited, sniffDelimiter } from './delimited';
import type { Grid } from './grid';
import { label } from './labels';
import { readJson } from './read-json';
import { type ReadSheetOptions, readSheet } from './read-sheet';
import { readXlsxGrids } from './read-xlsx';
import type { TableReading } from './reading';
import type { ReadTableResult, TableError } from './result';
import { toReadTableResult } from './summary';

export { formatTableError, type ReadTableResult, type TableError } from './result';

/** What a file holds: a sheet read row by row, the JSON input format, or why it cannot be read at all. */
export type TableFileOutcome =
  | { ok: true; kind: 'sheet'; reading: TableReading }
  | { ok: true; kind: 'json'; evaluation: EvaluationInput; notes: string[] }
  | { ok: false; errors: TableError[] };

export type ReadOptions = Pick<ReadSheetOptions, 'defaultBudgetWeight'> & {
  /** The fences untrusted bytes are read inside (src/import/fences/limits.ts); the defaults otherwise. */
  limits?: FileLimits;
};

/** The sheet that holds the indicator table: the first one with a 三级指标 header. */
function pickSheet(grids: { name: string; grid: Grid }[]): { name: string; grid: Grid } | undefined {
  const names = new Set(['三级指标', '三级指标名称', '指标名称']);
  return grids.find((g) => g.grid.rows.some((row) => row.some((t) => t.length < 40 && names.has(label(t))))) ?? grids[0];
}

/**
 * Reads an uploaded file: `.json` (the CLI's input format), `.csv`, `.tsv`/`.txt` (pasted) or `.xlsx` in any of the
 * layouts units publish. Never throws; refuses only a file that cannot be opened, breaks a fence, or holds no
 * indicator table. Untrusted bytes are read inside `opts.limits` (src/import/fences/): run it through a
 * `TableReaderRunner` to keep it off the event loop as well.
 */
export async function readTableFile(data: Uint8Array, fileName: string, opts: ReadOptions = {}): Promise<TableFileOutcome> {
  const limits = opts.limits ?? DEFAULT_FILE_LIMITS;
  if (data.byteLength > limits.maxFileBytes) return { ok: false, errors: [{ message: refusals.fileTooLarge(limits.maxFileBytes) }] };
  const ext = /\.([a-z0-9]{1,8})$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const sheet = (grid: Grid, name: string | null): TableFileOutcome => {
    const fenced = fenceGrid(grid, limits);
    if (!fenced.ok) return { ok: false, errors: [{ message: fenced.message }] };
    const read = readSheet(fenced.grid, { ...opts, fileName, sheet: name });
    return read.ok ? { ok: true, kind: 'sheet', reading: read.reading } : read;
  };
  if (ext === 'xlsx' || ext === 'xlsm') {
    const read = await readXlsxGrids(data, limits);
    if ('error' in read) return { ok: false, errors: [{ message: read.error }] };
    const picked = pickSheet(read.grids);
    if (!picked) return { ok: false, errors: [{ message: '这个 Excel 文件里没有工作表。' }] };
    const out = sheet(picked.grid, picked.name);
    if (out.ok && out.kind === 'sheet') {
      if (read.grids.length > 1) out.reading.notes.push(`已读取工作表“${picked.name}”。`);
      out.reading.notes.push(...read.notes);
    } else if (!out.ok) out.errors.unshift(...read.notes.map((message) => ({ message })));
    return out;
  }
  if (ext === 'xls') {
    return { ok: false, errors: [{ message: '不支持旧的 .xls 格式。请在 Excel 中“另存为 → Excel 工作簿 (.xlsx)”后再上传。' }] };
  }
  const decoded = decodeText(data);
  if ('error' in decoded) return { ok: false, errors: [{ message: decoded.error }] };
  const text = decoded.text.replace(/^\uFEFF/, '');
  if (ext === 'json') {
    const json = readJson(text);
    if (!json.ok) return { ok: false, errors: json.errors };
    const refusal = fenceEvaluationInput(json.evaluation, limits);
    return refusal ? { ok: false, errors: [{ message: refusal }] } : { ok: true, kind: 'json', evaluation: json.evaluation, notes: json.notes };
  }
  if (ext === 'csv') return sheet(parseDelimited(text, sniffDelimiter(text)), null);
  if (ext === 'tsv' || ext === 'txt') return readPastedReading(text, fileName, opts);
  return { ok: false, errors: [{ message: `不支持“.${ext || '（无扩展名）'}”文件。请上传 .xlsx、.csv 或 .json 文件，或直接粘贴从 Excel 复制的表格。` }] };
}

/** A table pasted from Excel into a chat message (tab-separated cells, one row per line), read row by row. */
export function readPastedReading(text: string, name = '粘贴的表格', opts: ReadOptions = {}): TableFileOutcome {
  const clean = text.replace(/^\uFEFF/, '');
  if (!clean.includes('\t')) {
    return { ok: false, errors: [{ message: '没有识别到表格。请在 Excel 中选中整张自评表（含表头）复制，再粘贴到消息里。' }] };
  }
  const fenced = fenceGrid(parseDelimited(clean, '\t'), opts.limits ?? DEFAULT_FILE_LIMITS);
  if (!fenced.ok) return { ok: false, errors: [{ message: fenced.message }] };
  const read = readSheet(fenced.grid, { ...opts, fileName: name });
  return read.ok ? { ok: true, kind: 'sheet', reading: read.reading } : read;
}

function legacy(outcome: TableFileOutcome): ReadTableResult {
  if (!outcome.ok) return outcome;
  if (outcome.kind === 'json') return { ok: true, evaluation: outcome.evaluation, notes: outcome.notes };
  return toReadTableResult(outcome.reading);
}

/**
 * The evaluation in an uploaded file, for callers that import in one step: refused, row by row with the cell named,
 * while any row to be collected lacks a weight or a readable target (see `collectionGate`); notes list the rows
 * skipped and the flags that do not block. `reading` carries the full row-by-row reading either way.
 */
export async function readTable(data: Uint8Array, fileName: string, opts: ReadOptions = {}): Promise<ReadTableResult> {
  return legacy(await readTableFile(data, fileName, opts));
}

/** `readTable` for a table pasted into a chat message. */
export function readPastedTable(text: string, name = '粘贴的表格', opts: ReadOptions = {}): ReadTableResult {
  return legacy(readPastedReading(text, name, opts));
}
