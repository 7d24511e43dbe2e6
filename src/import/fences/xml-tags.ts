/**
 * A minimal, linear XML tag scanner for the parts of an .xlsx the fences read (worksheets, the workbook).
 * It sees the document as exceljs's parser (saxes, without namespaces) does: comments, CDATA and processing
 * instructions are skipped, attribute values may hold `>`, element names keep their prefix. Anything that is
 * not well-formed (a mismatched close tag, an unterminated quote) or declares a DTD is reported, never
 * guessed at. Every character is visited a bounded number of times, whatever the input.
 */
export interface Tag {
  kind: 'open' | 'close' | 'empty';
  name: string;
  /** `<` of the tag and one past its `>`. */
  start: number;
  end: number;
  /** The attribute text (between the name and `>` or `/>`). */
  attrStart: number;
  attrEnd: number;
  /** Nesting depth of the element: 1 for the root. */
  depth: number;
}

export type ScanResult = { ok: true } | { ok: false; problem: 'malformed' | 'dtd' };

/** `onTag` returns `false` to stop early (the result is still ok). */
export function scanTags(xml: string, onTag: (tag: Tag) => boolean | void): ScanResult {
  const stack: string[] = [];
  const n = xml.length;
  let i = 0;
  for (;;) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) break;
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === 0x21 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const e = xml.indexOf('-->', lt + 4);
        if (e < 0) return { ok: false, problem: 'malformed' };
        i = e + 3;
        continue;
      }
      if (xml.startsWith('<![CDATA[', lt)) {
        const e = xml.indexOf(']]>', lt + 9);
        if (e < 0) return { ok: false, problem: 'malformed' };
        i = e + 3;
        continue;
      }
      // <!DOCTYPE …>: an .xlsx part never has one; entity definitions are how "billion laughs" files work.
      return { ok: false, problem: 'dtd' };
    }
    if (c1 === 0x3f /* ? */) {
      const e = xml.indexOf('?>', lt + 2);
      if (e < 0) return { ok: false, problem: 'malformed' };
      i = e + 2;
      continue;
    }
    const closing = c1 === 0x2f;
    let j = closing ? lt + 2 : lt + 1;
    const nameStart = j;
    while (j < n && isNameChar(xml.charCodeAt(j))) j++;
    if (j === nameStart) return { ok: false, problem: 'malformed' };
    const name = xml.slice(nameStart, j);
    const attrStart = j;
    while (j < n) {
      const ch = xml.charCodeAt(j);
      if (ch === 0x22 || ch === 0x27) {
        const e = xml.indexOf(ch === 0x22 ? '"' : "'", j + 1);
        if (e < 0) return { ok: false, problem: 'malformed' };
        j = e + 1;
        continue;
      }
      if (ch === 0x3e /* > */) break;
      if (ch === 0x3c /* < */) return { ok: false, problem: 'malformed' };
      j++;
    }
    if (j >= n) return { ok: false, problem: 'malformed' };
    let tag: Tag;
    if (closing) {
      if (stack.pop() !== name) return { ok: false, problem: 'malformed' };
      tag = { kind: 'close', name, start: lt, end: j + 1, attrStart, attrEnd: j, depth: stack.length + 1 };
    } else if (xml.charCodeAt(j - 1) === 0x2f /* / */ && j - 1 >= attrStart) {
      tag = { kind: 'empty', name, start: lt, end: j + 1, attrStart, attrEnd: j - 1, depth: stack.length + 1 };
    } else {
      stack.push(name);
      tag = { kind: 'open', name, start: lt, end: j + 1, attrStart, attrEnd: j, depth: stack.length };
    }
    if (onTag(tag) === false) return { ok: true };
    i = j + 1;
  }
  return stack.length ? { ok: false, problem: 'malformed' } : { ok: true };
}

function isNameChar(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d || c === 0x2e || c === 0x3a || c >= 0x80
  );
}

/** The value of attribute `name` in a tag (entities decoded), or null. Quoted values may contain `>` and spaces. */
export function attribute(xml: string, tag: Tag, name: string): string | null {
  let j = tag.attrStart;
  while (j < tag.attrEnd) {
    while (j < tag.attrEnd && isSpace(xml.charCodeAt(j))) j++;
    const keyStart = j;
    while (j < tag.attrEnd && xml.charCodeAt(j) !== 0x3d /* = */ && !isSpace(xml.charCodeAt(j))) j++;
    const key = xml.slice(keyStart, j);
    while (j < tag.attrEnd && isSpace(xml.charCodeAt(j))) j++;
    if (xml.charCodeAt(j) !== 0x3d) return null;
    j++;
    while (j < tag.attrEnd && isSpace(xml.charCodeAt(j))) j++;
    const quote = xml[j];
    if (quote !== '"' && quote !== "'") return null;
    const e = xml.indexOf(quote, j + 1);
    if (e < 0 || e > tag.attrEnd) return null;
    if (key === name) return decodeEntities(xml.slice(j + 1, e));
    j = e + 1;
  }
  return null;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/g, (whole, body: string) => {
    if (body[0] !== '#') return NAMED[body] ?? whole;
    const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Whether `xml[from, to)` holds anything but white space (the text of a `<v>` or `<t>`). */
export function hasText(xml: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isSpace(xml.charCodeAt(k))) return true;
  return false;
}
