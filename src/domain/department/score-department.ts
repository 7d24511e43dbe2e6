import { D, fixed2, plain, round, type Dec } from '../scoring/decimal';
import { isBlank, readNumber } from '../scoring/numbers-in';
import { gradeFor, resolveProfile, type RuleProfile } from '../scoring/profiles';
import { auditDepartment } from './audit';
import { crossCheck } from './cross-checks';
import type { CriterionInput, DepartmentEvaluation } from './evaluation';
import { accountLabel, figureIssues, isAccountKey } from './figures';
import { computeFormula, FORMULAS } from './formulas';
import { splitWeight } from './names';
import { resolveLeaf } from './resolve-leaf';
import type { DepartmentResult, ScoredCriterion } from './result';
import { describeRule, scoreRate } from './rule';
import type { Template, TemplateNode } from './template';
import { BUILT_IN_TEMPLATES, getTemplate } from './templates';

interface Context {
  input: DepartmentEvaluation;
  template: Template | undefined;
  inputErrors: DepartmentResult['inputErrors'];
}

/** The template's tree as an evaluation to fill in: what the chat collection starts from. */
export function criteriaFromTemplate(template: Template): CriterionInput[] {
  const convert = (n: TemplateNode): CriterionInput =>
    n.children
      ? { name: n.name, weight: n.weight, children: n.children.map(convert) }
      : n.formula
        ? { name: n.name, weight: n.weight, formula: n.formula, rule: n.rule }
        : { name: n.name, weight: n.weight, judged: true, standard: n.standard ?? null };
  return template.levels.map(convert);
}

/** One line of a 说明, short enough for the explanation. */
function brief(text: string, max = 60): string {
  const s = text.replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

function readStated(value: unknown, what: string, node: string, ctx: Context): Dec | null {
  if (isBlank(value)) return null;
  const n = readNumber(value as string | number);
  if (!n) ctx.inputErrors.push({ node, message: `“${node.split('/').pop()}”的${what}“${String(value)}”不是数字。请填写数字，例如：5。` });
  return n;
}

function scoreLeaf(row: CriterionInput, path: string[], ctx: Context): ScoredCriterion {
  const label = splitWeight(row.name);
  const name = label.name;
  const where = path.join('/');
  const weightValue = readStated(row.weight ?? label.weight, '分值', where, ctx);
  if (weightValue == null && isBlank(row.weight) && !label.weight) ctx.inputErrors.push({ node: where, message: `“${name}”缺少分值。请填写该指标的分值，例如：5。` });
  const weight = weightValue && !weightValue.isNegative() ? weightValue : new D(0);
  const stated = readStated(row.score, '得分', where, ctx);
  const spec = resolveLeaf({ ...row, name }, path, weight.toNumber(), ctx.template);
  const note = row.note?.trim() || null;
  const base = {
    path,
    name,
    weight: weight.toNumber(),
    statedWeight: null,
    statedScore: stated?.toNumber() ?? null,
    definition: spec.definition,
    note,
    children: [],
  };

  if (spec.kind === 'formula') {
    const def = FORMULAS[spec.formula];
    const outcome = computeFormula(spec.formula, ctx.input.figures);
    const formula = {
      id: spec.formula,
      written: def.written,
      expression: outcome.ok ? outcome.expression : null,
      rate: outcome.ok ? round(outcome.rate).toNumber() : null,
      inputs: outcome.inputs,
      missing: outcome.ok ? null : outcome.message,
    };
    const standard = describeRule(spec.rule, weight);
    if (outcome.ok) {
      const r = scoreRate(spec.rule, outcome.rate, weight);
      return { ...base, kind: 'formula', formula, standard, score: round(r.score).toNumber(), explanation: `${outcome.expression}；${r.reason}` };
    }
    const fallback = stated ? D.min(D.max(stated, 0), weight) : null;
    return {
      ...base,
      kind: 'formula',
      formula,
      standard,
      score: fallback?.toNumber() ?? null,
      explanation: fallback ? `${outcome.message}，按表上得分 ${plain(fallback)} 分计` : `${outcome.message}，请补充后计分`,
    };
  }

  const given = stated ? D.min(D.max(stated, 0), weight) : null;
  const explanation = given
    ? `评价组评定 ${plain(given)} 分（分值 ${plain(weight)}）${given.eq(stated!) ? '' : `，表上 ${plain(stated!)} 分超出范围，按 ${plain(given)} 分计`}${note ? `：${brief(note)}` : ''}`
    : '尚未评分：请对照评分标准给出得分和评分说明';
  return { ...base, kind: 'judged', standard: spec.standard, score: given?.toNumber() ?? null, explanation };
}

function scoreNode(row: CriterionInput, up: string[], ctx: Context): ScoredCriterion {
  const label = splitWeight(row.name);
  const path = [...up, label.name];
  if (!row.children?.length) return scoreLeaf(row, path, ctx);
  const where = path.join('/');
  const children = row.children.map((c) => scoreNode(c, path, ctx));
  const weight = children.reduce((s: Dec, c) => s.plus(c.weight), new D(0));
  const score = children.reduce((s: Dec, c) => s.plus(c.score ?? 0), new D(0));
  const statedWeight = readStated(row.weight ?? label.weight, '分值', where, ctx);
  const statedScore = readStated(row.score, '得分', where, ctx);
  const open = children.filter((c) => c.score == null).length;
  return {
    path,
    name: label.name,
    kind: 'group',
    weight: weight.toNumber(),
    statedWeight: statedWeight?.toNumber() ?? null,
    score: score.toNumber(),
    statedScore: statedScore?.toNumber() ?? null,
    standard: null,
    definition: null,
    note: row.note?.trim() || null,
    explanation: `${label.name} = ${children.map((c) => `${c.name} ${c.score == null ? '（未评分）' : plain(new D(c.score))}`).join(' + ')} = ${plain(score)}（分值 ${plain(weight)}${open ? `，${open} 项未评分` : ''}）`,
    children,
  };
}

function complete(nodes: ScoredCriterion[]): boolean {
  return nodes.every((n) => (n.kind === 'group' ? complete(n.children) : n.score != null));
}

/**
 * Scores a 部门整体 evaluation: formula indicators from the figures by their rule, judged ones as given (capped at
 * their 分值), groups as the sum of their items, the total as the sum of the 一级指标 and the grade by the profile's
 * cut-offs (优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差); then the audit of the report's own figures.
 */
export function scoreDepartment(input: DepartmentEvaluation, opts: { profile?: string | RuleProfile } = {}): DepartmentResult {
  const profile = resolveProfile(opts.profile);
  const ctx: Context = { input, template: undefined, inputErrors: [] };
  if (input.template) {
    ctx.template = getTemplate(input.template);
    if (!ctx.template) {
      ctx.inputErrors.push({ node: '指标体系', message: `没有名为“${input.template}”的指标体系模板。可用：${BUILT_IN_TEMPLATES.map((t) => t.id).join('、')}。` });
    }
  }
  for (const issue of figureIssues(input.figures)) ctx.inputErrors.push({ node: accountLabel(issue.account), message: issue.message });
  for (const s of input.statements ?? []) {
    if (!isAccountKey(s.account)) ctx.inputErrors.push({ node: s.where, message: `“${s.account}”不是已知的科目。科目名称见 README“部门整体 JSON”一节。` });
  }

  const criteria = input.criteria?.length ? input.criteria : ctx.template ? criteriaFromTemplate(ctx.template) : [];
  if (!criteria.length) ctx.inputErrors.push({ node: '指标体系', message: '没有指标。请提供评分表（一级指标 / 二级指标 / 三级指标 / 分值 / 得分），或指定指标体系模板。' });
  const levels = criteria.map((c) => scoreNode(c, [], ctx));
  const total = levels.reduce((s: Dec, l) => s.plus(l.score ?? 0), new D(0));
  const totalNumber = total.toNumber();
  const grade = gradeFor(totalNumber, profile);
  const checks = crossCheck(input.figures);
  const year = input.unit.year == null || String(input.unit.year).trim() === '' ? null : String(input.unit.year).replace(/年度?$/, '').trim();
  const result: DepartmentResult = {
    kind: 'department',
    unit: { name: input.unit.name, year },
    template: ctx.template?.id ?? null,
    levels,
    total: totalNumber,
    grade,
    totalExplanation: `总分 = ${levels.map((l) => `${l.name} ${plain(new D(l.score ?? 0))}`).join(' + ')} = ${fixed2(total)}，等级 ${grade}`,
    complete: levels.length > 0 && complete(levels) && ctx.inputErrors.length === 0,
    checks,
    warnings: [],
    inputErrors: ctx.inputErrors,
  };
  result.warnings = auditDepartment(input, result, profile);
  return result;
}
