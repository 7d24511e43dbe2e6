import type { ReportData } from '../../model';
import { projectYear, totalWeight, unanswered } from '../../model';
import { formatNumber, round } from '../../numbers';
import type { ReportBlock } from '../blocks';

/** The sentence the team quotes: "评分结果为98.13分，绩效评级为“优”。" */
export function scoreSentence({ input, result }: Pick<ReportData, 'input' | 'result'>): string {
  const year = projectYear(input);
  return `运用评价指标体系和评分标准，对${input.project.name}${year ? `${year}年度` : ''}绩效进行自评，评分结果为${formatNumber(result.total)}分，绩效评级为“${result.grade}”。`;
}

/** 三、综合评价情况及评价结论: the score and grade sentence and the table of level subtotals. */
export function conclusion(data: ReportData): ReportBlock[] {
  const { result } = data;
  const blocks: ReportBlock[] = [{ kind: 'heading', level: 1, text: '三、综合评价情况及评价结论' }];
  const missing = unanswered(result).length;
  blocks.push({
    kind: 'paragraph',
    text: `${scoreSentence(data)}${missing > 0 ? `另有${missing}项指标尚未填报实际完成值，未计入得分。` : ''}各部分得分如下表所示：`,
  });
  const share = (score: number, weight: number) => (weight > 0 ? `${(round((score / weight) * 100, 2)).toFixed(2)}%` : '—');
  blocks.push({
    kind: 'table',
    header: ['评价内容', '分值', '得分', '得分率'],
    rows: [
      ['预算执行率', formatNumber(result.budget.weight), formatNumber(result.budget.score), share(result.budget.score, result.budget.weight)],
      ...result.subtotals.map((s) => [s.level1, formatNumber(s.weight), formatNumber(s.score), share(s.score, s.weight)]),
      ['总分', formatNumber(totalWeight(result)), formatNumber(result.total), `等级：${result.grade}`],
    ],
  });
  return blocks;
}
