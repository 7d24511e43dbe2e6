import type { Grid } from './grid';

/**
 * RFC 4180 parsing for CSV and for text pasted from Excel (tab-separated; Excel quotes cells that contain tabs,
 * line breaks or quotes).
 */
export function parseDelimited(text: string, delimiter: string): Grid {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"' && cell === '') {
      quoted = true;
    } else if (ch === delimiter) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return { rows };
}

/** The delimiter a CSV file uses: the most frequent of comma, semicolon and tab in its first lines. */
export function sniffDelimiter(text: string): string {
  const head = text.split(/\r?\n/, 20).join('\n');
  const counts = [',', ';', '\t'].map((d) => [d, head.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}

/**
 * CSV bytes as text. Excel on Chinese Windows saves CSV in GBK, so bytes that are not valid UTF-8 are decoded as
 * GB18030 (a superset of GBK) when the runtime supports it.
 */
export function decodeText(data: Uint8Array): { text: string } | { error: string } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data) };
  } catch {
    try {
      return { text: new TextDecoder('gb18030').decode(data) };
    } catch {
      return { error: '文件不是 UTF-8 编码，无法读取。请在 Excel 中“另存为 → CSV UTF-8（逗号分隔）”后再上传，或直接上传 .xlsx 文件。' };
    }
  }
}
