import type { ReportData } from '../../model';
import { fundingSources, nonEmpty, projectYear } from '../../model';
import { formatRate, round } from '../../numbers';
import type { ReportBlock } from '../blocks';
import { enumerate, sentence, subHeading, wan } from '../phrases';

/** 一、基本情况: 项目概况 and 资金投入和使用情况 with the computed execution rate. */
export function basicInfo({ input, result }: ReportData): ReportBlock[] {
  const blocks: ReportBlock[] = [{ kind: 'heading', level: 1, text: '一、基本情况' }, { kind: 'heading', level: 2, text: subHeading(1, '项目概况') }];
  const dept = nonEmpty(input.project.department);
  const unit = nonEmpty(input.project.implementingUnit);
  const name = input.project.name;
  if (dept && unit && dept !== unit) blocks.push(para(`${name}的主管部门为${dept}，实施单位为${unit}。`));
  else if (dept ?? unit) blocks.push(para(`${name}由${dept ?? unit}主管并组织实施。`));
  const expected = nonEmpty(input.goals?.expected);
  if (expected) blocks.push(para(sentence(`项目年度总体目标为：${expected}`)));
  const n = result.indicators.length;
  const level1 = [...new Set(result.indicators.map((r) => r.level1))];
  if (n > 0) blocks.push(para(`项目设置${enumerate(level1)}${level1.length}类一级指标，三级指标共${n}项。`));

  blocks.push({ kind: 'heading', level: 2, text: subHeading(2, '资金投入和使用情况') });
  blocks.push(...fundingParagraphs({ input, result }));
  return blocks;
}

function fundingParagraphs({ input, result }: Pick<ReportData, 'input' | 'result'>): ReportBlock[] {
  const b = result.budget;
  const year = projectYear(input);
  const sources = fundingSources(input).filter((s) => s.fullYear !== null && s.fullYear !== 0);
  let text = `${year ? `${year}年度` : ''}项目全年预算数${wan(b.fullYear)}`;
  if (b.initial !== null && b.initial !== b.fullYear) text += `（年初预算数${wan(b.initial)}）`;
  if (sources.length > 0) text += `，其中${sources.map((s) => `${s.label}${wan(s.fullYear!)}`).join('、')}`;
  text += '。';
  if (b.executed === null) {
    text += '全年执行数未填报，无法计算预算执行率。';
  } else {
    const left = round(b.fullYear - b.executed, 2);
    text += `全年执行数${wan(b.executed)}`;
    const spent = sources.filter((s) => s.executed !== null);
    if (spent.length > 0) text += `（${spent.map((s) => `${s.label}执行${wan(s.executed!)}`).join('、')}）`;
    if (left > 0) text += `，结余${wan(left)}`;
    else if (left < 0) text += `，超出全年预算数${wan(-left)}`;
    text += b.rate === null ? '。' : `，预算执行率${formatRate(b.rate)}。`;
  }
  text += `按预算执行率计分，该项得分${round(b.score, 2)}分（分值${round(b.weight, 2)}分）。`;
  const blocks: ReportBlock[] = [para(text)];
  const reason = nonEmpty(b.deviationReason);
  if (reason) blocks.push(para(sentence(`预算执行偏差原因：${reason}`)));
  return blocks;
}

function para(text: string): ReportBlock {
  return { kind: 'paragraph', text };
}
