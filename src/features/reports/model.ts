import type { EvaluationInput } from '../../domain/evaluation';
import type { ScoredIndicator, ScoreResult } from '../../domain/scoring/result';
import { getProfile, resolveProfile } from '../../domain/scoring/profiles';
import { parseAmount, round } from './numbers';
import { cleanLine, yearAndName } from './text';

/**
 * Everything a report is drawn from: the evaluation as entered (header, money sources, goals) and the
 * engine's result (scores, explanations, warnings). Reports never score anything themselves.
 */
export interface ReportData {
  input: EvaluationInput;
  result: ScoreResult;
  /** When the document is produced: printed as the report's date. */
  generatedAt: Date;
  /** How the values were collected, when known (the bot knows; a CLI export of a JSON file does not). */
  collection?: { respondents: number; completedAt?: Date; reviewed?: boolean };
}

export interface FundingRow {
  label: string;
  initial: number | null;
  fullYear: number | null;
  executed: number | null;
}

/** 其中：当年财政拨款 / 上年结转资金 / 其他资金, in the order the 自评表 prints them. */
export function fundingSources(input: EvaluationInput): FundingRow[] {
  const s = input.budget.sources ?? {};
  const row = (label: string, r: Record<string, string | number | null> | undefined): FundingRow => ({
    label,
    initial: parseAmount(r?.initial),
    fullYear: parseAmount(r?.fullYear),
    executed: parseAmount(r?.executed),
  });
  return [row('当年财政拨款', s.currentYear), row('上年结转资金', s.carryOver), row('其他资金', s.other)];
}

export function projectYear(input: EvaluationInput): string | null {
  const y = input.project.year;
  if (y === null || y === undefined || String(y).trim() === '') return null;
  return cleanLine(String(y)).replace(/年度?$/, '').trim() || null;
}

/** “2019年度防范和处置非法集资专项业务经费”, never “2019年度2019年…”. */
export function reportSubject(input: EvaluationInput): string {
  return yearAndName(projectYear(input), input.project.name);
}

/**
 * Why the documents are a draft, in the words they print; empty when the evaluation is complete and (when it was
 * collected in chat) approved. A draft is marked 未完成（草稿） on the sheet, in the report and in every file name.
 */
export function draftReasons(data: Pick<ReportData, 'result' | 'collection'>): string[] {
  const { result } = data;
  const reasons: string[] = [];
  if (result.budget.pending) reasons.push('全年执行数尚未填报');
  const open = unanswered(result).length;
  if (open > 0) reasons.push(`${open}项指标的实际完成值尚未填报`);
  const unreadable = result.inputErrors?.length ?? 0;
  if (unreadable > 0) reasons.push(`${unreadable}处数据无法评分`);
  if (reasons.length === 0 && result.complete === false) reasons.push('评分数据不完整');
  if (data.collection?.reviewed === false) reasons.push('填报结果尚未全部审核确认');
  return reasons;
}

export function isDraft(data: Pick<ReportData, 'result' | 'collection'>): boolean {
  return draftReasons(data).length > 0;
}

/** The rule set as the report names it: “预算管理一体化平台绩效自评规则”, or null under the national default. */
export function profileTitle(result: ScoreResult): string | null {
  const p = getProfile(result.profile);
  if (!p || p.name === 'mof-2020') return null;
  return p.title ?? p.description;
}

/** The unit that writes the report: the 实施单位, else the 主管部门. */
export function reportingUnit(input: EvaluationInput): string | null {
  return nonEmpty(input.project.implementingUnit) ?? nonEmpty(input.project.department);
}

/** Cleaned text or null when blank (every text that reaches a document passes here or through `cleanText`). */
export function nonEmpty(s: string | null | undefined): string | null {
  const t = cleanLine(s);
  return t ? t : null;
}

/**
 * Rows that lost points against their target, in table order: what the card highlights and the report's 问题
 * section covers. A met row that lost points only to a regional deduction is an overshoot, not a shortfall.
 */
export function belowFull(result: ScoreResult): Array<{ index: number; row: ScoredIndicator; lost: number }> {
  const deducted = new Set((result.adjustments ?? []).map((a) => a.indicator));
  return result.indicators.flatMap((row, index) =>
    row.applicable && row.score !== null && row.score < row.weight && !(row.met === true && deducted.has(index))
      ? [{ index, row, lost: round(row.weight - row.score, 2) }]
      : [],
  );
}

/** Rows still without a score although applicable (collection not finished). */
export function unanswered(result: ScoreResult): ScoredIndicator[] {
  return result.indicators.filter((r) => r.applicable && r.score === null);
}

/** 分值 of the whole table: the budget line plus every indicator (the engine rescales the total when rows are 不适用). */
export function totalWeight(result: ScoreResult): number {
  return round(result.budget.weight + result.indicators.reduce((s, r) => s + r.weight, 0), 2);
}

/** Consecutive runs of equal keys, for merged 一级/二级 cells and grouped report sections. */
export function runs<T>(items: readonly T[], key: (item: T) => string): Array<{ key: string; start: number; end: number }> {
  const out: Array<{ key: string; start: number; end: number }> = [];
  items.forEach((item, i) => {
    const k = key(item);
    const last = out[out.length - 1];
    if (last && last.key === k && last.end === i - 1) last.end = i;
    else out.push({ key: k, start: i, end: i });
  });
  return out;
}

/**
 * Rows met with an actual far above the target (the profile's overshoot ratio, 130 % by default): the
 * 办法 asks whether the target was set too low. Returns the actual as a share of the target.
 */
export function overshoots(result: ScoreResult): Array<{ index: number; row: ScoredIndicator; ratio: number }> {
  const limit = resolveProfile(result.profile).overshootRatio;
  return result.indicators.flatMap((row, index) => {
    const t = row.targetValue;
    const a = row.actualValue;
    if (row.met !== true || (row.kind !== 'positive' && row.kind !== 'equality') || !t || t <= 0 || a === null || a === undefined) return [];
    const ratio = a / t;
    return ratio >= limit ? [{ index, row, ratio }] : [];
  });
}
