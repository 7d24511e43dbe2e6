import { resolveProfile } from '../../../../domain/scoring/profiles';
import type { Finding } from '../../findings';
import type { ReportData } from '../../model';
import { nonEmpty, profileTitle } from '../../model';
import { formatRate, formatScore, round } from '../../numbers';
import { heading, para, type ReportBlock } from '../blocks';
import type { ReportFacts } from '../facts';
import { actualWithUnit, sentence, subHeading, wan, wholePercent } from '../phrases';
import { reasonOf, shortfall } from './indicator-analysis';

/** Findings another item of 五 already states (the budget item, a row's shortfall or overshoot). */
const BUDGET_CODES = new Set(['completion-ahead-of-execution', 'execution-low']);
const PRINTED = /^printed-/;
const WEIGHTS = new Set(['weights-sum', 'level1-subtotal', 'budget-weight']);
/** Stated where the data lives (一, 资金投入和使用情况), not a problem of the project. */
const NOT_A_PROBLEM = new Set(['funding-sources-executed-missing']);

/**
 * 五、主要经验及做法、存在的问题及原因分析. 经验 comes from the importer (or is stated as not provided). The
 * problems agree with the audit: every finding `jixiao score --json` lists is stated here — a duplicate as a
 * duplicate, a contradiction as one, a missing mandatory reason as missing (“偏差原因未填写”) — and “未发现需要
 * 说明的问题” is written only when there is none. Each reason a person wrote is quoted here and nowhere else.
 */
export function problems(data: ReportData, facts: ReportFacts): ReportBlock[] {
  const experience = nonEmpty(data.input.report?.experience);
  const items = problemItems(data, facts);
  const blocks: ReportBlock[] = [
    heading(1, '五、主要经验及做法、存在的问题及原因分析'),
    heading(2, subHeading(1, '主要经验及做法')),
    para(experience ? sentence(experience) : '项目单位未提供主要经验及做法材料。'),
    heading(2, subHeading(2, '存在的问题及原因分析')),
  ];
  if (items.length === 0) {
    blocks.push(para('本年度预算执行和绩效目标完成情况良好，未发现需要说明的问题。'));
  } else {
    items.forEach((t, i) => blocks.push(para(`${i + 1}.${t}`)));
  }
  return blocks;
}

export function problemItems(data: ReportData, facts: ReportFacts): string[] {
  const { result } = data;
  const profile = resolveProfile(result.profile);
  const items: string[] = [];
  const used = new Set<Finding>();
  const rowFindings = (index: number, code?: string) =>
    facts.findings.filter((f) => f.indicator === index && (code === undefined || f.code === code));

  // The budget line.
  const b = result.budget;
  const budgetMissing = facts.findings.find((f) => f.code === 'deviation-missing' && f.indicator === undefined);
  if (b.rate !== null && b.rate < 1 && b.executed !== null) {
    const below = b.deviationMandatory ? `，低于${Math.round(profile.executionMandatoryBelow * 100)}%` : '';
    const reason = nonEmpty(b.deviationReason);
    let text = `预算执行不充分，预算执行率为${formatRate(b.rate)}${below}，结余资金${wan(round(b.fullYear - b.executed, 4))}${reason ? '' : '，偏差原因未填写'}。`;
    const ahead = facts.findings.find((f) => f.code === 'completion-ahead-of-execution');
    if (ahead && facts.completion !== null) text += `指标完成程度${formatRate(facts.completion)}，高于预算执行率，资金结余与目标完成情况不匹配。`;
    if (reason) text += sentence(`原因：${reason}`);
    items.push(text);
    for (const f of facts.findings) if (BUDGET_CODES.has(f.code) || f === budgetMissing) used.add(f);
  } else if (budgetMissing) {
    items.push(`预算执行率无法计算，原因未说明。`);
    used.add(budgetMissing);
  }

  // Rows that lost points.
  for (const { index, row, lost } of facts.belowFull) {
    if (facts.duplicateOf.has(index)) continue;
    const actual = actualWithUnit(row);
    const reason = reasonOf(row);
    const target = `“${row.target.trim()}”`;
    const what =
      row.kind === 'qualitative' || row.kind === 'time'
        ? `年度指标值为${target}，${shortfall(row)}`
        : `${actual ? `实际完成${actual}，` : ''}${shortfall(row)}${target}`;
    let text = `“${row.name}”${what}，扣${formatScore(lost)}分${reason ? '' : '，偏差原因未填写'}。`;
    if (reason) text += sentence(`原因及改进措施：${reason}`);
    items.push(text);
    rowFindings(index, 'deviation-missing').forEach((f) => used.add(f));
  }

  // Rows far above their target: the target may have been set too low.
  const deductions = new Map((result.adjustments ?? []).filter((a) => a.indicator !== undefined).map((a) => [a.indicator!, a]));
  const title = profileTitle(result);
  for (const { index, row, ratio } of facts.overshoots) {
    const actual = actualWithUnit(row);
    const reason = reasonOf(row);
    const deduction = deductions.get(index);
    let text = `“${row.name}”实际完成${actual ?? ''}，为年度指标值（${row.target.trim()}）的${wholePercent(ratio)}，超出较多，指标值设定偏低`;
    if (deduction && title) text += `，按${title}减${formatScore(deduction.points)}分`;
    text += !reason && row.deviationRequired ? '，超出原因未填写。' : '。';
    if (reason) text += sentence(`原因：${reason}`);
    items.push(text);
    rowFindings(index, 'deviation-missing').forEach((f) => used.add(f));
  }

  // Duplicates and contradictions, one item per row.
  for (const [dup, first] of facts.duplicateOf) {
    const name = result.indicators[dup]!.name;
    items.push(`“${name}”在自评表中重复出现（第${first + 1}项与第${dup + 1}项），属重复指标，同一事项计分两次，应删除其一。`);
    rowFindings(dup, 'duplicate-indicator').forEach((f) => used.add(f));
  }
  for (const f of facts.findings) {
    if (f.code !== 'budget-rate-reused' || f.indicator === undefined || used.has(f)) continue;
    const row = result.indicators[f.indicator]!;
    let text = `“${row.name}”已在预算执行一栏计分，又作为绩效指标计${formatScore(row.weight)}分，预算执行率重复计分`;
    const contradiction = rowFindings(f.indicator, 'budget-rate-contradiction')[0];
    if (contradiction && b.rate !== null) {
      text += `；且该指标填报${actualWithUnit(row) ?? ''}，与表头预算执行率${formatRate(b.rate)}相矛盾`;
      used.add(contradiction);
    }
    items.push(`${text}。`);
    used.add(f);
  }
  for (const f of facts.findings) {
    if (f.code !== 'budget-rate-contradiction' || used.has(f) || f.indicator === undefined || b.rate === null) continue;
    const row = result.indicators[f.indicator]!;
    items.push(`“${row.name}”填报${actualWithUnit(row) ?? ''}，与表头预算执行率${formatRate(b.rate)}相矛盾。`);
    used.add(f);
  }

  // Other row findings (a reason the rules require but nobody wrote, a degree scored in full, a later-year target).
  const byRow = new Map<number, string[]>();
  for (const f of facts.findings) {
    if (used.has(f) || f.indicator === undefined) continue;
    const row = result.indicators[f.indicator]!;
    const phrase = rowPhrase(f, row);
    if (!phrase) continue;
    byRow.set(f.indicator, [...(byRow.get(f.indicator) ?? []), phrase]);
    used.add(f);
  }
  for (const [index, phrases] of [...byRow].sort((x, y) => x[0] - y[0])) {
    items.push(`“${result.indicators[index]!.name}”${phrases.join('；')}。`);
  }

  // Table-wide findings.
  const rest = facts.findings.filter((f) => !used.has(f) && !NOT_A_PROBLEM.has(f.code));
  const printed = rest.filter((f) => PRINTED.test(f.code));
  if (printed.length > 0) {
    const onlyRounding = printed.every((f) => f.severity === 'info');
    items.push(
      `${onlyRounding ? '原表得分按整数填写，本报告按评分规则保留两位小数' : '原表填报的得分或执行率与按评分规则计算的结果不一致，本报告按规则重新计算'}：${printed.map((f) => original(f.message)).join('；')}。`,
    );
  }
  const weights = rest.filter((f) => WEIGHTS.has(f.code));
  if (weights.length > 0) items.push(`指标分值设置与评分规则不一致：${weights.map((f) => f.message).join('；')}。`);
  for (const f of rest.filter((x) => x.code === 'spending-exceeds-execution')) items.push(`${original(f.message).replace('各指标报告的', '各指标填报的')}，支出数据前后不一致。`);
  for (const f of rest.filter((x) => x.code === 'funding-sources-sum')) items.push(`${f.message}。`);
  const unreadable = rest.filter((f) => f.indicator === undefined && !PRINTED.test(f.code) && !WEIGHTS.has(f.code) && f.code !== 'spending-exceeds-execution' && f.code !== 'funding-sources-sum');
  for (const f of unreadable) items.push(sentence(f.message));

  if (items.length === 0 && facts.draft.length > 0) items.push('评价数据尚未填报完整，存在的问题待数据补齐后分析。');
  return items;
}

/** A row finding as a clause after the row's name. */
function rowPhrase(f: Finding, row: ReportData['result']['indicators'][number]): string | null {
  const actual = actualWithUnit(row);
  switch (f.code) {
    case 'deviation-missing':
      return `实际完成${actual ?? ''}，与年度指标值“${row.target.trim()}”不一致，偏差原因未填写`;
    case 'qualitative-degree-full-score':
      return `完成程度${actual ?? ''}却按达成计满分${formatScore(row.weight)}分，评分依据需核实`;
    case 'multi-year-target':
      return `年度指标值“${row.target.trim()}”是以后年度的目标，本年难以考核，应改为本年可考核的指标值`;
    case 'printed-score-above-weight':
    case 'printed-score-mismatch':
    case 'printed-score-rounded':
      return null;
    default:
      return original(f.message).replace(`“${row.name}”`, '').replace(/^[：:，,\s]+/, '');
  }
}

/**
 * The audit writes 表上 (“on the sheet”) and spaces numbers apart for a terminal; the report speaks of the 原表
 * it was given and writes Chinese without those spaces.
 */
function original(message: string): string {
  return message
    .replace(/表上/g, '原表')
    .replace(/\s+(?=[\d“（(])|(?<=[\d”）)%])\s+/g, '')
    .replace(/^预算执行率：/, '预算执行率')
    .replace(/”：/g, '”');
}
