import { z } from 'zod';
import { figuresSchema } from './figures';
import { formulaIdSchema, type FormulaId } from './formulas';
import { ruleSchema, type Rule } from './rule';

/**
 * A 部门整体支出绩效自评 as the engine reads it: the JSON input of `jixiao score` (README, "部门整体 JSON"), and
 * what the .xlsx reader produces. Numbers may be numbers or the text people typed; the engine parses them and
 * reports what it cannot read.
 */
const numberLike = z.union([z.number(), z.string()]);
const text = z.string().optional().nullable();

/**
 * One node of the 指标体系 as filled in: a group (一级/二级 with `children`) or a 三级指标. On a group, `weight` and
 * `score` are the figures the report states (audited against the items); on a 三级指标, `weight` is its 分值 and
 * `score` the score given — used as is for judged indicators, compared with the computed one for formula indicators.
 */
export interface CriterionInput {
  name: string;
  weight?: number | string | null | undefined;
  score?: number | string | null | undefined;
  /** 评分说明: why this score. Required below full marks for judged indicators. */
  note?: string | null | undefined;
  /** 评分标准 as the unit wrote it. */
  standard?: string | null | undefined;
  /** Compute from the figures with this formula; `null` (or `judged: true`) forces judgement. */
  formula?: FormulaId | null | undefined;
  judged?: boolean | undefined;
  /** The unit's own rule for a formula indicator, replacing the template's. */
  rule?: Rule | undefined;
  children?: CriterionInput[] | undefined;
}

export const criterionInputSchema: z.ZodType<CriterionInput> = z.lazy(() =>
  z.object({
    name: z.string().trim().min(1, '指标名称不能为空'),
    weight: numberLike.optional().nullable(),
    score: numberLike.optional().nullable(),
    note: text,
    standard: text,
    formula: formulaIdSchema.optional().nullable(),
    judged: z.boolean().optional(),
    rule: ruleSchema.optional(),
    children: z.array(criterionInputSchema).optional(),
  }),
);

/** A figure printed somewhere else with a value of its own (the 总合计 block, a table in the report). */
export const statementSchema = z.object({
  account: z.string(),
  value: numberLike,
  /** Where it is printed: `支出决算表·总合计`. */
  where: z.string(),
});
export type Statement = z.infer<typeof statementSchema>;

export const goalSchema = z.object({
  /** 产出目标 / 效益目标 … */
  category: text,
  /** 指标1 … */
  name: text,
  target: z.string(),
  actual: text,
});
export type Goal = z.infer<typeof goalSchema>;

export const departmentEvaluationSchema = z.object({
  /** Marks the file as a 部门整体 evaluation; optional when `criteria` or `figures` is present. */
  kind: z.literal('部门整体').optional(),
  unit: z.object({
    name: z.string().trim().min(1, '请填写部门（单位）名称'),
    year: z.union([z.number(), z.string()]).optional().nullable(),
    /** 机构名称 on the table rows (机关). */
    institution: text,
    contact: text,
    phone: text,
    /** 职能职责概述 */
    duties: text,
    /** 年度主要工作内容 */
    yearWork: text,
    /** 年度部门总体运行情况及取得的成绩 */
    achievements: text,
  }),
  /** A built-in template (`mof-2013`, `cq-wanzhou-2019`) whose rules apply to indicators of the same name. */
  template: z.string().optional().nullable(),
  figures: figuresSchema.optional(),
  statements: z.array(statementSchema).optional(),
  /** The filled 指标体系; when absent, the template's tree with nothing scored yet. */
  criteria: z.array(criterionInputSchema).optional(),
  stated: z.object({ total: numberLike.optional().nullable(), grade: text }).optional(),
  goals: z
    .object({
      /** 定性目标: 预期目标 and 实际完成. */
      qualitative: z.array(z.object({ target: z.string(), actual: text })).optional(),
      /** 定量目标 rows. */
      quantitative: z.array(goalSchema).optional(),
    })
    .optional(),
  /** 评价人员 */
  evaluators: z.array(z.object({ name: z.string(), title: text, unit: text })).optional(),
  /** The report's closing sections, as written. */
  report: z.object({ problems: text, measures: text, application: text }).optional(),
});
export type DepartmentEvaluation = z.infer<typeof departmentEvaluationSchema>;
