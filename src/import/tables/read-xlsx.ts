import { fenceXlsx } from '../fences/fence-xlsx';
import { DEFAULT_FILE_LIMITS, type FileLimits } from '../fences/limits';
import type { Grid } from './grid';

type ExcelJs = typeof import('exceljs');
type Worksheet = import('exceljs').Worksheet;
type CellValue = import('exceljs').CellValue;

/**
 * exceljs is loaded on first use: it is large, and most requests never touch a workbook. Loading from bytes
 * (`xlsx.load`) keeps this free of `fs`, so it runs on workerd as well as Node.
 */
export async function loadExcelJs(): Promise<ExcelJs> {
  const mod = (await import('exceljs')) as ExcelJs & { default?: ExcelJs };
  return mod.default ?? mod;
}

function percentDecimals(numFmt: string): number {
  const m = /0\.(0+)%/.exec(numFmt);
  return m ? m[1]!.length : 0;
}

function valueText(value: CellValue, numFmt: string | undefined): string {
  if (value == null) return '';
  if (typeof value === 'number') {
    // A percentage cell stores 0.543; the table shows 54.30 %, and that is what people mean.
    if (numFmt?.includes('%')) return `${(value * 100).toFixed(percentDecimals(numFmt))}%`;
    return String(value);
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return valueText((value.result ?? null) as CellValue, numFmt);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

export function worksheetGrid(ws: Worksheet): Grid {
  const rows: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = row.getCell(c);
      cells.push(valueText(cell.value, cell.numFmt).replace(/\r\n/g, '\n'));
    }
    rows.push(cells);
  }
  return { rows };
}

/**
 * The sheets of a workbook as grids, in workbook order. exceljs only ever sees what the fence let through
 * (src/import/fences/fence-xlsx.ts): sheets cut to their used range; `notes` name the sheets it skipped.
 */
export async function readXlsxGrids(
  data: Uint8Array,
  limits: FileLimits = DEFAULT_FILE_LIMITS,
): Promise<{ grids: { name: string; grid: Grid }[]; notes: string[] } | { error: string }> {
  const fenced = await fenceXlsx(data, limits);
  if (!fenced.ok) return { error: fenced.message };
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(fenced.bytes as unknown as ArrayBuffer);
  } catch {
    return { error: '无法打开这个 Excel 文件。请确认它是 .xlsx 格式（旧的 .xls 请在 Excel 中另存为 .xlsx）。' };
  }
  return { grids: wb.worksheets.map((ws) => ({ name: ws.name, grid: worksheetGrid(ws) })), notes: fenced.notes };
}
