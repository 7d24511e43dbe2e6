import type { Dec } from '../../domain/scoring/decimal';
import { readNumber } from '../../domain/scoring/numbers-in';
import { cellAddress, cellText, type Grid } from '../tables/grid';
import { deptLabel } from './labels';

/**
 * One worksheet as the 部门整体 readers walk it. `used` marks label cells a table reader has taken, so the
 * label-and-value reader does not read a table's row label (年初预算数 in the 收入 table) a second time.
 */
export class Sheet {
  private readonly used = new Set<string>();

  constructor(
    readonly name: string,
    readonly grid: Grid,
    /** `评分表!` when the workbook has several sheets, so an address names its sheet. */
    readonly prefix: string,
  ) {}

  get rows(): number {
    return this.grid.rows.length;
  }

  cols(r: number): number {
    return this.grid.rows[r]?.length ?? 0;
  }

  text(r: number, c: number): string {
    return cellText(this.grid, r, c);
  }

  label(r: number, c: number): string {
    return deptLabel(this.text(r, c));
  }

  number(r: number, c: number): Dec | null {
    const t = this.text(r, c);
    return t ? readNumber(t) : null;
  }

  at(r: number, c: number): string {
    return `${this.prefix}${cellAddress(r, c)}`;
  }

  use(r: number, c: number): void {
    this.used.add(`${r}:${c}`);
  }

  isUsed(r: number, c: number): boolean {
    return this.used.has(`${r}:${c}`);
  }

  /** Every cell whose folded label satisfies `test`, row by row. */
  *find(test: (label: string) => boolean): Generator<[number, number]> {
    for (let r = 0; r < this.rows; r++) {
      for (let c = 0; c < this.cols(r); c++) if (test(this.label(r, c))) yield [r, c];
    }
  }

  /** Column of the first cell in row `r` whose label is one of `labels`, or -1. */
  column(r: number, labels: string[]): number {
    for (let c = 0; c < this.cols(r); c++) if (labels.includes(this.label(r, c))) return c;
    return -1;
  }

  /** A row with nothing in it: where one table of a sheet ends and the next begins. */
  blank(r: number): boolean {
    for (let c = 0; c < this.cols(r); c++) if (this.text(r, c)) return false;
    return true;
  }

  /** The first non-empty cell right of (r, c) that is not the same merged text, with its column. */
  right(r: number, c: number): { col: number; text: string } | null {
    const own = this.text(r, c);
    for (let j = c + 1; j < this.cols(r); j++) {
      const t = this.text(r, j);
      if (t && t !== own) return { col: j, text: t };
    }
    return null;
  }
}
