import type { Context } from 'hono';

/** Static answers: the page's script and stylesheet revalidated by content tag, files typed by extension. */
export function cached(c: Context, body: string, etag: string, type: string) {
  if (c.req.header('if-none-match') === etag) return c.body(null, 304, { etag });
  return c.body(body, 200, { 'content-type': type, etag, 'cache-control': 'no-cache' });
}

/** A cheap content tag (FNV-1a) so a reload revalidates instead of downloading the assets again. */
export function etagOf(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `"${(h >>> 0).toString(36)}-${text.length.toString(36)}"`;
}

const TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xls: 'application/vnd.ms-excel',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  json: 'application/json',
};

export function contentTypeOf(name: string): string {
  return TYPES[name.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}

