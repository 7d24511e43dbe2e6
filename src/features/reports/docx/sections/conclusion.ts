import type { ReportData } from '../../model';
import { nonEmpty, profileTitle, reportSubject, totalWeight } from '../../model';
import { formatRate, formatScore } from '../../numbers';
import { heading, para, type ReportBlock } from '../blocks';
import type { ReportFacts } from '../facts';
import { sentence } from '../phrases';

/** The sentence the team quotes: "评分结果为98.13分，绩效评级为“优”。" */
export function scoreSentence({ input, result }: Pick<ReportData, 'input' | 'result'>): string {
  return `运用评价指标体系和评分标准，对${reportSubject(input)}绩效进行自评，评分结果为${formatScore(result.total)}分，绩效评级为“${result.grade}”。`;
}

/**
 * 三、综合评价情况及评价结论: the score and grade (a draft gets its partial score and no grade), what a regional
 * profile changed, the 年度总体目标 as achieved, and the table of what each part scored. No 得分率 column: beside
 * the 执行率 it read as a second, different execution rate.
 */
export function conclusion(data: ReportData, facts: ReportFacts): ReportBlock[] {
  const { input, result } = data;
  const blocks: ReportBlock[] = [heading(1, '三、综合评价情况及评价结论')];
  let text: string;
  if (facts.draft.length > 0) {
    text = `评价尚未完成，按现有数据计得${formatScore(result.total)}分，暂不评定绩效等级。`;
    if (facts.unanswered.length > 0) text += `另有${facts.unanswered.length}项指标尚未填报实际完成值，未计入得分。`;
  } else {
    text = scoreSentence(data);
  }
  const adjustment = adjustmentSentence(data);
  if (adjustment) text += adjustment;
  blocks.push(para(text));
  blocks.push(para(goalsSentence(input.goals?.expected, input.goals?.actual)));
  blocks.push({ kind: 'paragraph', text: '各部分得分如下表：', keepNext: true });
  const b = result.budget;
  const cap = result.adjustments?.find((a) => a.code === 'execution-cap');
  blocks.push({
    kind: 'table',
    header: ['评价内容', '分值', '得分'],
    rows: [
      ['预算执行', formatScore(b.weight), b.pending ? '未填报' : formatScore(b.score)],
      ...result.subtotals.map((s) => [s.level1, formatScore(s.weight), formatScore(s.score)]),
      ...(cap ? [['按执行率限定总分', '', `-${formatScore(cap.points)}`]] : []),
      ['总分', formatScore(totalWeight(result)), formatScore(result.total)],
    ],
  });
  return blocks;
}

/**
 * 年度总体目标 as achieved. Tables often copy the 预期目标 into 实际完成情况; quoting it again would print the
 * 总体目标 twice, so a copy (or a shortened copy) is stated as agreeing with it.
 */
function goalsSentence(expectedText: string | null | undefined, actualText: string | null | undefined): string {
  const actual = nonEmpty(actualText);
  if (!actual) return '年度总体目标的实际完成情况未填写。';
  const bare = (s: string) => s.replace(/[\s，。、；,.;]/g, '');
  const expected = nonEmpty(expectedText);
  if (expected && (bare(expected).includes(bare(actual)) || bare(actual).includes(bare(expected)))) {
    return '年度总体目标实际完成情况与预期目标一致。';
  }
  return sentence(`年度总体目标完成情况：${actual}`);
}

/** What the regional profile took off, named, in one sentence. */
function adjustmentSentence({ result }: ReportData): string | null {
  const title = profileTitle(result);
  const list = result.adjustments ?? [];
  if (!title || list.length === 0) return null;
  const parts: string[] = [];
  const deductions = list.filter((a) => a.code === 'overshoot-deduction');
  if (deductions.length > 0) {
    const sum = deductions.reduce((s, a) => s + a.points, 0);
    parts.push(`${deductions.length}项指标完成值超过年度指标值30%及以上，共减${formatScore(sum)}分`);
  }
  const cap = list.find((a) => a.code === 'execution-cap');
  if (cap && result.budget.rate !== null) {
    parts.push(`预算执行率${formatRate(result.budget.rate)}，总分不超过${formatScore(result.total)}分，由${formatScore(result.total + cap.points)}分调整为${formatScore(result.total)}分`);
  }
  return `按${title}，${parts.join('；')}。`;
}
