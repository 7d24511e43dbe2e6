/**
 * Every table format (xlsx, csv, pasted text) is first turned into a grid of cell texts, so the one layout
 * reader can find the labels wherever they sit. Merged cells repeat their master's text in every cell they cover.
 */
export interface Grid {
  rows: string[][];
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** `E12` for row 11, column 4 (both 0-based). */
export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

export function cellText(grid: Grid, row: number, col: number): string {
  return (grid.rows[row]?.[col] ?? '').trim();
}
