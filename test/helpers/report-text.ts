import { buildSelfEvaluationReport } from '../../src/features/reports/docx/self-evaluation-report';
import type { ReportData } from '../../src/features/reports/model';
import { docxParagraphs, readZipEntry } from './zip';

/** The paragraphs of the .docx as Word stores them (each the concatenation of its runs). */
export async function paragraphsOf(data: ReportData): Promise<string[]> {
  return docxParagraphs(readZipEntry(await buildSelfEvaluationReport(data), 'word/document.xml')).filter((p) => p !== '');
}

/** The paragraphs from one heading up to (not including) the next heading of the given prefixes. */
export function section(paragraphs: string[], from: string, to?: string): string[] {
  const start = paragraphs.findIndex((p) => p.startsWith(from));
  if (start < 0) throw new Error(`no heading ${from}`);
  const end = to ? paragraphs.findIndex((p, i) => i > start && p.startsWith(to)) : paragraphs.length;
  return paragraphs.slice(start + 1, end < 0 ? paragraphs.length : end);
}

/**
 * Sentences (split at 。！？；) and every clause after a colon, for the “no sentence twice” rule. List numbers
 * (“1.”, “（一）”) are dropped; pieces shorter than 8 characters (“无”, headings' fragments) are not counted.
 */
export function sentences(paragraphs: string[]): string[] {
  const out: string[] = [];
  for (const p of paragraphs) {
    const body = p.replace(/^(?:\d+\.|（[一二三四五六七八九十\d]+）|[一二三四五六七八九十]+、)/, '');
    for (const s of body.split(/[。！？；]/)) {
      for (const part of [s, ...s.split(/[：:]/).slice(1)]) {
        const t = part.trim();
        if ([...t].length >= 8) out.push(t);
      }
    }
  }
  return out;
}

export function repeats(paragraphs: string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const s of sentences(paragraphs)) (seen.has(s) ? twice : seen).add(s);
  return [...twice];
}
