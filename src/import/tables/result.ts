import type { EvaluationInput } from '../../domain/evaluation';

/** A problem in an uploaded table; `cell` (`E12`) or `row` (1-based) says where, `message` says what to type. */
export interface TableError {
  message: string;
  cell?: string;
  row?: number;
}

export type ReadTableResult =
  | { ok: true; evaluation: EvaluationInput; notes: string[] }
  | { ok: false; errors: TableError[] };
