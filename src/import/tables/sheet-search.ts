import { cellText, type Grid } from './grid';
import { KNOWN_LABELS, label } from './labels';

/** A cell position, both 0-based. */
export type Pos = { r: number; c: number };

/** Every cell whose label passes `test`, row by row. */
export function findAll(grid: Grid, test: (l: string) => boolean, rows?: { from: number; to: number }): Pos[] {
  const out: Pos[] = [];
  const from = rows?.from ?? 0;
  const to = Math.min(rows?.to ?? grid.rows.length, grid.rows.length);
  for (let r = from; r < to; r++) {
    (grid.rows[r] ?? []).forEach((text, c) => {
      if (text.trim() && test(label(text))) out.push({ r, c });
    });
  }
  return out;
}

/**
 * The value beside a label: the first non-empty cell to its right that is not the same (merged) label. An empty
 * value followed by the next label (`全年执行数 | | 分值 | 10`) is empty, not that label.
 */
export function valueRightOf(grid: Grid, at: Pos): Pos | null {
  const own = label(cellText(grid, at.r, at.c));
  const row = grid.rows[at.r] ?? [];
  for (let c = at.c + 1; c < row.length; c++) {
    const t = cellText(grid, at.r, c);
    if (!t || label(t) === own) continue;
    return KNOWN_LABELS.has(label(t)) ? null : { r: at.r, c };
  }
  return null;
}

/** The value beside the first of `labels` found on the sheet (above `before`, when given). */
export function fieldBeside(grid: Grid, labels: readonly string[], before?: number): string | null {
  for (const at of findAll(grid, (l) => labels.includes(l), { from: 0, to: before ?? grid.rows.length })) {
    const v = valueRightOf(grid, at);
    if (v) return cellText(grid, v.r, v.c);
  }
  return null;
}
