import { cellAddress, type Grid } from '../tables/grid';
import type { FileLimits } from './limits';
import { refusals } from './messages';

export type FencedGrid = { ok: true; grid: Grid } | { ok: false; message: string };

/**
 * Every grid (a CSV file, a pasted table, a worksheet) passes here before the layout reader: cut to its used
 * range (trailing empty rows and columns are what Excel's CSV export and a careless selection add, and mean
 * nothing), then held to the row, column and cell-length limits. One linear pass over the cells.
 */
export function fenceGrid(grid: Grid, limits: Pick<FileLimits, 'maxRows' | 'maxColumns' | 'maxCellChars'>): FencedGrid {
  let rows = 0;
  let cols = 0;
  let widest = 0;
  let long: { row: number; col: number; length: number } | null = null;
  for (let r = 0; r < grid.rows.length; r++) {
    const row = grid.rows[r]!;
    for (let c = 0; c < row.length; c++) {
      const text = row[c]!;
      if (!text.trim()) continue;
      rows = r + 1;
      if (c + 1 > cols) {
        cols = c + 1;
        widest = r;
      }
      if (!long && text.length > limits.maxCellChars) long = { row: r, col: c, length: text.length };
    }
  }
  if (rows > limits.maxRows) return { ok: false, message: refusals.tooManyRows(limits.maxRows, `这张表有 ${rows} 行`) };
  if (cols > limits.maxColumns) return { ok: false, message: refusals.tooManyColumns(limits.maxColumns, `第 ${widest + 1} 行有 ${cols} 列`) };
  if (long) return { ok: false, message: refusals.cellTooLong(cellAddress(long.row, long.col), long.length, limits.maxCellChars) };
  const trimmed = grid.rows.length === rows && grid.rows.every((row) => row.length <= cols);
  return { ok: true, grid: trimmed ? grid : { rows: grid.rows.slice(0, rows).map((row) => row.slice(0, cols)) } };
}
