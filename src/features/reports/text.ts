/**
 * Text on its way into an .xlsx or .docx. XML 1.0 cannot carry C0 controls (other than tab and line breaks),
 * U+FFFE/U+FFFF or a lone surrogate: Excel and Word refuse a file containing one ("we found a problem with some
 * content"), so anything a person pasted is cleaned here, once, before any builder sees it.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters XML 1.0 forbids
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Keeps tabs and line breaks (a cell may wrap on them); drops what XML 1.0 forbids. */
export function cleanText(text: string): string {
  return text.replace(NOT_XML, '').replace(/\r\n?/g, '\n');
}

/** One line of prose: cleaned, line breaks and runs of blanks folded to one space, trimmed. */
export function cleanLine(text: string | null | undefined): string {
  return cleanText(text ?? '').replace(/\s*\n\s*/g, ' ').replace(/[ \t]{2,}/g, ' ').trim();
}

/** Cleaned and trimmed, or null when nothing is left. */
export function present(text: string | null | undefined): string | null {
  const t = cleanLine(text);
  return t ? t : null;
}

/**
 * “2019年度防范和处置非法集资专项业务经费”: the year and the project as titles and file names print them. A name
 * that already starts with the year (“2019年学前双语支教…”) is not prefixed again (no “2019年度2019年…”).
 */
export function yearAndName(year: string | null, name: string): string {
  const n = cleanLine(name);
  if (!year) return n;
  return n.startsWith(year) ? n : `${year}年度${n}`;
}
