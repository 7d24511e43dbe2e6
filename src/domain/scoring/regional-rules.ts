import { D, fixed2, percent, plain, type Dec } from './decimal';
import type { RuleProfile } from './profiles';
import type { ProfileAdjustment, ScoredBudget, ScoredIndicator } from './result';

/**
 * The two adjustments of the 预算管理一体化 practice (profile `yitihua`, source cited in profiles.ts): a row
 * completed far above its target loses points, and the total is capped by the execution rate. Both are explained
 * in the row's or the total's explanation and listed in `ScoreResult.adjustments`, so every number can be traced.
 */

/** 指标偏离: a met numeric row at or above ratio × target loses the profile's points (never below 0). */
export function deductOvershoot(
  row: ScoredIndicator,
  index: number,
  profile: RuleProfile,
): { row: ScoredIndicator; adjustment: ProfileAdjustment | null } {
  const rule = profile.overshootDeduction;
  const t = row.targetValue;
  const a = row.actualValue;
  if (!rule || !row.applicable || row.score == null || row.met !== true) return { row, adjustment: null };
  if ((row.kind !== 'positive' && row.kind !== 'equality') || t == null || t <= 0 || a == null) return { row, adjustment: null };
  const ratio = new D(a).div(t);
  if (ratio.lt(rule.ratio)) return { row, adjustment: null };
  const before = new D(row.score);
  const after = D.max(0, before.minus(rule.points));
  const deducted = before.minus(after);
  const title = profile.title ?? profile.name;
  const message = `完成值为年度指标值的 ${percent(ratio)}，超过指标值 ${percent(new D(rule.ratio).minus(1), 0)} 及以上，按${title}减 ${plain(deducted)} 分：${fixed2(before)} − ${plain(deducted)} = ${fixed2(after)}`;
  return {
    row: { ...row, score: after.toNumber(), explanation: `${row.explanation}；${message}` },
    adjustment: { code: 'overshoot-deduction', indicator: index, points: deducted.toNumber(), message: `“${row.name}”${message}` },
  };
}

/** 项目自评减分规则: the total may not exceed the cap for the execution rate. */
export function capByExecution(total: Dec, budget: ScoredBudget, profile: RuleProfile): { total: Dec; adjustment: ProfileAdjustment | null } {
  const caps = profile.executionCaps;
  if (!caps || budget.pending || budget.executed == null || !budget.fullYear) return { total, adjustment: null };
  const rate = new D(budget.executed).div(budget.fullYear);
  const cap = caps.find((c) => rate.lt(c.below));
  if (!cap || total.lte(cap.max)) return { total, adjustment: null };
  const capped = new D(cap.max);
  const title = profile.title ?? profile.name;
  return {
    total: capped,
    adjustment: {
      code: 'execution-cap',
      points: total.minus(capped).toNumber(),
      message: `预算执行率 ${percent(rate)} 低于 ${percent(new D(cap.below), 0)}，按${title}总分不超过 ${cap.max} 分：${fixed2(total)} 调整为 ${fixed2(capped)}`,
    },
  };
}
