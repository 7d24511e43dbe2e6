import type { ScoredIndicator } from '../../../../domain/scoring/result';
import type { ReportData } from '../../model';
import { nonEmpty, runs } from '../../model';
import { formatNumber, formatRate } from '../../numbers';
import type { ReportBlock } from '../blocks';
import { sentence, subHeading, targetPhrase } from '../phrases';

/** 四、绩效评价指标分析: the budget line, then per first-level group every indicator's target, actual and result. */
export function indicatorAnalysis({ result }: ReportData): ReportBlock[] {
  const b = result.budget;
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 1, text: '四、绩效评价指标分析' },
    { kind: 'heading', level: 2, text: subHeading(1, '预算执行情况') },
    {
      kind: 'paragraph',
      text:
        b.rate === null
          ? `全年执行数未填报，预算执行率无法计算，该项得分${formatNumber(b.score)}分（分值${formatNumber(b.weight)}分）。`
          : `预算执行率${formatRate(b.rate)}，该项得分${formatNumber(b.score)}分（分值${formatNumber(b.weight)}分）。`,
    },
  ];
  const rows = result.indicators;
  runs(rows, (r) => r.level1).forEach((run, i) => {
    const group = rows.slice(run.start, run.end + 1);
    blocks.push({ kind: 'heading', level: 2, text: subHeading(i + 2, `${run.key}完成情况`) });
    const subtotal = result.subtotals.find((s) => s.level1 === run.key);
    const missed = group.filter((r) => r.met === false).length;
    const open = group.filter((r) => r.applicable && r.score === null).length;
    let lead = `${run.key}共${group.length}项`;
    if (subtotal) lead += `，分值${formatNumber(subtotal.weight)}分，得分${formatNumber(subtotal.score)}分`;
    if (missed === 0 && open === 0) lead += '，各项指标均已达成。';
    else lead += `${missed > 0 ? `，其中${missed}项未达成` : ''}${open > 0 ? `，${open}项尚未填报` : ''}。`;
    blocks.push({ kind: 'paragraph', text: lead });
    group.forEach((row, j) => blocks.push({ kind: 'paragraph', text: `${j + 1}.${rowSentence(row)}` }));
  });
  return blocks;
}

function rowSentence(row: ScoredIndicator): string {
  const head = `${row.level2} ${row.name}：${targetPhrase(row.target)}`;
  if (!row.applicable) return `${head}，本年度不适用，不计分。`;
  if (row.score === null) return `${head}，实际完成值尚未填报。`;
  const verdict = row.met === true ? '已达成' : row.met === false ? '未达成' : '达成情况待核实';
  // a qualitative row is judged by band; its 实际完成值 is a description, not a number
  const actual =
    row.kind === 'qualitative'
      ? `${row.actual ? `完成情况：${row.actual.replace(/[。；;，,]$/, '')}，` : ''}${row.band ? `评定为“${row.band}”档` : ''}`
      : `实际完成值${row.actual ?? ''}`;
  let text = `${head}，${actual.replace(/，$/, '')}，${verdict}，得分${formatNumber(row.score)}分（分值${formatNumber(row.weight)}分）。`;
  const reason = nonEmpty(row.deviationReason);
  if (reason) text += sentence(`偏差原因分析及改进措施：${reason}`);
  return text;
}
