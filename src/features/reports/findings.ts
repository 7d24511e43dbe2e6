import type { EvaluationInput } from '../../domain/evaluation';
import type { ScoreResult, Warning } from '../../domain/scoring/result';
import type { ReportData } from './model';
import { fundingSources } from './model';
import { formatAmount, round } from './numbers';

/**
 * Everything the data check found, in one list for the clerk's 核查 file and the report's 五: the engine's audit
 * (`jixiao score --json` warnings), values it could not read, and the checks only the documents need (the
 * 资金来源 lines must add up to the 年度资金总额 the 财政局 compares them with).
 */
export interface Finding {
  code: string;
  severity: 'red' | 'yellow' | 'info';
  /** Index into `result.indicators`, when the finding is about one row. */
  indicator?: number;
  message: string;
}

export function allFindings(data: Pick<ReportData, 'input' | 'result'>): Finding[] {
  const { input, result } = data;
  return [
    ...(result.inputErrors ?? []).map((e): Finding => ({ code: e.code, severity: 'red', message: e.message, ...at(e.indicator) })),
    ...result.warnings.map((w: Warning): Finding => ({ code: w.code, severity: w.severity ?? 'yellow', message: w.message, ...at(w.indicator) })),
    ...fundingChecks(input, result),
  ];
}

const at = (indicator: number | undefined) => (indicator === undefined ? {} : { indicator });

/**
 * 其中：当年财政拨款 / 上年结转资金 / 其他资金 against 年度资金总额, column by column. A column where no source line
 * is filled is not checked, except 全年执行数: given in total but not split, it is reported as missing.
 */
export function fundingChecks(input: EvaluationInput, result: ScoreResult): Finding[] {
  const sources = fundingSources(input);
  const b = result.budget;
  const out: Finding[] = [];
  const columns = [
    { key: 'initial', label: '年初预算数', total: b.initial },
    { key: 'fullYear', label: '全年预算数', total: b.fullYear },
    { key: 'executed', label: '全年执行数', total: b.executed },
  ] as const;
  for (const { key, label, total } of columns) {
    const values = sources.map((s) => s[key]);
    if (total === null || values.every((v) => v === null)) continue;
    const sum = round(values.reduce<number>((s, v) => s + (v ?? 0), 0), 4);
    if (Math.abs(sum - total) > 0.00005) {
      out.push({
        code: 'funding-sources-sum',
        severity: 'red',
        message: `资金来源分项的${label}合计${formatAmount(sum)}万元，与年度资金总额的${label}${formatAmount(total)}万元不符`,
      });
    }
  }
  const split = sources.some((s) => s.fullYear !== null && s.fullYear !== 0);
  if (b.executed !== null && split && sources.every((s) => s.executed === null)) {
    out.push({ code: 'funding-sources-executed-missing', severity: 'yellow', message: '全年执行数未按资金来源（当年财政拨款、上年结转资金、其他资金）分项填写' });
  }
  return out;
}
