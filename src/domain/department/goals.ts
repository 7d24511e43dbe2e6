import { D, plain, type Dec } from '../scoring/decimal';
import { cleanNumber, normalize, NUMBER } from '../scoring/text';
import type { Goal } from './evaluation';

/**
 * The 定量目标 of a 部门整体 自评表 list rates by name in running text — `重点工作完成率100%、预算完成率100%、
 * 政府采购执行率100%` — and the 完成情况 repeats them with what was reached. A rate reached below its target is a
 * shortfall the score or the 说明 should account for (seed 004: 政府采购执行率 100% → 90%).
 */
const RATE = new RegExp(`^(.+?)(?:达到|达|为|≥|>=|不低于)?(${NUMBER})%$`);

export function namedRates(text: string | null | undefined): Map<string, Dec> {
  const out = new Map<string, Dec>();
  if (!text) return out;
  for (const piece of normalize(text).split(/[、，,；;。]/)) {
    const m = RATE.exec(piece.replace(/^(?:指标\d+[:：])/, ''));
    if (m) out.set(m[1]!.replace(/[“”"]/g, ''), new D(cleanNumber(m[2]!)));
  }
  return out;
}

export interface GoalShortfall {
  goal: string;
  rate: string;
  target: Dec;
  actual: Dec;
  message: string;
}

export function goalShortfalls(goals: Goal[] | undefined): GoalShortfall[] {
  const out: GoalShortfall[] = [];
  for (const g of goals ?? []) {
    const targets = namedRates(g.target);
    const actuals = namedRates(g.actual);
    const label = [g.category, g.name].filter(Boolean).join('·') || '定量目标';
    for (const [rate, target] of targets) {
      const actual = actuals.get(rate);
      if (actual && actual.lt(target)) {
        out.push({ goal: label, rate, target, actual, message: `${label}：${rate}目标 ${plain(target)}%，实际完成 ${plain(actual)}%` });
      }
    }
  }
  return out;
}
