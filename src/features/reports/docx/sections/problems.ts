import type { ReportData } from '../../model';
import { belowFull, nonEmpty, overshoots, unanswered } from '../../model';
import { formatNumber, formatRate, round } from '../../numbers';
import type { ReportBlock } from '../blocks';
import { sentence, targetPhrase, wan } from '../phrases';

/** 五、存在的问题及原因分析: built from the budget shortfall and every row that lost points or overshot. */
export function problems({ result }: ReportData): ReportBlock[] {
  const items: string[] = [];
  const b = result.budget;
  if (b.rate !== null && b.rate < 1 && b.executed !== null) {
    let text = `预算执行不充分。全年预算数${wan(b.fullYear)}，执行${wan(b.executed)}，结余${wan(round(b.fullYear - b.executed, 2))}，预算执行率${formatRate(b.rate)}。`;
    const reason = nonEmpty(b.deviationReason);
    if (reason) text += sentence(`原因：${reason}`);
    items.push(text);
  }
  for (const { row, lost } of belowFull(result)) {
    let text = `${row.name}未达到年度指标值。${targetPhrase(row.target)}，实际完成值${row.actual ?? row.band ?? ''}，扣${formatNumber(lost)}分。`;
    const reason = nonEmpty(row.deviationReason);
    if (reason) text += sentence(`原因及改进措施：${reason}`);
    items.push(text);
  }
  // Summarised with values missing (按现有数据汇总): say so rather than fall through to "all done".
  const open = unanswered(result);
  if (b.executed === null || open.length > 0) {
    const parts = [...(b.executed === null ? ['全年执行数'] : []), ...(open.length > 0 ? [`${open.length}项指标的实际完成值`] : [])];
    items.push(`部分数据尚未填报。${parts.join('和')}尚未填报，相应得分未计入，评价结果不完整。`);
  }
  for (const { row, ratio } of overshoots(result)) {
    let text = `${row.name}实际完成值${row.actual ?? ''}为年度指标值（${row.target}）的${formatRate(ratio)}，超出较多。`;
    const reason = nonEmpty(row.deviationReason);
    if (reason) text += sentence(`说明：${reason}`);
    items.push(text);
  }
  const blocks: ReportBlock[] = [{ kind: 'heading', level: 1, text: '五、存在的问题及原因分析' }];
  if (items.length === 0) {
    blocks.push({ kind: 'paragraph', text: '本年度预算全部执行，各项绩效指标均已达成，未发现需要说明的问题。' });
  } else {
    items.forEach((t, i) => blocks.push({ kind: 'paragraph', text: `${i + 1}.${t}` }));
  }
  return blocks;
}
