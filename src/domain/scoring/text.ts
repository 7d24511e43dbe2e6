/**
 * People type targets and values in every width and spelling Excel and IMEs produce: full-width digits
 * (１６０００), full-width operators (＞ ＝), the JIS ≧ ≦, box-drawing ═ from OCR'd tables, thousands separators.
 * Everything is folded to one ASCII-ish form before parsing.
 */
const SYMBOLS: [RegExp, string][] = [
  [/≧|>=|=>/g, '≥'],
  [/≦|<=|=</g, '≤'],
  [/═|==/g, '='],
  [/[～〜~—–－]/g, '-'],
];

export function normalize(text: string): string {
  let s = text.normalize('NFKC');
  for (const [re, to] of SYMBOLS) s = s.replace(re, to);
  return s.replace(/\s+/g, '');
}

/** A decimal number as people write it, thousands separators allowed: `16,000`, `4.53`, `-2`, `.5`. */
export const NUMBER = String.raw`[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[-+]?\.\d+`;

export function cleanNumber(raw: string): string {
  const s = raw.replace(/,/g, '').replace(/^\+/, '');
  return s.startsWith('.') ? `0${s}` : s.startsWith('-.') ? `-0${s.slice(1)}` : s;
}
