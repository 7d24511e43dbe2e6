import { z } from 'zod';

/**
 * The evaluation as the engine reads it: the JSON input of `jixiao score` (README), and what the
 * table readers (JSON, CSV, XLSX, pasted text) and the database export all produce.
 * Numbers may arrive as numbers or as the strings people typed; the engine parses them.
 */
export const BANDS = ['达成', '部分达成', '未达成'] as const;
export const bandSchema = z.enum(BANDS);
export type Band = z.infer<typeof bandSchema>;

const numberLike = z.union([z.number(), z.string()]);

export const indicatorInputSchema = z.object({
  level1: z.string(),
  level2: z.string(),
  name: z.string(),
  target: z.string(),
  weight: numberLike,
  actual: numberLike.optional().nullable(),
  band: bandSchema.optional().nullable(),
  score: numberLike.optional().nullable(),
  applicable: z.boolean().optional(),
  deviationReason: z.string().optional().nullable(),
  printedScore: numberLike.optional().nullable(),
  /** 责任人 as written in the table: a name, email, mobile or open_id. Not used for scoring. */
  owner: z.string().optional().nullable(),
});
export type IndicatorInput = z.infer<typeof indicatorInputSchema>;

export const evaluationInputSchema = z.object({
  project: z.object({
    name: z.string(),
    department: z.string().optional().nullable(),
    implementingUnit: z.string().optional().nullable(),
    year: z.union([z.number(), z.string()]).optional().nullable(),
    /** 项目类型 as the unit's roll-up report lists it: 经常性 / 一次性 (seed 002). */
    category: z.string().optional().nullable(),
    /** 资金用途、使用方向, one line (seed 002's project table). */
    purpose: z.string().optional().nullable(),
  }),
  budget: z.object({
    initial: numberLike.optional().nullable(),
    fullYear: numberLike,
    executed: numberLike.optional().nullable(),
    weight: numberLike.optional().nullable(),
    printedScore: numberLike.optional().nullable(),
    printedRate: numberLike.optional().nullable(),
    deviationReason: z.string().optional().nullable(),
    /**
     * True when the table has no budget block at all: the 预算执行率 line is not scored and weighs 0, so the total
     * is the indicators' alone. `fullYear` is then 0 and ignored.
     */
    absent: z.boolean().optional(),
    /** 其中：当年财政拨款 / 上年结转资金 / 其他资金, each {initial, fullYear, executed}. */
    sources: z
      .object({
        currentYear: z.record(z.string(), numberLike.nullable()).optional(),
        carryOver: z.record(z.string(), numberLike.nullable()).optional(),
        other: z.record(z.string(), numberLike.nullable()).optional(),
      })
      .optional(),
  }),
  /** 年度总体目标: 预期目标 and 实际完成情况, free text. */
  goals: z.object({ expected: z.string().optional().nullable(), actual: z.string().optional().nullable() }).optional(),
  indicators: z.array(indicatorInputSchema),
  printedTotal: numberLike.optional().nullable(),
  /**
   * What the 自评报告 needs beyond the table, asked of the importer after collection (each may be skipped; the
   * report then says the section was not provided): 项目背景与立项依据, 主要内容及实施情况, 主要经验及做法, the
   * notice the self-evaluation answers, and who to call about it.
   */
  report: z
    .object({
      background: z.string().optional().nullable(),
      content: z.string().optional().nullable(),
      experience: z.string().optional().nullable(),
      notice: z.string().optional().nullable(),
      contactPerson: z.string().optional().nullable(),
      contactPhone: z.string().optional().nullable(),
    })
    .optional(),
});
export type EvaluationInput = z.infer<typeof evaluationInputSchema>;
