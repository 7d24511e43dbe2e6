/** The report as plain blocks: generated from data in `narrative/`, rendered to .docx in `render.ts`. */
export type ReportBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; header: string[]; rows: string[][] }
  | { kind: 'signature'; lines: string[] };
