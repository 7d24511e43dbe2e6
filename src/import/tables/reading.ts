import { z } from 'zod';
import { bandSchema } from '../../domain/evaluation';
import { correctionSchema } from './corrections-schema';

/**
 * What the reader makes of a sheet, row by row: everything the 导入预览 card shows and lets the clerk fix. It is
 * plain JSON (schemas here, types derived) so it can be stored with the draft and checked again when loaded.
 *
 * Every source row below the indicator header that holds text appears once in `rows`, in sheet order, with its
 * 1-based sheet row number: an indicator (`status: 'indicator'`), an indicator that blocks collection until fixed
 * (`'blocked'`: ❓ target unreadable, ⚠ weight missing or not a number), or a row that is not an indicator
 * (`'skipped'`, ⊘, with the reason). Non-blocking flags (an actual that does not parse, …) ride on any row.
 */

/** ❓ target or name unreadable · ⚠ weight missing / not a number, or an actual that cannot be scored · ℹ worth a look. */
export const MARKS = ['❓', '⚠', 'ℹ'] as const;

export const ROW_FLAG_CODES = [
  'target-unreadable',
  'target-from-name',
  'name-missing',
  'weight-missing',
  'weight-not-number',
  'actual-unreadable',
  'unit-mismatch',
  'printed-score-unreadable',
  'not-applicable',
] as const;

export const rowFlagSchema = z.object({
  code: z.enum(ROW_FLAG_CODES),
  mark: z.enum(MARKS),
  /** True when the row cannot be collected (or scored) until the clerk fixes it. */
  blocking: z.boolean(),
  /** The cell it is about (`E14`), when there is one. */
  cell: z.string().nullable(),
  message: z.string(),
});
export type RowFlag = z.infer<typeof rowFlagSchema>;

export const SKIP_CODES = [
  'template-line',
  'placeholder',
  'total',
  'note',
  'signature',
  'text-box',
  'level-label',
  'sub-item',
  'banner',
  'after-total',
  'clerk',
] as const;
export type SkipCode = (typeof SKIP_CODES)[number];

export const ROW_STATUSES = ['indicator', 'blocked', 'skipped'] as const;
export type RowStatus = (typeof ROW_STATUSES)[number];

/** The fields of an indicator row that the clerk can correct, by name. */
export const ROW_FIELDS = ['name', 'target', 'weight', 'level1', 'level2', 'actual', 'owner'] as const;
export type RowField = (typeof ROW_FIELDS)[number];

export const rowReadingSchema = z.object({
  /** 1-based row number on the sheet, as Excel and WPS show it (for JSON input: the item's position). */
  row: z.number().int().positive(),
  status: z.enum(ROW_STATUSES),
  /** Why the row is not an indicator; null unless skipped. */
  skip: z.object({ code: z.enum(SKIP_CODES), reason: z.string() }).nullable(),
  level1: z.string(),
  level2: z.string(),
  name: z.string(),
  /** The 年度指标值 as one string (`≥95%`), composed from 指标性质 | 指标值 | 度量单位 or taken from the name. */
  target: z.string(),
  /** Points as the table states them (a `20%` 权重 means 20); null while missing or not a number. */
  weight: z.number().nullable(),
  /** The 分值 cell as written, so a bad one can be shown. */
  weightText: z.string(),
  /** The engine's reading of the target (`positive`, `qualitative`, …) and its unit (`%`, `万元`); null when unreadable. */
  kind: z.string().nullable(),
  unit: z.string().nullable(),
  actual: z.string().nullable(),
  printedScore: z.number().nullable(),
  band: bandSchema.nullable(),
  applicable: z.boolean(),
  deviationReason: z.string().nullable(),
  owner: z.string().nullable(),
  /** Cell addresses of what was read (`{ name: 'D14', target: 'E14' }`), for messages and the card. */
  cells: z.record(z.string(), z.string()),
  flags: z.array(rowFlagSchema),
  /** Fields the clerk corrected (so the card can mark them). */
  corrected: z.array(z.string()),
});
export type RowReading = z.infer<typeof rowReadingSchema>;

export const READING_FLAG_CODES = [
  'budget-absent',
  'budget-unreadable',
  'budget-total-zero',
  'budget-executed-mismatch',
  'budget-in-yuan',
  'weights-sum',
  'level1-sum',
  'no-indicators',
  'second-table',
  'owners-missing',
] as const;

export const BUDGET_FIELDS = ['initial', 'fullYear', 'executed', 'weight'] as const;
export type BudgetField = (typeof BUDGET_FIELDS)[number];

export const readingFlagSchema = z.object({
  code: z.enum(READING_FLAG_CODES),
  mark: z.enum(MARKS),
  blocking: z.boolean(),
  message: z.string(),
  /** The budget figure it is about, so correcting that figure clears it. */
  field: z.enum(BUDGET_FIELDS).nullable().optional(),
});
export type ReadingFlag = z.infer<typeof readingFlagSchema>;

const amount = z.number().nullable();

export const budgetSourceSchema = z.object({
  row: z.number().int().positive(),
  label: z.string(),
  /** The sub-block it sits in (`按收入性质`, `按支出性质`), when the table has one. */
  group: z.string().nullable(),
  initial: amount,
  fullYear: amount,
  executed: amount,
});

export const budgetReadingSchema = z.object({
  /** False when the table has no budget block at all: the 预算执行率 line then weighs 0 (said on the preview). */
  present: z.boolean(),
  /** Amounts in 万元, whatever the table used (元 are converted exactly). */
  initial: amount,
  fullYear: amount,
  executed: amount,
  /** The 预算执行率 分值 as printed; null = the rule profile's default, `defaultWeight`. */
  weight: amount,
  /** The rule profile's 预算执行率 分值 (10 under 财预〔2020〕10号), used for the weight sum when the table gives none. */
  defaultWeight: z.number(),
  printedScore: amount,
  printedRate: z.string().nullable(),
  /** The unit the table wrote its amounts in. */
  unit: z.enum(['万元', '元']),
  /** Sheet row of 年度资金总额 (or of the 全年预算数 label), when found. */
  row: z.number().nullable(),
  /** 其中… lines: sources of the money, never totals. */
  sources: z.array(budgetSourceSchema),
  cells: z.record(z.string(), z.string()),
  corrected: z.array(z.string()),
});
export type BudgetReading = z.infer<typeof budgetReadingSchema>;

export const columnMappingSchema = z.object({
  key: z.string(),
  /** `D` */
  column: z.string(),
  /** The header text as written (`年度指标值(A)`). */
  header: z.string(),
  /** What the reader does with it, in Chinese (`三级指标名称`). */
  meaning: z.string(),
});

export const layoutSchema = z.object({
  /** `standard`, `split-target`, `transfer`, `template`, `json`, … (see find-layout.ts). */
  kind: z.string(),
  /** One line, in Chinese, naming the layout recognised. */
  description: z.string(),
  sheet: z.string().nullable(),
  /** The indicator header's rows (two when the header is split over two rows). */
  headerRows: z.array(z.number()),
  columns: z.array(columnMappingSchema),
  /** How the budget was found, in Chinese. */
  budget: z.string(),
  firstRow: z.number().nullable(),
  lastRow: z.number().nullable(),
});
export type Layout = z.infer<typeof layoutSchema>;

export const tableReadingSchema = z.object({
  fileName: z.string(),
  layout: layoutSchema,
  project: z.object({
    name: z.string(),
    department: z.string().nullable(),
    implementingUnit: z.string().nullable(),
    year: z.number().nullable(),
  }),
  /** The sheet's 截止日期 as written, when it has one. */
  deadline: z.string().nullable(),
  budget: budgetReadingSchema,
  goals: z.object({ expected: z.string().nullable(), actual: z.string().nullable() }).nullable(),
  rows: z.array(rowReadingSchema),
  /** 一级指标 labels that carry their weight (`产出指标(50分)`), with the sum of their rows. */
  level1Weights: z.array(z.object({ label: z.string(), stated: z.number(), sum: z.number() })),
  printedTotal: z.number().nullable(),
  flags: z.array(readingFlagSchema),
  notes: z.array(z.string()),
  /** Every correction applied since reading, in order: replaying them on the first reading gives this one. */
  corrections: z.array(correctionSchema),
});
export type TableReading = z.infer<typeof tableReadingSchema>;

export const indicatorRows = (reading: TableReading): RowReading[] => reading.rows.filter((r) => r.status !== 'skipped');
export const skippedRows = (reading: TableReading): RowReading[] => reading.rows.filter((r) => r.status === 'skipped');
