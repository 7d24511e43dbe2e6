import type { EvaluationInput } from '../../domain/evaluation';
import type { TableReading } from './reading';

/**
 * A problem in an uploaded table. `cell` (`E12`) or `row` (1-based sheet row) says where; `message` says what is wrong
 * and what to type, without repeating the address — show it as `${cell}：${message}` (see `formatTableError`).
 */
export interface TableError {
  message: string;
  cell?: string;
  row?: number;
}

/**
 * The evaluation in a table, or why it cannot be imported as it stands. `reading` (sheets only) is the row-by-row
 * reading behind either answer: what the preview shows and the corrections apply to.
 */
export type ReadTableResult =
  /** `deadline`: the sheet's 截止日期 as written (e.g. `2026-10-09`), when it has one; the importer confirms it. */
  | { ok: true; evaluation: EvaluationInput; notes: string[]; deadline?: string | null; reading?: TableReading }
  | { ok: false; errors: TableError[]; reading?: TableReading };

/** `E12：分值“五分”不是数字…` / `第 13 行：…` / the bare message. */
export function formatTableError(e: TableError): string {
  return `${e.cell ? `${e.cell}：` : e.row ? `第 ${e.row} 行：` : ''}${e.message}`;
}
