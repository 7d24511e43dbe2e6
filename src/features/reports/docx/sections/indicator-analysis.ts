import type { ScoredIndicator } from '../../../../domain/scoring/result';
import type { ReportData } from '../../model';
import { nonEmpty, runs } from '../../model';
import { formatRate, formatScore } from '../../numbers';
import { heading, para, type ReportBlock } from '../blocks';
import type { ReportFacts } from '../facts';
import { actualWithUnit, count, subHeading, targetPhrase } from '../phrases';

const DECISION = /决策|过程|管理/;
const OUTPUT = /产出/;

/**
 * 四、绩效评价指标分析, in the outline's order 决策、过程、产出、效益 — as far as the table supports it: the budget
 * line stands for 过程 when the table has no 决策/过程 indicators, and says so. Every indicator is described once;
 * reasons are quoted in 五 only, and a duplicated row is named as the duplicate it is.
 */
export function indicatorAnalysis(data: ReportData, facts: ReportFacts): ReportBlock[] {
  const { result } = data;
  const rows = result.indicators;
  const groups = runs(rows, (r) => r.level1);
  const decision = groups.filter((g) => DECISION.test(g.key));
  const output = groups.filter((g) => OUTPUT.test(g.key));
  const effect = groups.filter((g) => !DECISION.test(g.key) && !OUTPUT.test(g.key));

  const blocks: ReportBlock[] = [heading(1, '四、绩效评价指标分析'), heading(2, subHeading(1, '项目决策和过程管理情况'))];
  blocks.push(para(budgetSentence(data)));
  if (decision.length === 0) blocks.push(para('自评表未设置决策、过程类指标，项目决策和过程管理情况未单独评价。'));
  let n = 2;
  for (const [title, list] of [
    ['', decision],
    ['项目产出情况', output],
    ['项目效益情况', effect],
  ] as const) {
    if (list.length === 0) continue;
    if (title) blocks.push(heading(2, subHeading(n++, title)));
    for (const g of list) blocks.push(...groupBlocks(data, facts, g.start, g.end));
  }
  return blocks;
}

function budgetSentence({ result }: ReportData): string {
  const b = result.budget;
  if (b.pending) return `预算执行率分值${formatScore(b.weight)}分，全年执行数尚未填报，暂未计分。`;
  if (b.rate === null) return `预算执行率分值${formatScore(b.weight)}分，执行率无法计算，得${formatScore(b.score)}分。`;
  return b.score >= b.weight
    ? `预算执行率分值${formatScore(b.weight)}分，资金按计划执行，得满分。`
    : `预算执行率分值${formatScore(b.weight)}分，按执行率计得${formatScore(b.score)}分。`;
}

function groupBlocks(data: ReportData, facts: ReportFacts, start: number, end: number): ReportBlock[] {
  const { result } = data;
  const group = result.indicators.slice(start, end + 1);
  const key = group[0]!.level1;
  const subtotal = result.subtotals.find((s) => s.level1 === key);
  const counted = group.filter((_, j) => !facts.duplicateOf.has(start + j));
  const missed = counted.filter((r) => r.applicable && r.met === false).length;
  const open = counted.filter((r) => r.applicable && r.score === null).length;
  let lead = `${key}${count(group.length)}`;
  if (subtotal && open === counted.length) return [para(`${lead}，分值${formatScore(subtotal.weight)}分，实际完成值尚未填报。`), ...rowsOf()];
  if (subtotal) lead += `，分值${formatScore(subtotal.weight)}分，得${formatScore(subtotal.score)}分`;
  if (missed === 0 && open === 0) lead += group.length === 1 ? '，已达成。' : '，均已达成。';
  else lead += `${missed > 0 ? `，其中${missed}项未达成` : ''}${open > 0 ? `，${open}项尚未填报` : ''}。`;
  return [para(lead), ...rowsOf()];

  function rowsOf(): ReportBlock[] {
    return group.map((row, j) => para(`${j + 1}.${rowSentence(row, start + j, data, facts)}`));
  }
}

/** “数量指标“组织培训次数”年度指标值为“≥1场”，实际完成1场，达到年度指标值，得满分10分。” */
export function rowSentence(row: ScoredIndicator, index: number, data: ReportData, facts: ReportFacts): string {
  const first = facts.duplicateOf.get(index);
  if (first !== undefined) return `${row.level2}“${row.name}”与第${first + 1}项“${data.result.indicators[first]!.name}”重复，属重复设置的指标，不再重复分析（见五）。`;
  const head = `${row.level2}“${row.name}”${targetPhrase(row.target)}`;
  if (!row.applicable) return `${head}，本年度不适用，不计分。`;
  if (row.score === null) return `${head}，实际完成值尚未填报。`;
  const parts = [head, actualClause(row), ...verdict(row)];
  if (facts.contradicted.has(index) && data.result.budget.rate !== null) {
    parts.push(`填报值与表头预算执行率${formatRate(data.result.budget.rate)}不一致（见五）`);
  }
  parts.push(row.score >= row.weight ? `得满分${formatScore(row.score)}分` : `得${formatScore(row.score)}分（分值${formatScore(row.weight)}分）`);
  return `${parts.join('，')}。`;
}

function actualClause(row: ScoredIndicator): string {
  const actual = actualWithUnit(row);
  if (row.kind === 'qualitative' || row.kind === 'time') {
    if (!actual) return '完成情况未填写';
    if (/^(未达成|部分达成|达成)\s*\d+(?:\.\d+)?\s*分?$/.test(actual)) return '按达成程度评分';
    if (/^\d+(?:\.\d+)?%$/.test(actual)) return `完成程度${actual}`;
    return `完成情况为“${actual.replace(/[。；;，,]$/, '')}”`;
  }
  return actual ? `实际完成${actual}` : '实际完成值未填写';
}

/** Direction-aware wording: a ≤ row that overshot is 超出上限, a range row is 高于/低于区间, never “未达到” for both. */
function verdict(row: ScoredIndicator): string[] {
  if (row.kind === 'qualitative' || row.kind === 'time') {
    const band = row.band ?? (row.met === true ? '达成' : row.met === false ? '未达成' : null);
    return band ? [`评定为${band}`] : [];
  }
  if (row.met === true) {
    if (row.kind === 'negative') return ['控制在年度指标值以内'];
    if (row.kind === 'range') return ['在年度指标值区间内'];
    return ['达到年度指标值'];
  }
  if (row.met !== false) return [];
  return [shortfall(row)];
}

export function shortfall(row: ScoredIndicator): string {
  const a = row.actualValue;
  const t = row.targetValue;
  switch (row.kind) {
    case 'negative':
      return '超出年度指标值上限';
    case 'range': {
      // the engine keeps no single target value for a range; its upper end is the larger figure in the text
      const high = Math.max(...(row.target.match(/\d+(?:\.\d+)?/g) ?? ['Infinity']).map(Number));
      return a != null && a > high ? '高于年度指标值区间' : '低于年度指标值区间';
    }
    case 'equality':
      return a != null && t != null && a > t ? '高于年度指标值' : '低于年度指标值';
    case 'time':
      return '未按期完成';
    case 'qualitative':
      return `评定为${row.band ?? '未达成'}`;
    default:
      return '未达到年度指标值';
  }
}

/** A reason as the report quotes it, or null. */
export function reasonOf(row: ScoredIndicator): string | null {
  return nonEmpty(row.deviationReason);
}
