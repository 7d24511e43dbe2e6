import type { ReportFile } from '../build-reports';
import { packDocument, renderDocument } from '../docx/render';
import { reportFileNames, safeFileName } from '../file-names';
import type { ReportData } from '../model';
import { isDraft, nonEmpty, projectYear, reportingUnit } from '../model';
import { buildSelfEvaluationWorkbook } from '../xlsx/self-evaluation-workbook';
import { buildZip } from '../zip';
import { composeUnitReport, type UnitReportOptions } from './compose-unit';

export interface UnitReportFiles {
  /** 单位项目支出绩效自评报告 over all the evaluations given. */
  docx: ReportFile;
  /** Every project's 自评表, one .xlsx each, in one .zip. */
  zip: ReportFile;
}

/**
 * The unit's roll-up for a year: a pure builder over a list of evaluations (scored, as the summary scores them).
 * No file system, no chat: the caller posts or writes the two files.
 */
export async function buildUnitReport(list: readonly ReportData[], opts: UnitReportOptions): Promise<UnitReportFiles> {
  if (list.length === 0) throw new RangeError('单位汇总报告至少需要一个项目的评价');
  const blocks = composeUnitReport(list, opts);
  const title = blocks[0]?.kind === 'title' ? blocks[0].text : '项目支出绩效自评报告';
  const draft = list.some((d) => isDraft(d)) ? '（草稿）' : '';
  const base = safeFileName(title.replace(/项目支出绩效自评报告$/, ''));
  const docx = await packDocument(renderDocument(blocks, title, 'jixiao 绩效自评助手'));
  const used = new Map<string, number>();
  const sheets = await Promise.all(
    list.map(async (d) => {
      const name = reportFileNames(d.input, { draft: isDraft(d) }).xlsx;
      const n = (used.get(name) ?? 0) + 1;
      used.set(name, n);
      return { name: n === 1 ? name : name.replace(/\.xlsx$/, `（${n}）.xlsx`), data: await buildSelfEvaluationWorkbook(d) };
    }),
  );
  return {
    docx: { name: `${base}项目支出绩效自评报告${draft}.docx`, data: docx },
    zip: { name: `${base}项目支出绩效自评表${draft}.zip`, data: buildZip(sheets, opts.generatedAt) },
  };
}

/** The unit and year a list of evaluations shares, for callers that title the report themselves. */
export function unitOf(list: readonly ReportData[]): { unit: string | null; year: string | null } {
  const one = <T>(xs: T[]) => (new Set(xs).size === 1 ? xs[0]! : null);
  return { unit: one(list.map((d) => nonEmpty(reportingUnit(d.input)))), year: one(list.map((d) => projectYear(d.input))) };
}
