import type { EvaluationInput } from '../../domain/evaluation';
import { projectYear } from './model';
import { yearAndName } from './text';

export interface ReportFileNames {
  xlsx: string;
  docx: string;
  /** The clerk's file: every score explained and the data check, not for the finance bureau. */
  explanations: string;
}

/**
 * 「2019年度防范和处置非法集资专项业务经费-绩效自评表.xlsx」: names that sort by year and survive any file system;
 * a draft says so in every name (「…-绩效自评表（草稿）.xlsx」) so it is never mistaken for the final file.
 */
export function reportFileNames(input: EvaluationInput, opts: { draft?: boolean } = {}): ReportFileNames {
  const base = safeFileName(yearAndName(projectYear(input), input.project.name));
  const draft = opts.draft ? '（草稿）' : '';
  return {
    xlsx: `${base}-绩效自评表${draft}.xlsx`,
    docx: `${base}-绩效自评报告${draft}.docx`,
    explanations: `${base}-评分说明与核查${draft}.xlsx`,
  };
}

/** What Windows, macOS and Lark accept in a file name, cut to a length every one of them keeps. */
export function safeFileName(text: string): string {
  return (
    text
      .replace(/[\\/:*?"<>|\s]+/g, '_')
      .replace(/^[._]+|[._]+$/g, '')
      .slice(0, 80) || '绩效自评'
  );
}
