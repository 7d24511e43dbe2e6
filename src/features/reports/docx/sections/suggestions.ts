import type { ReportData } from '../../model';
import { belowFull, overshoots, projectYear, unanswered } from '../../model';
import { formatRate } from '../../numbers';
import type { ReportBlock } from '../blocks';
import { enumerate, wan } from '../phrases';

/** 六、有关建议: one recommendation per kind of problem found in the data. */
export function suggestions({ input, result }: ReportData): ReportBlock[] {
  const year = Number(projectYear(input));
  const next = Number.isFinite(year) && year > 0 ? `${year + 1}年度` : '下一年度';
  const items: string[] = [];
  const b = result.budget;
  if (b.rate !== null && b.rate < 1 && b.executed !== null) {
    items.push(
      `加强预算执行管理。本年度预算执行率为${formatRate(b.rate)}，建议按季度跟踪支出进度，${next}编制预算时结合本年度实际执行数${wan(b.executed)}合理测算资金需求。`,
    );
  }
  const missing = [...(b.executed === null ? ['全年执行数'] : []), ...(unanswered(result).length > 0 ? ['实际完成值'] : [])];
  if (missing.length > 0) {
    items.push(`补齐填报数据。尚未填报的${missing.join('和')}请责任人尽快补报，补齐后重新生成自评报告。`);
  }
  const short = belowFull(result).map((s) => s.row.name);
  if (short.length > 0) {
    items.push(`落实整改措施。对${names(short)}，按偏差原因分析中提出的改进措施逐项整改，并在${next}跟踪完成情况。`);
  }
  const over = overshoots(result).map((o) => o.row.name);
  if (over.length > 0) {
    items.push(`科学设定指标值。${names(over)}的实际完成值明显超出年度指标值，建议${next}结合本年度完成情况合理调整指标值。`);
  }
  const qualitative = result.indicators.filter((r) => r.kind === 'qualitative' && r.applicable).map((r) => r.name);
  if (qualitative.length > 0) {
    items.push(`细化定性指标。${names(qualitative)}为定性指标，建议${next}细化为可量化、可核实的指标值，便于客观评价。`);
  }
  const blocks: ReportBlock[] = [{ kind: 'heading', level: 1, text: '六、有关建议' }];
  if (items.length === 0) {
    blocks.push({
      kind: 'paragraph',
      text: `本年度预算全部执行、各项指标均已完成，建议保持现有管理措施，${next}设定绩效目标时参考本年度实际完成值，适当提高目标的挑战性。`,
    });
  } else {
    items.forEach((t, i) => blocks.push({ kind: 'paragraph', text: `${i + 1}.${t}` }));
  }
  return blocks;
}

/** "“甲”、“乙”和“丙”" or, past three, "“甲”、“乙”、“丙”等5项指标". */
function names(list: string[]): string {
  const quoted = list.map((n) => `“${n}”`);
  return quoted.length <= 3 ? `${enumerate(quoted)}${quoted.length > 1 ? '等' + quoted.length + '项指标' : '指标'}` : `${quoted.slice(0, 3).join('、')}等${quoted.length}项指标`;
}
