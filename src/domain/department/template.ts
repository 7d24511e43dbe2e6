import { z } from 'zod';
import { D, plain, type Dec } from '../scoring/decimal';
import { formulaIdSchema } from './formulas';
import { ruleSchema } from './rule';

/**
 * A 部门整体 指标体系: the tree with each node's 分值, and for every 三级指标 either a formula over the figures with
 * its scoring rule, or the written standard the evaluation group judges against. The built-in templates and a
 * unit's own variant (imported from its 指标体系 table) are both checked by `templateSchema`.
 */
export interface TemplateNode {
  name: string;
  weight: number;
  definition?: string | undefined;
  children?: TemplateNode[] | undefined;
  formula?: z.infer<typeof formulaIdSchema> | undefined;
  rule?: z.infer<typeof ruleSchema> | undefined;
  /** The judged indicator's 评分标准. */
  standard?: string | undefined;
  /** Where the rule or standard comes from (a URL or a document number). */
  basis?: string | undefined;
  /** The unit lists its own 三级指标 here (履职效益 by the year's 重点工作), their 分值 adding up to `weight`. */
  open?: boolean | undefined;
}

export const templateNodeSchema: z.ZodType<TemplateNode> = z.lazy(() =>
  z
    .object({
      name: z.string().trim().min(1, '指标名称不能为空'),
      weight: z.number().nonnegative('分值不能为负数'),
      definition: z.string().optional(),
      children: z.array(templateNodeSchema).min(1, '下级指标不能为空').optional(),
      formula: formulaIdSchema.optional(),
      rule: ruleSchema.optional(),
      standard: z.string().optional(),
      basis: z.string().optional(),
      open: z.boolean().optional(),
    })
    .strict(),
);

export interface TemplateIssue {
  path: string;
  message: string;
}

/** Weights that do not add up, and 三级指标 that say neither how they are computed nor how they are judged. */
export function templateIssues(levels: TemplateNode[], totalPoints: number): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const walk = (node: TemplateNode, path: string) => {
    if (node.children) {
      const sum = node.children.reduce((s: Dec, c) => s.plus(c.weight), new D(0));
      if (!sum.eq(node.weight)) {
        issues.push({ path, message: `“${node.name}”分值 ${node.weight}，下级指标分值合计 ${plain(sum)}，两者应相等` });
      }
      for (const c of node.children) walk(c, `${path}/${c.name}`);
      if (node.formula || node.rule) issues.push({ path, message: `“${node.name}”有下级指标，不能再设计算公式` });
      return;
    }
    if (node.formula && !node.rule) issues.push({ path, message: `“${node.name}”有计算公式但没有评分规则` });
    if (!node.formula && node.rule) issues.push({ path, message: `“${node.name}”有评分规则但没有计算公式` });
    if (!node.formula && !node.standard?.trim()) issues.push({ path, message: `“${node.name}”既无计算公式也无评分标准，请写明评分标准` });
  };
  for (const n of levels) walk(n, n.name);
  const total = levels.reduce((s: Dec, n) => s.plus(n.weight), new D(0));
  if (!total.eq(totalPoints)) issues.push({ path: '', message: `一级指标分值合计 ${plain(total)}，应为 ${totalPoints}` });
  return issues;
}

export const templateSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, '模板编号只能用小写字母、数字和连字符'),
    name: z.string().min(1),
    /** The document the tree comes from. */
    source: z.string().min(1),
    totalPoints: z.number().positive().default(100),
    levels: z.array(templateNodeSchema).min(1, '至少需要一个一级指标'),
  })
  .strict()
  .superRefine((t, ctx) => {
    for (const issue of templateIssues(t.levels, t.totalPoints)) {
      ctx.addIssue({ code: 'custom', message: issue.path ? `${issue.path}：${issue.message}` : issue.message, path: ['levels'] });
    }
  });
export type Template = z.infer<typeof templateSchema>;

/** Every 三级指标 with the names of the nodes above it. */
export function templateLeaves(levels: TemplateNode[]): Array<{ path: string[]; node: TemplateNode }> {
  const out: Array<{ path: string[]; node: TemplateNode }> = [];
  const walk = (node: TemplateNode, path: string[]) => {
    if (node.children) for (const c of node.children) walk(c, [...path, c.name]);
    else out.push({ path, node });
  };
  for (const n of levels) walk(n, [n.name]);
  return out;
}
