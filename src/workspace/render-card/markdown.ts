import { esc } from './html';
import { personName, type RenderContext } from './text';

/**
 * The card markdown the Lark client draws, as HTML: bold, italic, strikethrough, inline code, links,
 * `<font color>`, `<at id>`, `<br>`, line breaks, unordered and ordered lists (nested by indentation),
 * headings and `---`. Backslash escapes and HTML entities are honoured the way cards/lib/markdown.ts
 * writes them. Output is built token by token from escaped text, so a name such as
 * `<img onerror=…>` or `<at id=all>` inside escaped user data can only ever show as text.
 * Syntax: https://open.feishu.cn/document/feishu-cards/card-json-v2-components/content-components/rich-text
 */
const ESCAPABLE = new Set(['\\', '`', '*', '_', '~', '[', ']', '#', '|', '(', ')', '<', '>', '&', '-', '+', '.', '!', '{', '}']);

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Lark's colour enums (https://open.feishu.cn/document/feishu-cards/enumerations-for-fields-related-to-color). */
export const COLORS: Record<string, string> = {
  default: 'inherit',
  red: '#d83931',
  orange: '#de7802',
  yellow: '#dc9b04',
  green: '#2ea121',
  turquoise: '#04b49c',
  wathet: '#049fd7',
  blue: '#245bdb',
  indigo: '#4954e6',
  purple: '#7f3bf5',
  violet: '#b33fce',
  carmine: '#e1467c',
  grey: '#646a73',
  'grey-600': '#646a73',
};

export function colorValue(name: string): string | null {
  const key = name.trim().toLowerCase();
  if (COLORS[key]) return COLORS[key]!;
  const base = key.replace(/-\d{2,3}$/, '');
  if (COLORS[base]) return COLORS[base]!;
  return /^#[0-9a-f]{3}([0-9a-f]{3})?$/.test(key) ? key : null;
}

export function renderMarkdown(source: string, ctx: RenderContext): string {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  // open lists: indentation and kind, innermost last
  const lists: Array<{ indent: number; kind: 'ul' | 'ol' }> = [];
  let paragraph: string[] = [];
  let itemOpen = false;

  const flushParagraph = () => {
    if (paragraph.length > 0) out.push(`<p>${paragraph.join('<br>')}</p>`);
    paragraph = [];
  };
  const closeLists = (toDepth: number) => {
    while (lists.length > toDepth) {
      if (itemOpen) out.push('</li>');
      out.push(`</${lists.pop()!.kind}>`);
      itemOpen = lists.length > 0;
    }
  };

  for (const line of lines) {
    const item = /^(\s*)([-*+]|\d{1,3}[.)])\s+(.*)$/.exec(line);
    if (item && !/^\s*([-*_])\s*\1\s*\1\s*$/.test(line)) {
      flushParagraph();
      const indent = item[1]!.replace(/\t/g, '    ').length;
      const kind = /\d/.test(item[2]!) ? 'ol' : 'ul';
      while (lists.length > 0 && lists[lists.length - 1]!.indent > indent) closeLists(lists.length - 1);
      const top = lists[lists.length - 1];
      const opening = kind === 'ol' ? `<ol start="${Number.parseInt(item[2]!, 10) || 1}">` : '<ul>';
      if (!top || indent > top.indent) {
        out.push(opening);
        lists.push({ indent, kind });
      } else if (top.kind !== kind) {
        closeLists(lists.length - 1);
        out.push(opening);
        lists.push({ indent, kind });
      } else if (itemOpen) out.push('</li>');
      out.push(`<li>${inline(item[3]!, ctx)}`);
      itemOpen = true;
      continue;
    }
    if (lists.length > 0 && /^\s+\S/.test(line)) {
      // an indented continuation line belongs to the open list item
      out.push(`<br>${inline(line.trim(), ctx)}`);
      continue;
    }
    closeLists(0);
    if (line.trim() === '') {
      flushParagraph();
      continue;
    }
    if (/^\s*([-*_])\s*\1\s*\1\s*$/.test(line)) {
      flushParagraph();
      out.push('<hr>');
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      flushParagraph();
      out.push(`<p class="md-h md-h${heading[1]!.length}">${inline(heading[2]!, ctx)}</p>`);
      continue;
    }
    paragraph.push(inline(line, ctx));
  }
  flushParagraph();
  closeLists(0);
  return out.join('');
}

type Tag = 'strong' | 'em' | 'del' | 'font';

/** One line (or table cell) of card markdown as HTML. */
export function inline(text: string, ctx: RenderContext): string {
  let out = '';
  const open: Array<{ tag: Tag; html: string }> = [];
  const closeTag = (t: Tag) => (t === 'font' ? '</span>' : `</${t}>`);
  const toggle = (tag: Tag, html: string, closesLater: boolean) => {
    const at = open.findIndex((o) => o.tag === tag);
    if (at >= 0) {
      const above = open.splice(at);
      for (let k = above.length - 1; k >= 0; k--) out += closeTag(above[k]!.tag);
      for (const o of above.slice(1)) {
        out += o.html;
        open.push(o);
      }
      return true;
    }
    if (!closesLater) return false;
    out += html;
    open.push({ tag, html });
    return true;
  };

  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const rest = text.slice(i);
    if (ch === '\\' && i + 1 < text.length && ESCAPABLE.has(text[i + 1]!)) {
      out += esc(text[i + 1]);
      i += 2;
      continue;
    }
    if (ch === '&') {
      const m = /^&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,6});/i.exec(rest);
      const decoded = m ? decodeEntity(m[1]!) : null;
      if (m && decoded !== null) {
        out += esc(decoded);
        i += m[0].length;
        continue;
      }
    }
    if (ch === '<') {
      const font = /^<font\s+color\s*=\s*(['"]?)([#\w-]{1,20})\1\s*>/i.exec(rest);
      if (font) {
        const color = colorValue(font[2]!);
        const html = color ? `<span class="md-font" style="color:${color}">` : '<span class="md-font">';
        out += html;
        open.push({ tag: 'font', html });
        i += font[0].length;
        continue;
      }
      if (/^<\/font\s*>/i.test(rest)) {
        toggle('font', '', false);
        i += /^<\/font\s*>/i.exec(rest)![0].length;
        continue;
      }
      const at = /^<at\s+(?:id|user_id|open_id|email)\s*=\s*(['"]?)([^'"\s>]{1,80})\1\s*>([^<]{0,80})<\/at>/i.exec(rest);
      if (at) {
        const id = at[2]!;
        const name = id === 'all' ? '所有人' : at[3]?.trim() || personName(ctx, id);
        out += `<span class="md-at">@${esc(name)}</span>`;
        i += at[0].length;
        continue;
      }
      const br = /^<br\s*\/?>/i.exec(rest);
      if (br) {
        out += '<br>';
        i += br[0].length;
        continue;
      }
    }
    if (rest.startsWith('**') && toggle('strong', '<strong>', hasCloser(text, i + 2, '**'))) {
      i += 2;
      continue;
    }
    if (rest.startsWith('~~') && toggle('del', '<del>', hasCloser(text, i + 2, '~~'))) {
      i += 2;
      continue;
    }
    if (ch === '*' && text[i + 1] !== ' ' && toggle('em', '<em>', hasCloser(text, i + 1, '*'))) {
      i += 1;
      continue;
    }
    if (ch === '`') {
      const end = text.indexOf('`', i + 1);
      if (end > i) {
        out += `<code>${esc(text.slice(i + 1, end))}</code>`;
        i = end + 1;
        continue;
      }
    }
    if (ch === '[') {
      const link = /^\[([^\]]{0,200})\]\((https?:\/\/[^\s)]{1,500})\)/.exec(rest);
      if (link) {
        out += `<a href="${esc(link[2])}" target="_blank" rel="noopener noreferrer">${inline(link[1]!, ctx)}</a>`;
        i += link[0].length;
        continue;
      }
    }
    out += esc(ch);
    i += 1;
  }
  for (let k = open.length - 1; k >= 0; k--) out += closeTag(open[k]!.tag);
  return out;
}

/** Whether an unescaped `marker` follows (a lone `**` stays literal, as in the client). */
function hasCloser(text: string, from: number, marker: string): boolean {
  for (let j = from; j < text.length; j++) {
    if (text[j] === '\\') {
      j++;
      continue;
    }
    if (text.startsWith(marker, j)) return marker !== '*' || text[j + 1] !== '*';
  }
  return false;
}

function decodeEntity(body: string): string | null {
  if (body[0] === '#') {
    const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : null;
  }
  return NAMED[body.toLowerCase()] ?? null;
}
