import type { EvaluationInput, IndicatorInput } from '../evaluation';
import { D, fixed2, plain, round } from './decimal';
import { auditEvaluation } from './audit';
import { readNumber } from './numbers-in';
import { parseTarget } from './parse-target';
import { gradeFor, resolveProfile, type RuleProfile } from './profiles';
import { capByExecution, deductOvershoot } from './regional-rules';
import type { InputIssue, LevelSubtotal, ProfileAdjustment, ScoredBudget, ScoredIndicator, ScoreResult } from './result';
import { scoreBudget } from './score-budget';
import { scoreIndicator } from './score-indicator';

function unscoredRow(row: IndicatorInput, message: string): ScoredIndicator {
  const t = parseTarget(row.target);
  const weight = readNumber(row.weight)?.toNumber() ?? NaN;
  return {
    level1: row.level1,
    level2: row.level2,
    name: row.name,
    target: row.target,
    kind: t.ok ? t.kind : 'qualitative',
    weight: Number.isFinite(weight) ? weight : 0,
    actual: row.actual == null ? null : String(row.actual),
    applicable: row.applicable !== false,
    score: null,
    met: null,
    explanation: message,
    deviationRequired: false,
    deviationWhy: null,
    deviationReason: row.deviationReason ?? null,
    band: row.band ?? null,
  };
}

function unscoredBudget(input: EvaluationInput['budget'], weight: number, message: string): ScoredBudget {
  const n = (v: unknown) => (typeof v === 'number' ? v : Number.isFinite(Number(v)) && v != null && v !== '' ? Number(v) : null);
  return {
    initial: n(input.initial),
    fullYear: n(input.fullYear) ?? 0,
    executed: n(input.executed),
    weight: n(input.weight) ?? weight,
    rate: null,
    score: 0,
    explanation: message,
    deviationRequired: false,
    deviationMandatory: false,
    deviationReason: input.deviationReason ?? null,
    pending: true,
  };
}

function strip<T extends { ok: true }>(value: T): Omit<T, 'ok'> {
  const { ok: _ok, ...rest } = value;
  return rest;
}

/**
 * Scores a whole evaluation under a rule profile: the budget line, every indicator, level-1 subtotals, the total
 * (sum of rows rounded to 2 dp; rescaled to the full total when rows are 不适用), the grade and the audit.
 */
export function scoreEvaluation(input: EvaluationInput, opts: { profile?: string | RuleProfile } = {}): ScoreResult {
  const profile = resolveProfile(opts.profile);
  const inputErrors: InputIssue[] = [];

  const b = scoreBudget(input.budget, profile);
  let budget: ScoredBudget;
  if (b.ok) budget = strip(b);
  else {
    inputErrors.push({ code: b.error.code, message: `预算执行：${b.error.message}` });
    budget = unscoredBudget(input.budget, profile.budgetWeight, b.error.message);
  }

  const adjustments: ProfileAdjustment[] = [];
  const indicators = input.indicators.map((row, i): ScoredIndicator => {
    const r = scoreIndicator(row, profile);
    if (r.ok) {
      const deducted = deductOvershoot(strip(r), i, profile);
      if (deducted.adjustment) adjustments.push(deducted.adjustment);
      return deducted.row;
    }
    inputErrors.push({ code: r.error.code, indicator: i, message: `第 ${i + 1} 项“${row.name}”：${r.error.message}` });
    return unscoredRow(row, r.error.message);
  });

  const subtotals: LevelSubtotal[] = [];
  for (const r of indicators) {
    if (!r.applicable) continue;
    let s = subtotals.find((x) => x.level1 === r.level1);
    if (!s) subtotals.push((s = { level1: r.level1, weight: 0, score: 0 }));
    s.weight = new D(s.weight).plus(r.weight).toNumber();
    s.score = new D(s.score).plus(r.score ?? 0).toNumber();
  }

  const applicable = indicators.filter((r) => r.applicable);
  const sum = applicable.reduce((s, r) => s.plus(r.score ?? 0), new D(budget.score));
  const applicableWeight = applicable.reduce((s, r) => s.plus(r.weight), new D(budget.weight));
  let total = sum;
  let totalExplanation = `总分 = 预算执行 ${fixed2(new D(budget.score))} + 各指标得分 ${fixed2(sum.minus(budget.score))} = ${fixed2(sum)}`;
  if (applicable.length < indicators.length && applicableWeight.gt(0)) {
    // 财政部 template footnote: 不适用 indicators are dropped and the rest "按百分制折算".
    total = round(sum.times(profile.totalPoints).div(applicableWeight));
    totalExplanation = `有 ${indicators.length - applicable.length} 项不适用：适用部分得分 ${fixed2(sum)} ÷ 适用分值 ${plain(applicableWeight)} × ${profile.totalPoints} = ${fixed2(total)}`;
  }

  const capped = capByExecution(total, budget, profile);
  if (capped.adjustment) {
    adjustments.push(capped.adjustment);
    total = capped.total;
    totalExplanation += `；${capped.adjustment.message}`;
  }

  const totalNumber = total.toNumber();
  const complete = inputErrors.length === 0 && !budget.pending && applicable.every((r) => r.score != null);
  return {
    profile: profile.name,
    budget,
    indicators,
    subtotals,
    total: totalNumber,
    grade: gradeFor(totalNumber, profile),
    warnings: auditEvaluation({ input, budget, rows: indicators, total: totalNumber, profile }),
    totalExplanation,
    inputErrors,
    complete,
    ...(adjustments.length > 0 ? { adjustments } : {}),
  };
}
