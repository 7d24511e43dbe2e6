import type { ReportData } from '../../model';
import { fundingSources, nonEmpty, projectYear, runs } from '../../model';
import { formatRate, round } from '../../numbers';
import { heading, para, type ReportBlock } from '../blocks';
import type { ReportFacts } from '../facts';
import { enumerate, sentence, subHeading, wan } from '../phrases';

/**
 * 一、基本情况 (财预〔2020〕10号 附件 参考提纲): （一）项目概况 — 背景与立项依据, 主要内容及实施情况, 资金投入和使用
 * 情况; （二）项目绩效目标 — 总体目标 and the indicators set. What the table does not hold (背景, 主要内容) comes
 * from the importer's answers; a skipped answer is stated as not provided, never padded.
 */
export function basicInfo(data: ReportData, facts: ReportFacts): ReportBlock[] {
  const { input } = data;
  const dept = nonEmpty(input.project.department);
  const unit = nonEmpty(input.project.implementingUnit);
  const name = nonEmpty(input.project.name) ?? '';
  const background = nonEmpty(input.report?.background);
  const content = nonEmpty(input.report?.content);
  const purpose = nonEmpty(input.project.purpose);

  let owner = '';
  if (dept && unit && dept !== unit) owner = `${name}的主管部门为${dept}，实施单位为${unit}。`;
  else if (dept ?? unit) owner = `${name}由${dept ?? unit}主管并组织实施。`;

  return [
    heading(1, '一、基本情况'),
    heading(2, subHeading(1, '项目概况')),
    heading(3, '1.项目背景'),
    para(`${owner}${background ? sentence(background) : '项目背景与立项依据未提供。'}`),
    heading(3, '2.主要内容及实施情况'),
    para(
      `${purpose ? sentence(`资金主要用于${purpose.replace(/^用于/, '')}`) : ''}${content ? sentence(content) : '项目主要内容及实施情况未提供。'}`,
    ),
    heading(3, '3.资金投入和使用情况'),
    para(fundingText(data)),
    heading(2, subHeading(2, '项目绩效目标')),
    heading(3, '1.总体目标'),
    para(nonEmpty(input.goals?.expected) ? sentence(nonEmpty(input.goals?.expected)!) : '年度总体目标未填写。'),
    ...targets(data, facts),
  ];
}

/** Budget, sources, spending and the execution rate, in one paragraph (the score is for 四). */
function fundingText({ input, result }: ReportData): string {
  const b = result.budget;
  const year = projectYear(input);
  const sources = fundingSources(input);
  const planned = sources.filter((s) => s.fullYear !== null && s.fullYear !== 0);
  let text = `${year ? `${year}年度` : ''}项目全年预算数${wan(b.fullYear)}`;
  if (b.initial !== null && b.initial !== b.fullYear) text += `（年初预算数${wan(b.initial)}）`;
  if (planned.length > 0) text += `，其中${planned.map((s) => `${s.label}${wan(s.fullYear!)}`).join('、')}`;
  text += '。';
  if (b.executed === null) return `${text}全年执行数尚未填报，预算执行率无法计算。`;
  const left = round(b.fullYear - b.executed, 4);
  text += `全年执行数${wan(b.executed)}`;
  const spent = sources.filter((s) => s.executed !== null);
  if (spent.length > 0) text += `（${spent.map((s) => `${s.label}${wan(s.executed!)}`).join('、')}）`;
  else if (planned.length > 0) text += '（未按资金来源分项填报）';
  if (left > 0) text += `，结余${wan(left)}`;
  else if (left < 0) text += `，超出全年预算数${wan(-left)}`;
  return b.rate === null ? `${text}。` : `${text}，预算执行率${formatRate(b.rate)}。`;
}

/** 2.阶段性目标: the levels and every indicator with its target, as seed 000 lists them. */
function targets({ result }: ReportData, facts: ReportFacts): ReportBlock[] {
  const rows = result.indicators;
  const duplicates = facts.duplicateOf.size;
  if (rows.length === 0) return [heading(3, '2.绩效指标'), para('自评表未设置绩效指标。')];
  const level1 = runs(rows, (r) => r.level1);
  const level2 = [...new Set(rows.map((r) => r.level2))];
  const blocks: ReportBlock[] = [
    heading(3, '2.绩效指标'),
    para(`一级指标为${enumerate([...new Set(level1.map((r) => r.key))])}；二级指标为${enumerate(level2)}；三级指标${rows.length === 1 ? '1项' : `共${rows.length}项`}${duplicates > 0 ? `（其中${duplicates}项重复设置）` : ''}，具体如下。`),
  ];
  level1.forEach((run, i) => {
    const inRun = rows.slice(run.start, run.end + 1);
    const parts = runs(inRun, (r) => r.level2).map((g) => {
      const list = inRun
        .slice(g.start, g.end + 1)
        .filter((_, j) => !facts.duplicateOf.has(run.start + g.start + j))
        .map((r) => `${r.name}${/^[≥≤><=＞＜≧≦]/.test(r.target.trim()) ? '' : '为'}${r.target.trim()}`);
      return list.length > 0 ? `${g.key}：${list.join('；')}` : null;
    }).filter((p): p is string => p !== null);
    blocks.push(para(`（${i + 1}）${run.key}。${parts.join('。')}。`));
  });
  return blocks;
}
