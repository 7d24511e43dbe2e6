import type { ReportData } from '../../model';
import { projectYear } from '../../model';
import { heading, para, type ReportBlock } from '../blocks';
import type { ReportFacts } from '../facts';
import { indicatorNames, wan } from '../phrases';
import { reasonOf } from './indicator-analysis';

/** Findings that mean the table itself must be corrected before anyone relies on it. */
const DATA_PROBLEMS = new Set([
  'duplicate-indicator',
  'budget-rate-reused',
  'budget-rate-contradiction',
  'spending-exceeds-execution',
  'funding-sources-sum',
  'printed-score-mismatch',
  'printed-score-above-weight',
  'printed-rate-mismatch',
  'printed-rows-sum-mismatch',
  'printed-total-mismatch',
]);

/**
 * 六、有关建议: one recommendation per kind of problem 五 found, and only those: advice to carry out the measures
 * in the 偏差原因分析 is given only for rows where someone wrote one. Nothing found: “无。”, as seed 000 writes it.
 */
export function suggestions(data: ReportData, facts: ReportFacts): ReportBlock[] {
  const items = suggestionItems(data, facts);
  const blocks: ReportBlock[] = [heading(1, '六、有关建议')];
  if (items.length === 0) blocks.push(para('无。'));
  else items.forEach((t, i) => blocks.push(para(`${i + 1}.${t}`)));
  return blocks;
}

/** The recommendations, each “标题。内容”, without numbering (the unit report gathers them across projects). */
export function suggestionItems(data: ReportData, facts: ReportFacts): string[] {
  const { input, result } = data;
  const year = Number(projectYear(input));
  const next = Number.isFinite(year) && year > 0 ? `${year + 1}年度` : '下一年度';
  const items: string[] = [];
  const b = result.budget;
  if (b.rate !== null && b.rate < 1 && b.executed !== null) {
    items.push(`加强预算执行管理。建议按季度跟踪支出进度，${next}编制预算时结合本年度实际执行数${wan(b.executed)}合理测算资金需求。`);
  }
  const short = facts.belowFull.filter((s) => !facts.duplicateOf.has(s.index));
  const explained = short.filter((s) => reasonOf(s.row)).map((s) => s.row.name);
  if (explained.length > 0) {
    items.push(`落实整改措施。对${indicatorNames(explained)}，按偏差原因分析中提出的改进措施整改，并在${next}跟踪完成情况。`);
  }
  const unexplained = [
    ...short.filter((s) => !reasonOf(s.row)).map((s) => s.row.name),
    ...facts.overshoots.filter((o) => o.row.deviationRequired && !reasonOf(o.row)).map((o) => o.row.name),
    ...facts.findings.filter((f) => f.code === 'deviation-missing' && f.indicator !== undefined).map((f) => result.indicators[f.indicator!]!.name),
  ];
  const budgetUnexplained = b.deviationRequired && !b.deviationReason;
  const names = [...new Set(unexplained)];
  if (names.length > 0 || budgetUnexplained) {
    const what = [...(budgetUnexplained ? ['预算执行偏差'] : []), ...(names.length > 0 ? [indicatorNames(names)] : [])].join('和');
    items.push(`补充偏差原因分析。${what}未说明原因，建议逐项分析原因、提出改进措施后再报送。`);
  }
  const over = facts.overshoots.map((o) => o.row.name);
  if (over.length > 0) {
    items.push(`科学设定指标值。${indicatorNames(over)}的实际完成值明显超出年度指标值，建议${next}结合本年度完成情况合理调整指标值。`);
  }
  if (facts.findings.some((f) => DATA_PROBLEMS.has(f.code))) {
    items.push('规范自评表填报。对重复设置、数据矛盾或计算有误的内容逐项核实更正，确保自评表数据与财务数据一致。');
  }
  const qualitative = result.indicators.filter((r) => r.kind === 'qualitative' && r.applicable).map((r) => r.name);
  const uniqueQualitative = [...new Set(qualitative)];
  if (uniqueQualitative.length > 0) {
    items.push(`细化定性指标。${indicatorNames(uniqueQualitative)}为定性指标，建议${next}细化为可量化、可核实的指标值，便于客观评价。`);
  }
  return items;
}
