import type { EvaluationInput } from '../evaluation';
import { D, percent, plain, round, type Dec } from './decimal';
import { readNumber } from './numbers-in';
import { parseTarget } from './parse-target';
import type { RuleProfile } from './profiles';
import type { ScoredBudget, ScoredIndicator, Warning } from './result';
import { exactRate } from './score-budget';
import { normalize } from './text';

/**
 * Checks a whole table the way a finance-bureau reviewer would (财预〔2020〕10号《项目支出绩效评价管理办法》; the seed tables in test/fixtures/seeds/): weights, printed
 * figures against computed ones, double counting, missing explanations, and money that was not spent while every
 * indicator claims completion.
 */
export interface AuditInput {
  input: EvaluationInput;
  budget: ScoredBudget;
  rows: ScoredIndicator[];
  total: number;
  profile: RuleProfile;
}

const LEVEL1_ALIASES: Record<string, string> = {
  产出: '产出指标',
  效益: '效益指标',
  满意度: '满意度指标',
  服务对象满意度指标: '满意度指标',
  服务对象满意度: '满意度指标',
};
const BUDGET_RATE_NAME = /预算(?:资金)?执行率|资金执行率|资金支付(?:完成)?率/;
const SPENDING_NAME = /发放|支付|拨付|支出|经费|补助|补贴|津贴/;

function level1Key(name: string): string {
  const n = normalize(name).replace(/[(（]\d+(?:\.\d+)?分?[)）]$/, '');
  return LEVEL1_ALIASES[n] ?? n;
}

/** Decimals as printed: "54.30%" → 2, "86%" → 0, 6 → 0. */
function printedDecimals(value: unknown): number {
  const m = /\.(\d+)/.exec(String(value ?? ''));
  return m ? m[1]!.length : 0;
}

/** A row's money actual in 万元, the tables' unit, when the target is an amount of money. */
function wanYuan(row: ScoredIndicator): Dec | null {
  if (row.actualValue == null || !row.unit?.endsWith('元')) return null;
  const factor = row.unit === '万元' ? 1 : row.unit === '亿元' ? 1e4 : row.unit === '元' ? 1e-4 : null;
  return factor == null ? null : new D(row.actualValue).times(factor);
}

function comparePrinted(
  warnings: Warning[],
  label: string,
  printed: number | null | undefined,
  computed: number | null,
  weight: number,
  indicator?: number,
): void {
  if (printed == null) return;
  const at = indicator === undefined ? {} : { indicator };
  if (printed > weight) {
    warnings.push({ code: 'printed-score-above-weight', severity: 'red', message: `${label}：表上得分 ${printed} 超过分值 ${weight}`, ...at });
  }
  if (computed == null || new D(printed).eq(computed)) return;
  const rounded = roundedTo(printed, computed);
  warnings.push(
    rounded
      ? { code: 'printed-score-rounded', severity: 'info', message: `${label}：表上得分 ${printed} 是 ${computed.toFixed(2)} ${rounded}的结果`, ...at }
      : { code: 'printed-score-mismatch', severity: 'red', message: `${label}：表上得分 ${printed}，按规则应为 ${computed.toFixed(2)}`, ...at },
  );
}

/**
 * `取整` when the printed figure is the computed one rounded to a whole point, `保留一位小数` when rounded to one
 * decimal (real tables print both), else null: a different number.
 */
function roundedTo(printed: number, computed: number): string | null {
  const exact = new D(computed);
  if (exact.toDecimalPlaces(0, D.ROUND_HALF_UP).eq(printed)) return '取整';
  if (printedDecimals(printed) === 1 && exact.toDecimalPlaces(1, D.ROUND_HALF_UP).eq(printed)) return '保留一位小数';
  return null;
}

export function auditEvaluation({ input, budget, rows, total, profile }: AuditInput): Warning[] {
  const warnings: Warning[] = [];
  const rate = exactRate(budget);

  // Weights.
  const weightSum = rows.reduce((s, r) => s.plus(r.weight), new D(budget.weight));
  if (!weightSum.eq(profile.totalPoints)) {
    warnings.push({ code: 'weights-sum', severity: 'red', message: `分值合计 ${plain(weightSum)}（含预算执行率 ${budget.weight}），应为 ${profile.totalPoints}` });
  }
  if (input.budget.absent) {
    warnings.push({ code: 'budget-weight', severity: 'yellow', message: `表中没有预算执行情况，预算执行率按 0 分计；规则“${profile.name}”为 ${profile.budgetWeight} 分` });
  } else if (budget.weight !== profile.budgetWeight) {
    warnings.push({ code: 'budget-weight', severity: 'yellow', message: `预算执行率分值为 ${budget.weight}，规则“${profile.name}”为 ${profile.budgetWeight}` });
  }
  if (profile.level1Weights) {
    const sums = new Map<string, Dec>();
    for (const r of rows) sums.set(level1Key(r.level1), (sums.get(level1Key(r.level1)) ?? new D(0)).plus(r.weight));
    for (const [name, expected] of Object.entries(profile.level1Weights)) {
      const got = sums.get(name) ?? new D(0);
      if (!got.eq(expected)) {
        warnings.push({ code: 'level1-subtotal', severity: 'yellow', message: `${name}分值合计 ${plain(got)}，规则“${profile.name}”为 ${expected}（如有特殊情况可调整，请说明）` });
      }
    }
  }

  // Printed figures against computed ones.
  comparePrinted(warnings, '预算执行率', budget.printedScore, budget.pending ? null : budget.score, budget.weight);
  if (budget.printedRate != null && rate) {
    const dp = printedDecimals(input.budget.printedRate);
    const shown = round(rate.times(100), dp);
    if (!shown.eq(new D(budget.printedRate).times(100))) {
      warnings.push({ code: 'printed-rate-mismatch', severity: 'red', message: `表上执行率 ${String(input.budget.printedRate).trim().replace(/%?$/, '%')}，${plain(new D(budget.executed!))} ÷ ${plain(new D(budget.fullYear))} = ${percent(rate)}` });
    }
  }
  rows.forEach((r, i) => comparePrinted(warnings, `“${r.name}”`, r.printedScore, r.applicable ? r.score : null, r.weight, i));

  const printedTotal = readNumber(input.printedTotal ?? null);
  // Only a table that prints every applicable row's 得分 can be checked against its own 总分.
  const printedRows = [budget.printedScore, ...rows.filter((r) => r.applicable).map((r) => r.printedScore)];
  if (printedTotal && printedRows.every((v) => v != null)) {
    const sum = printedRows.reduce((s: Dec, v) => s.plus(v!), new D(0));
    // A 总分 printed as the rows' sum rounded (95 for 95.05) adds up; printed-total-rounded already says so.
    if (!sum.eq(printedTotal) && !roundedTo(printedTotal.toNumber(), sum.toNumber())) {
      warnings.push({ code: 'printed-rows-sum-mismatch', severity: 'red', message: `表上各行得分合计 ${plain(sum)}，而表上总分为 ${plain(printedTotal)}` });
    }
  }
  if (printedTotal && !printedTotal.eq(total)) {
    const rounded = roundedTo(printedTotal.toNumber(), total);
    warnings.push({
      code: rounded ? 'printed-total-rounded' : 'printed-total-mismatch',
      severity: rounded ? 'info' : 'red',
      message: `表上总分 ${plain(printedTotal)}，按规则计算为 ${total.toFixed(2)}`,
    });
  }

  // Duplicates and double counting.
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    const key = normalize(r.name);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else {
      warnings.push({ code: 'duplicate-indicator', severity: 'red', indicator: i, message: `“${r.name}”重复出现（第 ${first + 1} 行与第 ${i + 1} 行），同一事项计分两次` });
    }
  });
  rows.forEach((r, i) => {
    if (!BUDGET_RATE_NAME.test(normalize(r.name))) return;
    warnings.push({ code: 'budget-rate-reused', severity: 'yellow', indicator: i, message: `“${r.name}”已在预算执行一栏计分（${budget.weight} 分），又作为指标计 ${r.weight} 分：执行率被计分两次` });
    if (rate && r.actualValue != null && r.unit === '%' && !round(rate.times(100), 2).eq(r.actualValue)) {
      warnings.push({ code: 'budget-rate-contradiction', severity: 'red', indicator: i, message: `“${r.name}”填写 ${r.actualValue}%，而表头执行率为 ${percent(rate)}` });
    }
  });

  // Explanations that the rules require.
  if (budget.deviationRequired && !budget.deviationReason) {
    warnings.push({
      code: 'deviation-missing',
      severity: budget.deviationMandatory ? 'red' : 'yellow',
      message: rate
        ? `预算执行率 ${percent(rate)} 低于 ${budget.deviationMandatory ? percent(new D(profile.executionMandatoryBelow), 0) : '100%'}，需填写偏差原因分析及改进措施`
        : '预算执行率无法计算，需填写原因',
    });
  }
  rows.forEach((r, i) => {
    if (r.applicable && r.deviationRequired && !r.deviationReason) {
      warnings.push({ code: 'deviation-missing', severity: r.score != null && r.score < r.weight ? 'red' : 'yellow', indicator: i, message: `“${r.name}”需填写偏差原因分析及改进措施：${r.deviationWhy}` });
    }
    const degree = r.kind === 'qualitative' || r.kind === 'time' ? r.actualValue : null;
    if (degree != null && degree < 100 && r.score === r.weight) {
      warnings.push({ code: 'qualitative-degree-full-score', severity: 'yellow', indicator: i, message: `“${r.name}”完成程度 ${degree}% 却得满分 ${r.weight}：请核实是否确已达成“${r.target}”，并简述完成情况` });
    }
    const t = parseTarget(r.target);
    if (t.ok && t.multiYear) {
      warnings.push({ code: 'multi-year-target', severity: 'yellow', indicator: i, message: `“${r.name}”的年度指标值“${r.target}”是以后年度的目标，本年按定性指标评分；请改为本年可考核的指标值` });
    }
  });

  // Completion against execution.
  if (rate) {
    const scored = rows.filter((r) => r.applicable && r.score != null);
    const weights = scored.reduce((s, r) => s.plus(r.weight), new D(0));
    if (weights.gt(0)) {
      const completion = scored.reduce((s, r) => s.plus(r.score!), new D(0)).div(weights);
      if (completion.minus(D.min(rate, 1)).gt(profile.completionAheadTolerance)) {
        const gap = `指标完成度 ${percent(completion)} 比预算执行率 ${percent(rate)} 高出 ${plain(round(completion.minus(rate).times(100), 2))} 个百分点`;
        // An under-spend the table already explains is a difference to read, not an error (reports review, defect 18).
        warnings.push(
          budget.deviationReason
            ? { code: 'completion-ahead-of-execution', severity: 'info', message: `${gap}，预算执行的偏差原因已说明` }
            : { code: 'completion-ahead-of-execution', severity: 'red', message: `${gap}：资金未用完而指标已完成，请核实指标或说明原因` },
        );
      }
    }
    if (rate.lt(profile.executionLowBelow)) {
      warnings.push({ code: 'execution-low', severity: 'yellow', message: `预算执行率 ${percent(rate)} 低于 ${percent(new D(profile.executionLowBelow), 0)}` });
    }
    const spent = rows.filter((r) => SPENDING_NAME.test(r.name)).map(wanYuan).filter((v): v is Dec => v != null);
    if (spent.length && budget.executed != null) {
      const sum = spent.reduce((s, v) => s.plus(v), new D(0));
      if (sum.gt(budget.executed)) {
        warnings.push({ code: 'spending-exceeds-execution', severity: 'yellow', message: `各指标报告的发放/支付金额合计 ${plain(sum)} 万元，超过全年执行数 ${plain(new D(budget.executed))} 万元` });
      }
    }
  }
  return warnings;
}
