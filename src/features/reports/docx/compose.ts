import type { ReportData } from '../model';
import { nonEmpty, reportingUnit, reportSubject } from '../model';
import { heading, para, type ReportBlock } from './blocks';
import { reportFacts } from './facts';
import { chineseDate } from './phrases';
import { basicInfo } from './sections/basic-info';
import { conclusion } from './sections/conclusion';
import { evaluationWork } from './sections/evaluation-work';
import { indicatorAnalysis } from './sections/indicator-analysis';
import { problems } from './sections/problems';
import { suggestions } from './sections/suggestions';

const DEFAULT_BASIS = '《项目支出绩效评价管理办法》（财预〔2020〕10号）';

/**
 * The 自评报告 in the outline of 财预〔2020〕10号 附件 项目支出绩效评价报告（参考提纲） as seed 000 follows it:
 * title, opening, 一 to 七, then the unit, 联系人/联系电话 and the date. A draft says so under the title.
 */
export function composeReport(data: ReportData): ReportBlock[] {
  const { input } = data;
  const facts = reportFacts(data);
  const unit = reportingUnit(input);
  const subject = reportSubject(input);
  const notice = nonEmpty(input.report?.notice);
  const blocks: ReportBlock[] = [{ kind: 'title', text: `${subject}绩效自评报告` }];
  if (facts.draft.length > 0) {
    blocks.push({ kind: 'mark', text: '未完成（草稿）' });
    blocks.push(para(`本报告为草稿：${facts.draft.join('，')}。得分和结论以数据补齐、审核确认后重新生成的报告为准。`));
  }
  blocks.push(para(`${unit ?? '本单位'}按照${notice ?? DEFAULT_BASIS}要求，对${subject}开展绩效自评，现将有关情况报告如下。`));
  blocks.push(
    ...basicInfo(data, facts),
    ...evaluationWork(data),
    ...conclusion(data, facts),
    ...indicatorAnalysis(data, facts),
    ...problems(data, facts),
    ...suggestions(data, facts),
    heading(1, '七、其他需要说明的问题'),
    para('无。'),
    { kind: 'signature', lines: signature(data, unit) },
  );
  return blocks;
}

/** The unit, who to call (blank lines to fill in by hand when not given) and the date. */
function signature(data: ReportData, unit: string | null): string[] {
  const person = nonEmpty(data.input.report?.contactPerson);
  const phone = nonEmpty(data.input.report?.contactPhone);
  const blank = '\u3000'.repeat(5);
  return [...(unit ? [unit] : []), `联系人：${person ?? blank}\u3000联系电话：${phone ?? blank}`, chineseDate(data.generatedAt)];
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
