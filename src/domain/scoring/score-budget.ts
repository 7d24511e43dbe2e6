import type { EvaluationInput } from '../evaluation';
import { D, fixed2, percent, plain, round, type Dec } from './decimal';
import { fail, type Failure } from './errors';
import { isBlank, readNumber } from './numbers-in';
import { resolveProfile, type RuleProfile } from './profiles';
import type { ScoredBudget } from './result';

export type BudgetInput = EvaluationInput['budget'];
export type ScoredBudgetOk = ScoredBudget & { ok: true };

function amount(label: string, value: unknown): Dec | null | Failure {
  if (isBlank(value)) return null;
  const n = readNumber(value as string | number);
  if (!n || n.isNegative()) return fail('bad-amount', `${label}“${String(value)}”不是有效金额。请填写以万元为单位的数字，例如：57 或 53.84。`);
  return n;
}

const isFailure = (v: unknown): v is Failure => typeof v === 'object' && v !== null && 'ok' in v;

/**
 * Scores the 预算执行率 line: rate = 全年执行数 ÷ 全年预算数 (the adjusted budget, 上年结转 included), score =
 * 分值 × min(rate, 1). Used for whole tables and live by the 全年执行数 card.
 */
export function scoreBudget(budget: BudgetInput, profile?: string | RuleProfile): ScoredBudgetOk | Failure {
  const p = resolveProfile(profile);
  if (budget.absent) return absentBudget(budget);
  const initial = amount('年初预算数', budget.initial);
  const fullYear = amount('全年预算数', budget.fullYear);
  const executed = amount('全年执行数', budget.executed);
  if (isFailure(initial)) return initial;
  if (isFailure(fullYear)) return fullYear;
  if (isFailure(executed)) return executed;
  if (!fullYear) return fail('bad-amount', '请填写全年预算数（调整后预算，含上年结转），以万元为单位，例如：105。');
  const weightValue = isBlank(budget.weight) ? new D(p.budgetWeight) : readNumber(budget.weight ?? null);
  if (!weightValue || weightValue.isNegative()) {
    return fail('bad-weight', `预算执行率分值“${String(budget.weight)}”不是有效数字。请填写分值，例如：${p.budgetWeight}。`);
  }
  const w = weightValue;
  const printedScore = readNumber(budget.printedScore ?? null);
  const printedRate = readNumber(budget.printedRate ?? null);
  const base: ScoredBudgetOk = {
    ok: true,
    initial: initial?.toNumber() ?? null,
    fullYear: fullYear.toNumber(),
    executed: executed?.toNumber() ?? null,
    weight: w.toNumber(),
    rate: null,
    score: 0,
    explanation: '',
    deviationRequired: false,
    deviationMandatory: false,
    deviationReason: budget.deviationReason?.trim() || null,
    pending: false,
    printedScore: printedScore?.toNumber() ?? null,
    // A printed rate is a percentage (54.30 or "54.30%"); keep it as a fraction like `rate`.
    printedRate: printedRate ? printedRate.div(100).toNumber() : null,
  };
  if (!executed) return { ...base, pending: true, explanation: '尚未填写全年执行数' };
  if (fullYear.isZero()) {
    return {
      ...base,
      explanation: '全年预算数为 0，无法计算执行率，得 0 分',
      deviationRequired: true,
      deviationMandatory: true,
    };
  }
  const rate = executed.div(fullYear);
  const capped = D.min(rate, 1);
  const score = round(w.times(capped));
  const rateText = percent(rate);
  const explanation = rate.gt(1)
    ? `执行率 = 全年执行数 ${plain(executed)} ÷ 全年预算数 ${plain(fullYear)} = ${rateText}，超过 100% 按 100% 计，得满分 ${plain(w)}`
    : `执行率 = 全年执行数 ${plain(executed)} ÷ 全年预算数 ${plain(fullYear)} = ${rateText}；得分 = 分值 ${plain(w)} × ${rateText} = ${fixed2(score)}`;
  const mandatory = rate.lt(p.executionMandatoryBelow);
  const required = rate.lt(p.executionExplainBelow);
  return {
    ...base,
    rate: round(rate, 4).toNumber(),
    score: score.toNumber(),
    explanation,
    deviationRequired: required,
    deviationMandatory: mandatory,
  };
}

/** A table without a budget block: the line weighs 0 and is not scored, so the total is the indicators' alone. */
function absentBudget(budget: BudgetInput): ScoredBudgetOk {
  return {
    ok: true,
    initial: null,
    fullYear: 0,
    executed: null,
    weight: 0,
    rate: null,
    score: 0,
    explanation: '表中没有预算执行情况：预算执行率不计分（分值 0），总分只含绩效指标',
    deviationRequired: false,
    deviationMandatory: false,
    deviationReason: budget.deviationReason?.trim() || null,
    pending: false,
    printedScore: null,
    printedRate: null,
  };
}

/** The execution rate as an exact fraction, for audits that compare it with indicator completion. */
export function exactRate(budget: ScoredBudget): Dec | null {
  if (budget.executed == null || !budget.fullYear) return null;
  return new D(budget.executed).div(budget.fullYear);
}
