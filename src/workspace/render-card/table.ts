import { attrs, cssLength, esc } from './html';
import { colorValue, inline } from './markdown';
import { personName, type RenderContext } from './text';

/**
 * A card `table`: typed columns (text, lark_md, number, options, persons, date, markdown), widths, header
 * style, row height, a frozen first column, and client-side pages of `page_size` rows as Lark pages them
 * (https://open.feishu.cn/document/feishu-cards/card-json-v2-components/content-components/table).
 */
type Node = Record<string, unknown>;

interface Column {
  name: string;
  display_name?: string;
  data_type?: string;
  width?: string;
  horizontal_align?: string;
  format?: { precision?: number; symbol?: string; separator?: boolean };
  date_format?: string;
}

const KNOWN_TYPES = new Set(['text', 'lark_md', 'markdown', 'number', 'options', 'persons', 'date']);

export function renderTable(element: Node, ctx: RenderContext): { html: string; unknownTypes: string[] } {
  const columns = (Array.isArray(element.columns) ? element.columns : []) as Column[];
  const rows = (Array.isArray(element.rows) ? element.rows : []) as Node[];
  const pageSize = Math.min(10, Math.max(1, Number(element.page_size) || 5));
  const header = (element.header_style ?? {}) as Node;
  const pages = Math.max(1, Math.ceil(rows.length / pageSize));
  const unknownTypes = [...new Set(columns.map((c) => c.data_type ?? 'text').filter((t) => !KNOWN_TYPES.has(t)))];
  const rowClass = `lk-row-${['low', 'middle', 'high', 'auto'].includes(String(element.row_height)) ? String(element.row_height) : 'low'}`;

  const cols = columns.map((c) => `<col${attrs({ style: widthOf(c.width) })}>`).join('');
  const thStyle = [
    header.text_align && ['left', 'center', 'right'].includes(String(header.text_align)) ? `text-align:${String(header.text_align)}` : '',
    header.bold === false ? 'font-weight:normal' : '',
  ]
    .filter(Boolean)
    .join(';');
  const head = columns.map((c) => `<th scope="col"${attrs({ style: thStyle || null })}>${esc(c.display_name ?? c.name)}</th>`).join('');
  const body = rows
    .map((row, i) => {
      const page = Math.floor(i / pageSize);
      const cells = columns.map((c) => `<td${attrs({ class: c.data_type === 'number' ? 'num' : null, style: alignOf(c) })}>${cell(row[c.name], c, ctx)}</td>`).join('');
      return `<tr${attrs({ 'data-page': page, hidden: page > 0 })}>${cells}</tr>`;
    })
    .join('');
  const classes = ['lk-table', rowClass, element.freeze_first_column === true ? 'lk-freeze' : '', header.background_style === 'grey' ? 'lk-th-grey' : ''].filter(Boolean).join(' ');
  const pager =
    pages > 1
      ? `<div class="lk-pager" data-pages="${pages}"><button type="button" class="lk-page" data-dir="-1" aria-label="上一页" disabled>‹</button><span class="lk-page-no" aria-live="polite">1 / ${pages}</span><button type="button" class="lk-page" data-dir="1" aria-label="下一页">›</button></div>`
      : '';
  const html = `<div class="${classes}"><div class="lk-table-scroll" tabindex="0" role="region" aria-label="${esc(columns.map((c) => c.display_name ?? c.name).join(' / '))}"><table><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>${pager}</div>`;
  return { html, unknownTypes };
}

function widthOf(width: unknown): string | null {
  if (width === undefined || width === 'auto') return null;
  const w = cssLength(width);
  return w ? `width:${w}` : null;
}

function alignOf(c: Column): string | null {
  return c.horizontal_align && ['left', 'center', 'right'].includes(c.horizontal_align) ? `text-align:${c.horizontal_align}` : null;
}

function cell(value: unknown, c: Column, ctx: RenderContext): string {
  if (value === undefined || value === null || value === '') return '';
  switch (c.data_type ?? 'text') {
    case 'lark_md':
    case 'markdown':
      return inline(String(value), ctx);
    case 'number':
      return esc(formatNumber(value, c.format));
    case 'options': {
      const list = Array.isArray(value) ? value : [value];
      return list
        .map((o) => {
          const opt = (o && typeof o === 'object' ? o : { text: o }) as Node;
          const color = colorValue(String(opt.color ?? 'grey')) ?? '#646a73';
          return `<span class="lk-tag" style="color:${color};border-color:${color}">${esc(opt.text)}</span>`;
        })
        .join(' ');
    }
    case 'persons': {
      const list = Array.isArray(value) ? value : [value];
      return list.map((id) => `<span class="md-at">@${esc(personName(ctx, String(id)))}</span>`).join(' ');
    }
    case 'date': {
      const ms = typeof value === 'number' ? value : Number(value);
      if (!Number.isFinite(ms)) return esc(value);
      // dates are shown in China time, as the client does for a China tenant
      return esc(new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' '));
    }
    default:
      return esc(value);
  }
}

function formatNumber(value: unknown, format: Column['format']): string {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) return String(value);
  const fixed = typeof format?.precision === 'number' ? n.toFixed(Math.min(10, Math.max(0, format.precision))) : String(n);
  const [int, frac] = fixed.split('.');
  const grouped = format?.separator ? int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : int!;
  return `${format?.symbol ?? ''}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}
