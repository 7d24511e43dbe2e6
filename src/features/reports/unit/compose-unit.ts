import type { ReportData } from '../model';
import { draftReasons, nonEmpty, projectYear, reportingUnit } from '../model';
import { formatAmount, formatRate, formatScore, round } from '../numbers';
import { heading, para, type ReportBlock } from '../docx/blocks';
import { reportFacts } from '../docx/facts';
import { chineseDate, count, sentence, subHeading, wan } from '../docx/phrases';
import { problemItems } from '../docx/sections/problems';
import { suggestionItems } from '../docx/sections/suggestions';

export interface UnitReportOptions {
  /** The unit as titled; defaults to the 实施单位 the evaluations share. */
  unit?: string | null;
  /** The year as titled (“2019”); defaults to the year the evaluations share. */
  year?: string | null;
  generatedAt: Date;
}

/**
 * The 单位项目支出绩效自评报告 over every evaluation a unit ran in a year, in the structure of seed 002: the
 * project table (项目名称、类型、用途、预算、支出), each project's targets and results, then the problems and the
 * suggestions across projects. Every project's own text comes from the same code as its 自评报告 (problems,
 * suggestions), so the two documents cannot disagree.
 */
export function composeUnitReport(list: readonly ReportData[], opts: UnitReportOptions): ReportBlock[] {
  const unit = nonEmpty(opts.unit) ?? shared(list.map((d) => reportingUnit(d.input))) ?? '本单位';
  const year = nonEmpty(opts.year) ?? shared(list.map((d) => projectYear(d.input)));
  const yearText = year ? `${year}年度` : '';
  const names = list.map((d) => nonEmpty(d.input.project.name) ?? '未命名项目');
  const budget = round(list.reduce((s, d) => s + d.result.budget.fullYear, 0), 4);
  const pending = list.filter((d) => d.result.budget.executed === null).length;
  const spent = round(list.reduce((s, d) => s + (d.result.budget.executed ?? 0), 0), 4);

  const blocks: ReportBlock[] = [{ kind: 'title', text: `${unit}${yearText}项目支出绩效自评报告` }];
  const drafts = list.map((d, i) => ({ name: names[i]!, reasons: draftReasons(d) })).filter((d) => d.reasons.length > 0);
  if (drafts.length > 0) blocks.push({ kind: 'mark', text: '未完成（草稿）' });

  blocks.push(heading(1, '一、项目支出基本情况'), heading(2, subHeading(1, '项目支出资金概况')));
  let money = `${yearText}${unit}项目支出预算共${wan(budget)}，包含项目${list.length}个，实际支出${wan(spent)}`;
  if (budget > 0 && pending === 0) money += `，预算执行率${formatRate(spent / budget)}`;
  money += pending > 0 ? `（其中${pending}个项目的全年执行数尚未填报，未计入）。` : '。';
  blocks.push({ kind: 'paragraph', text: `${money}具体情况如下（金额单位：万元）：`, keepNext: true });
  blocks.push({
    kind: 'table',
    header: ['项目名称', '项目类型', '资金用途、使用方向', '预算金额', '支出金额'],
    widths: [34, 12, 26, 14, 14],
    rows: [
      ...list.map((d, i) => [
        names[i]!,
        nonEmpty(d.input.project.category) ?? '未填写',
        nonEmpty(d.input.project.purpose) ?? '未填写',
        formatAmount(d.result.budget.fullYear),
        d.result.budget.executed === null ? '未填报' : formatAmount(d.result.budget.executed),
      ]),
      ['合计', '', '', formatAmount(budget), formatAmount(spent)],
    ],
  });

  blocks.push(heading(2, subHeading(2, '项目绩效目标情况')));
  list.forEach((d, i) => {
    const goal = nonEmpty(d.input.goals?.expected);
    blocks.push(para(`（${i + 1}）${names[i]}。${goal ? sentence(`年度总体目标为${goal.replace(/[。；]$/, '')}`) : '年度总体目标未填写。'}设置三级指标${count(d.result.indicators.length)}。`));
  });

  blocks.push(heading(1, '二、绩效评价工作情况'));
  blocks.push(para(`${unit}对${yearText}${list.length}个项目逐一开展绩效自评，由各项目责任人对照年初绩效目标填报实际完成情况，按《项目支出绩效评价管理办法》（财预〔2020〕10号）评分。各项目自评结果如下：`));
  blocks.push({
    kind: 'table',
    header: ['项目名称', '自评得分', '绩效等级'],
    widths: [60, 20, 20],
    rows: list.map((d, i) => [names[i]!, formatScore(d.result.total), draftReasons(d).length > 0 ? '未完成（草稿）' : d.result.grade]),
  });

  blocks.push(heading(1, '三、项目支出主要绩效'));
  list.forEach((d, i) => blocks.push(para(`${i + 1}.${names[i]}：${results(d)}`)));

  blocks.push(heading(1, '四、存在的问题'));
  const problems = list.map((d) => problemItems(d, reportFacts(d)));
  if (problems.every((p) => p.length === 0)) blocks.push(para('各项目预算执行和绩效目标完成情况良好，未发现需要说明的问题。'));
  problems.forEach((items, i) => {
    if (items.length === 0) return;
    blocks.push(heading(2, subHeading(i + 1, names[i]!)));
    items.forEach((t, j) => blocks.push(para(`${j + 1}.${t}`)));
  });

  blocks.push(heading(1, '五、有关建议'));
  const advice = gatherAdvice(list, names);
  if (advice.length === 0) blocks.push(para('无。'));
  advice.forEach((t, i) => blocks.push(para(`${i + 1}.${t}`)));

  blocks.push(heading(1, '六、其他需要说明的问题'));
  if (drafts.length === 0) blocks.push(para('无。'));
  else drafts.forEach((d) => blocks.push(para(`“${d.name}”的评价尚未完成（${d.reasons.join('，')}），表中得分为草稿。`)));
  blocks.push({ kind: 'signature', lines: [unit, chineseDate(opts.generatedAt)] });
  return blocks;
}

/** One project's results in a sentence or two: score, execution, indicators met and missed. */
function results(d: ReportData): string {
  const { result } = d;
  const b = result.budget;
  const draft = draftReasons(d).length > 0;
  const parts = [draft ? `按现有数据计得${formatScore(result.total)}分（评价未完成）` : `自评得分${formatScore(result.total)}分，绩效等级为“${result.grade}”`];
  parts.push(b.rate === null ? '全年执行数尚未填报' : `预算执行率${formatRate(b.rate)}`);
  const scored = result.indicators.filter((r) => r.applicable && r.score !== null);
  const missed = scored.filter((r) => r.met === false);
  const open = result.indicators.filter((r) => r.applicable && r.score === null).length;
  let indicators = `${result.indicators.length}项绩效指标中${scored.length - missed.length}项达成`;
  if (missed.length > 0) indicators += `，${missed.map((r) => `“${r.name}”`).join('、')}未达成`;
  if (open > 0) indicators += `，${open}项尚未填报`;
  parts.push(indicators);
  const actual = nonEmpty(d.input.goals?.actual);
  return `${parts.join('，')}。${actual ? sentence(`年度总体目标完成情况：${actual.replace(/[。；]$/, '')}`) : ''}`;
}

/**
 * The recommendations of every project, one item per kind (“加强预算执行管理。”): advice worded the same for
 * several projects names them once; advice about their own indicators is given project by project.
 */
function gatherAdvice(list: readonly ReportData[], names: string[]): string[] {
  const byLead = new Map<string, Array<{ project: string; rest: string }>>();
  list.forEach((d, i) => {
    for (const item of suggestionItems(d, reportFacts(d))) {
      const cut = item.indexOf('。');
      const lead = item.slice(0, cut + 1);
      byLead.set(lead, [...(byLead.get(lead) ?? []), { project: `“${names[i]}”`, rest: item.slice(cut + 1).replace(/。$/, '') }]);
    }
  });
  return [...byLead].map(([lead, items]) => {
    const same = items.every((x) => x.rest === items[0]!.rest);
    if (same) return `${lead}${items.map((x) => x.project).join('、')}${items.length > 1 ? '等项目' : '项目'}：${items[0]!.rest}。`;
    return `${lead}${items.map((x) => `${x.project}项目：${x.rest}`).join('；')}。`;
  });
}

function shared(values: Array<string | null>): string | null {
  const set = new Set(values.filter((v): v is string => v !== null));
  return set.size === 1 ? [...set][0]! : null;
}
