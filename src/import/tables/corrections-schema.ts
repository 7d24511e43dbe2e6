import { z } from 'zod';

/**
 * A clerk's fix to a read table, as a value: the preview card and `jixiao import --fix` both produce these, the
 * history stores them, and `applyCorrections` replays them on the first reading. `row` is the sheet row number
 * shown on the preview (1-based, as in Excel).
 */
export const correctionSchema = z.discriminatedUnion('kind', [
  /** Correct what a row says: its 年度指标值, 分值, name, levels, 实际完成值 or 责任人. */
  z.object({
    kind: z.literal('row-field'),
    row: z.number().int().positive(),
    field: z.enum(['name', 'target', 'weight', 'level1', 'level2', 'actual', 'owner']),
    value: z.string().max(500),
  }),
  /** Mark a row 不适用 (dropped from the total, rest rescaled to 100) or applicable again. */
  z.object({ kind: z.literal('row-applicable'), row: z.number().int().positive(), applicable: z.boolean() }),
  /** This row is not an indicator: skip it. */
  z.object({ kind: z.literal('row-skip'), row: z.number().int().positive(), reason: z.string().max(200).nullable() }),
  /** Undo a skip (the reader's or the clerk's): the row is an indicator after all. */
  z.object({ kind: z.literal('row-restore'), row: z.number().int().positive() }),
  /** Change a budget figure (万元) or the 预算执行率 分值; an empty value clears it. */
  z.object({
    kind: z.literal('budget'),
    field: z.enum(['initial', 'fullYear', 'executed', 'weight']),
    value: z.string().max(50),
  }),
]);
export type Correction = z.infer<typeof correctionSchema>;
export type RowCorrection = Exclude<Correction, { kind: 'budget' }>;
