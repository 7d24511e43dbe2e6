import type ExcelJS from 'exceljs';
import { cleanText } from '../text';
import { cellHeight, columnPoints, MIN_ROW_PT } from './layout';
import { CENTER, FONT, GRID } from './styles';

/**
 * A sheet described before it is written: every cell (or merged range) with its value, number format and the
 * text it prints. Row heights are computed from that text for any set of column widths, so a layout can be sized
 * to the page before exceljs writes a byte.
 */
export interface CellSpec {
  top: number;
  left: number;
  bottom: number;
  right: number;
  value: string | number | null;
  /** What the cell prints (the formatted number for numbers): what its height is measured from. */
  printed: string;
  numFmt?: string;
  align?: Partial<ExcelJS.Alignment>;
  font?: Partial<ExcelJS.Font>;
  fill?: ExcelJS.Fill | undefined;
  border?: boolean;
}

export interface CellOptions {
  align?: Partial<ExcelJS.Alignment>;
  font?: Partial<ExcelJS.Font>;
  fill?: ExcelJS.Fill | undefined;
  border?: boolean;
}

export class SheetGrid {
  readonly cells: CellSpec[] = [];
  private readonly fixed = new Map<number, number>();

  /** Text into a cell or merged range (`'C3'`, `'C3:I3'`), cleaned of what XML cannot carry. */
  text(ref: string, value: string, opts: CellOptions = {}): void {
    const text = cleanText(value);
    this.cells.push({ ...parseRange(ref), value: text, printed: text, ...opts });
  }

  /** A number with the format it prints in, and the text that format prints (for sizing the row). */
  number(ref: string, value: number | null, numFmt: string, printed: string, opts: CellOptions = {}): void {
    this.cells.push({ ...parseRange(ref), value, numFmt, printed: value === null ? '' : printed, ...opts });
  }

  /** A row whose height is set, not measured (the title). */
  fixedHeight(row: number, points: number): void {
    this.fixed.set(row, points);
  }

  get lastRow(): number {
    return this.cells.reduce((m, c) => Math.max(m, c.bottom), 0);
  }

  /**
   * Heights (points, index = row number) that print every cell whole at the given column widths: each row is as
   * tall as its tallest single-row cell, then a merged range taller than its rows together grows its last row.
   */
  rowHeights(widths: readonly number[]): number[] {
    const heights = Array.from({ length: this.lastRow + 1 }, (_, r) => (r === 0 ? 0 : (this.fixed.get(r) ?? MIN_ROW_PT)));
    const span = (c: CellSpec) => {
      let pt = 0;
      for (let col = c.left; col <= c.right; col++) pt += columnPoints(widths[col - 1] ?? 8);
      return pt;
    };
    const need = (c: CellSpec) => cellHeight(c.printed, span(c), c.font?.size ?? FONT.size);
    for (const c of this.cells) {
      if (c.top !== c.bottom || this.fixed.has(c.top)) continue;
      heights[c.top] = Math.max(heights[c.top]!, need(c));
    }
    for (const c of this.cells) {
      if (c.top === c.bottom) continue;
      let have = 0;
      for (let r = c.top; r <= c.bottom; r++) have += heights[r]!;
      const deficit = need(c) - have;
      if (deficit > 0) heights[c.bottom] = heights[c.bottom]! + Math.ceil(deficit);
    }
    return heights;
  }

  /** Writes cells, merges, styles, column widths and row heights to the worksheet. */
  write(ws: ExcelJS.Worksheet, widths: readonly number[]): number[] {
    ws.columns = widths.map((width) => ({ width }));
    for (const c of this.cells) {
      if (c.top !== c.bottom || c.left !== c.right) ws.mergeCells(c.top, c.left, c.bottom, c.right);
      const first = ws.getCell(c.top, c.left);
      first.value = c.value;
      if (c.numFmt) first.numFmt = c.numFmt;
      for (let r = c.top; r <= c.bottom; r++) {
        for (let col = c.left; col <= c.right; col++) {
          const cell = ws.getCell(r, col);
          cell.font = { ...FONT, ...c.font };
          cell.alignment = c.align ?? CENTER;
          if (c.border !== false) cell.border = GRID;
          if (c.fill) cell.fill = c.fill;
        }
      }
    }
    const heights = this.rowHeights(widths);
    for (let r = 1; r < heights.length; r++) ws.getRow(r).height = heights[r]!;
    return heights;
  }
}

function parseRange(ref: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b = a] = ref.split(':') as [string, string?];
  const p = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(s);
    if (!m) throw new RangeError(`bad cell reference ${s}`);
    const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return { row: Number(m[2]), col };
  };
  const x = p(a);
  const y = p(b!);
  return { top: Math.min(x.row, y.row), left: Math.min(x.col, y.col), bottom: Math.max(x.row, y.row), right: Math.max(x.col, y.col) };
}

/** `cell(6, 2)` → `'B6'`. */
export function cell(row: number, col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row}`;
}

export function range(top: number, left: number, bottom: number, right: number): string {
  return top === bottom && left === right ? cell(top, left) : `${cell(top, left)}:${cell(bottom, right)}`;
}
