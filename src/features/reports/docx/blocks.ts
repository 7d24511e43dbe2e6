/**
 * The report as plain blocks: generated from data in `sections/`, rendered to .docx in `render.ts`.
 * Headings carry their numbering as literal text (“一、”, “（一）”, “1.”), never Word auto-numbering, so the
 * numbers survive copy-paste into the 一体化 system and any editor.
 */
export type ReportBlock =
  | { kind: 'title'; text: string }
  /** A line under the title: 未完成（草稿） on a draft. */
  | { kind: 'mark'; text: string }
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  /** `keepNext`: the paragraph introduces what follows (a table) and must not end a page. */
  | { kind: 'paragraph'; text: string; keepNext?: boolean }
  /** `widths`: each column's share of the text width, in percent (the columns share it equally when absent). */
  | { kind: 'table'; header: string[]; rows: string[][]; widths?: number[] }
  | { kind: 'signature'; lines: string[] };

export function heading(level: 1 | 2 | 3, text: string): ReportBlock {
  return { kind: 'heading', level, text };
}

export function para(text: string): ReportBlock {
  return { kind: 'paragraph', text };
}
