import type { ReportData } from '../model';
import { projectYear, reportingUnit } from '../model';
import type { ReportBlock } from './blocks';
import { chineseDate } from './phrases';
import { basicInfo } from './sections/basic-info';
import { conclusion } from './sections/conclusion';
import { goalsAndWork } from './sections/goals-and-work';
import { indicatorAnalysis } from './sections/indicator-analysis';
import { problems } from './sections/problems';
import { suggestions } from './sections/suggestions';

/** The 自评报告 in the structure of the seed report (000): title, opening, sections 一 to 六, signature. */
export function composeReport(data: ReportData): ReportBlock[] {
  const { input } = data;
  const year = projectYear(input);
  const unit = reportingUnit(input);
  const subject = `${year ? `${year}年度` : ''}${input.project.name}`;
  return [
    { kind: 'title', text: `${subject}绩效自评报告` },
    {
      kind: 'paragraph',
      text: `${unit ?? ''}${unit ? '' : '本单位'}按照项目支出绩效自评的要求，对${subject}的预算执行和绩效目标完成情况开展了自评，现将有关情况报告如下。`,
    },
    ...basicInfo(data),
    ...goalsAndWork(data),
    ...conclusion(data),
    ...indicatorAnalysis(data),
    ...problems(data),
    ...suggestions(data),
    { kind: 'signature', lines: [...(unit ? [unit] : []), chineseDate(data.generatedAt)] },
  ];
}

/** The report as plain text, one block a line: what the card preview and tests read. */
export function reportText(blocks: readonly ReportBlock[]): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case 'table':
          return [b.header, ...b.rows].map((r) => r.join('\t')).join('\n');
        case 'signature':
          return b.lines.join('\n');
        default:
          return b.text;
      }
    })
    .join('\n');
}
