import { renderChart } from './chart';
import { attrs, cssLength, esc } from './html';
import { inline as renderInline, renderMarkdown } from './markdown';
import { renderTable } from './table';
import { personName, pick, type Person, type RenderContext } from './text';
import { interactiveNodes } from './walk';

/**
 * A card JSON 2.0 message drawn as the Lark client draws it, as an HTML string: header (template colour,
 * subtitle, tags), markdown, div, hr, column_set/column, collapsible_panel, form and its fields (input,
 * select_static, multi_select_static, select_person, multi_select_person, date_picker, picker_time,
 * picker_datetime, checker), buttons (type, size, width, disabled, confirm, tips), table and chart.
 * Anything else is drawn as a red box naming its tag and listed in `unknown`, so nothing fails silently.
 * Components: https://open.feishu.cn/document/feishu-cards/card-json-v2-components/component-json-v2-overview
 *
 * Buttons and fields carry `data-el` (their index in `interactiveNodes`), which is how the page tells the
 * workspace which component was used; names, values and callback payloads never leave the server.
 */
type Node = Record<string, unknown>;

export interface RenderedCard {
  html: string;
  /** Tags (lowercase) that were drawn as unknown. */
  unknown: string[];
}

export interface CardRenderOptions extends RenderContext {
  /** Prefix for element ids (labels, dialogs), unique on the page: e.g. the message id. */
  idPrefix?: string;
}

const TEMPLATES = new Set(['blue', 'wathet', 'turquoise', 'green', 'yellow', 'orange', 'red', 'carmine', 'violet', 'purple', 'indigo', 'grey', 'default']);
const BUTTON_TYPES = new Set(['default', 'primary', 'danger', 'text', 'primary_text', 'danger_text', 'primary_filled', 'danger_filled', 'laser']);
const FIELD_TAGS = new Set(['input', 'select_static', 'multi_select_static', 'select_person', 'multi_select_person', 'date_picker', 'picker_time', 'picker_datetime', 'checker']);

interface State {
  ctx: CardRenderOptions;
  index: Map<Node, number>;
  unknown: Set<string>;
  form: string | null;
  seq: number;
}

export function renderCard(card: unknown, ctx: CardRenderOptions): RenderedCard {
  const c = (card && typeof card === 'object' ? card : {}) as Node;
  const index = new Map(interactiveNodes(c).map((n, i) => [n, i] as const));
  const st: State = { ctx, index, unknown: new Set(), form: null, seq: 0 };
  const body = (c.body ?? {}) as Node;
  const elements = Array.isArray(body.elements) ? body.elements : Array.isArray(c.elements) ? c.elements : [];
  const width = ((c.config ?? {}) as Node).width_mode;
  const html =
    `<div class="lk-card${width === 'compact' ? ' lk-compact' : ''}">` +
    header(c.header as Node | undefined, st) +
    `<div class="lk-body">${children(elements, st)}</div></div>`;
  return { html, unknown: [...st.unknown] };
}

function id(st: State, what: string): string {
  st.seq += 1;
  return `${st.ctx.idPrefix ?? 'card'}-${what}${st.seq}`.replace(/[^\w-]/g, '_');
}

function header(h: Node | undefined, st: State): string {
  if (!h) return '';
  const template = TEMPLATES.has(String(h.template)) ? String(h.template) : 'default';
  const title = pick(h.title, st.ctx.lang);
  const subtitle = pick(h.subtitle, st.ctx.lang);
  const tags = (Array.isArray(h.text_tag_list) ? h.text_tag_list : [])
    .map((t) => {
      const tag = t as Node;
      const color = TEMPLATES.has(String(tag.color)) ? String(tag.color) : 'blue';
      return `<span class="lk-hdr-tag lk-t-${color}">${esc(pick(tag.text, st.ctx.lang))}</span>`;
    })
    .join('');
  return (
    `<div class="lk-head lk-t-${template}"><div class="lk-title" role="heading" aria-level="3">${esc(title)}${tags}</div>` +
    (subtitle ? `<div class="lk-sub">${esc(subtitle)}</div>` : '') +
    '</div>'
  );
}

function children(nodes: unknown, st: State): string {
  return (Array.isArray(nodes) ? nodes : []).map((n) => element(n as Node, st)).join('');
}

function element(n: Node, st: State): string {
  const tag = typeof n?.tag === 'string' ? n.tag : '';
  const { lang } = st.ctx;
  switch (tag) {
    case 'markdown':
      return `<div class="${textClasses(n)}">${renderMarkdown(pick(n, lang), st.ctx)}</div>`;
    case 'plain_text':
      return `<div class="${textClasses(n)}">${esc(pick(n, lang)).replace(/\n/g, '<br>')}</div>`;
    case 'div': {
      const text = (n.text ?? {}) as Node;
      const content = pick(text, lang);
      return `<div class="${textClasses(text)}">${text.tag === 'lark_md' ? renderMarkdown(content, st.ctx) : esc(content).replace(/\n/g, '<br>')}</div>`;
    }
    case 'hr':
      return '<hr class="lk-hr">';
    case 'column_set':
      return columnSet(n, st);
    case 'collapsible_panel': {
      const title = pick(((n.header ?? {}) as Node).title, lang);
      return `<details class="lk-panel"${attrs({ open: n.expanded === true })}><summary>${renderInline(title, st.ctx)}</summary><div class="lk-panel-body">${children(n.elements, st)}</div></details>`;
    }
    case 'form': {
      const outer = st.form;
      st.form = String(n.name ?? '');
      const html = `<form class="lk-form" novalidate${attrs({ 'data-form': st.form })}>${children(n.elements, st)}</form>`;
      st.form = outer;
      return html;
    }
    case 'button':
      return button(n, st);
    case 'table': {
      const t = renderTable(n, st.ctx);
      for (const u of t.unknownTypes) st.unknown.add(`table.${u}`);
      return t.html + t.unknownTypes.map((u) => unknownBox(`table 列类型 ${u}`)).join('');
    }
    case 'chart': {
      const svg = renderChart(n, id(st, 'chart'));
      if (svg !== null) return svg;
      const kind = String(((n.chart_spec ?? {}) as Node).type ?? '');
      st.unknown.add(`chart:${kind}`);
      return unknownBox(`chart（${kind || '?'}）`);
    }
    default:
      if (FIELD_TAGS.has(tag)) return field(n, tag, st);
      st.unknown.add(tag.toLowerCase() || '(no tag)');
      return unknownBox(tag);
  }
}

function unknownBox(tag: string): string {
  return `<div class="lk-unknown" role="note">未知组件 <code>${esc(tag.toLowerCase() || '(no tag)')}</code></div>`;
}

function textClasses(n: Node): string {
  const size = String(n.text_size ?? 'normal');
  const align = String(n.text_align ?? 'left');
  return [
    'lk-md',
    /^heading/.test(size) ? 'lk-heading' : '',
    /^notation/.test(size) ? 'lk-notation' : '',
    ['center', 'right'].includes(align) ? `lk-align-${align}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function columnSet(n: Node, st: State): string {
  const mode = ['none', 'stretch', 'flow', 'bisect', 'trisect'].includes(String(n.flex_mode)) ? String(n.flex_mode) : 'none';
  const gap = cssLength(n.horizontal_spacing) ?? '8px';
  const cols = (Array.isArray(n.columns) ? n.columns : []) as Node[];
  const inner = cols
    .map((c) => {
      const width = String(c.width ?? 'auto');
      const weight = Math.min(5, Math.max(1, Number(c.weight) || 1));
      const style =
        width === 'weighted'
          ? `flex:${weight} 1 0`
          : cssLength(width)
            ? `flex:0 0 ${cssLength(width)}`
            : 'flex:0 0 auto';
      const valign = { top: 'flex-start', center: 'center', bottom: 'flex-end' }[String(c.vertical_align)] ?? 'flex-start';
      return `<div class="lk-col" style="${style};align-self:${valign}">${children(c.elements, st)}</div>`;
    })
    .join('');
  return `<div class="lk-cols lk-flex-${mode}" style="gap:${gap}">${inner}</div>`;
}

function button(n: Node, st: State): string {
  const { lang } = st.ctx;
  const type = BUTTON_TYPES.has(String(n.type)) ? String(n.type) : 'default';
  const size = ['tiny', 'small', 'medium', 'large'].includes(String(n.size)) ? String(n.size) : 'medium';
  const confirm = (n.confirm ?? null) as Node | null;
  const behaviors = (Array.isArray(n.behaviors) ? n.behaviors : []) as Node[];
  const url = behaviors.find((b) => b.type === 'open_url');
  const href = url ? String(url.default_url ?? url.pc_url ?? '') : '';
  const inForm = st.form !== null && (n.form_action_type === 'submit' || n.form_action_type === 'reset' || n.action_type === 'form_submit');
  const tips = pick(n.disabled === true ? n.disabled_tips : n.hover_tips, lang);
  return `<button${attrs({
    type: inForm ? (n.form_action_type === 'reset' ? 'reset' : 'submit') : 'button',
    class: `lk-btn lk-b-${type} lk-s-${size}${n.width === 'fill' ? ' lk-fill' : ''}`,
    'data-el': st.index.get(n) ?? null,
    'data-confirm-title': confirm ? pick(confirm.title, lang) : null,
    'data-confirm-text': confirm ? pick(confirm.text, lang) : null,
    'data-url': /^https?:\/\//.test(href) ? href : null,
    title: tips || null,
    disabled: n.disabled === true,
  })}>${esc(pick(n.text, lang))}</button>`;
}

/** A field's accessible name: its label, else its placeholder, else its name. */
function labelled(n: Node, st: State, control: (attrsOut: string) => string, fieldId: string): string {
  const { lang } = st.ctx;
  const label = pick(n.label, lang);
  const placeholder = pick(n.placeholder, lang);
  const required = n.required === true;
  const position = n.label_position === 'left' ? ' lk-label-left' : '';
  const common = attrs({
    id: fieldId,
    'data-el': st.index.get(n) ?? null,
    'data-field': typeof n.name === 'string' ? n.name : null,
    required,
    'aria-required': required ? 'true' : null,
    disabled: n.disabled === true,
    'aria-label': label ? null : placeholder || String(n.name ?? ''),
  });
  const labelHtml = label ? `<label class="lk-label" for="${fieldId}">${esc(label)}${required ? '<span class="lk-req" aria-hidden="true">*</span>' : ''}</label>` : '';
  const width = n.width === 'fill' ? ' lk-fill' : '';
  return `<div class="lk-field${position}${width}">${labelHtml}${control(common)}</div>`;
}

function options(list: Array<{ value: string; text: string }>, selected: ReadonlySet<string>, placeholder: string | null): string {
  return (
    (placeholder !== null ? `<option value="">${esc(placeholder)}</option>` : '') +
    list.map((o) => `<option${attrs({ value: o.value, selected: selected.has(o.value) })}>${esc(o.text)}</option>`).join('')
  );
}

function field(n: Node, tag: string, st: State): string {
  const { lang } = st.ctx;
  const fieldId = id(st, 'f');
  const placeholder = pick(n.placeholder, lang);
  switch (tag) {
    case 'input': {
      const type = n.input_type === 'multiline_text' ? 'textarea' : n.input_type === 'password' ? 'password' : 'text';
      const max = Number(n.max_length) > 0 ? Number(n.max_length) : 1000;
      const value = typeof n.default_value === 'string' ? n.default_value : '';
      return labelled(n, st, (common) =>
        type === 'textarea'
          ? `<textarea class="lk-input"${common}${attrs({ rows: Math.min(10, Number(n.rows) || 3), maxlength: max, placeholder: placeholder || null })}>${esc(value)}</textarea>`
          : `<input class="lk-input"${common}${attrs({ type, value, maxlength: max, placeholder: placeholder || null })}>`,
      fieldId);
    }
    case 'select_static':
    case 'multi_select_static': {
      const list = ((Array.isArray(n.options) ? n.options : []) as Node[]).map((o) => ({ value: String(o.value ?? ''), text: pick(o.text, lang) }));
      const initial =
        typeof n.initial_option === 'string' ? [n.initial_option] : typeof n.initial_index === 'number' ? [list[n.initial_index - 1]?.value ?? ''] : Array.isArray(n.selected_values) ? (n.selected_values as string[]) : [];
      const multi = tag === 'multi_select_static';
      return labelled(n, st, (common) => `<select class="lk-input"${common}${attrs({ multiple: multi })}>${options(list, new Set(initial), multi ? null : placeholder || '请选择')}</select>`, fieldId);
    }
    case 'select_person':
    case 'multi_select_person': {
      const given = (Array.isArray(n.options) ? n.options : []) as Node[];
      const people: Person[] = given.length > 0 ? given.map((o) => ({ openId: String(o.value ?? ''), name: personName(st.ctx, String(o.value ?? '')) })) : [...st.ctx.members];
      const list = people.map((p) => ({ value: p.openId, text: p.name }));
      const multi = tag === 'multi_select_person';
      const initial = typeof n.initial_option === 'string' ? [n.initial_option] : Array.isArray(n.selected_values) ? (n.selected_values as string[]) : [];
      return labelled(n, st, (common) => `<select class="lk-input lk-person"${common}${attrs({ multiple: multi, size: multi ? Math.min(5, Math.max(2, list.length)) : null })}>${options(list, new Set(initial), multi ? null : placeholder || '选择人员')}</select>`, fieldId);
    }
    case 'date_picker':
      return labelled(n, st, (common) => `<input class="lk-input" type="date"${common}${attrs({ value: dateOnly(n.initial_date) })}>`, fieldId);
    case 'picker_time':
      return labelled(n, st, (common) => `<input class="lk-input" type="time"${common}${attrs({ value: typeof n.initial_time === 'string' ? n.initial_time : null })}>`, fieldId);
    case 'picker_datetime':
      return labelled(
        n,
        st,
        (common) => `<input class="lk-input" type="datetime-local"${common}${attrs({ value: typeof n.initial_datetime === 'string' ? String(n.initial_datetime).slice(0, 16).replace(' ', 'T') : null })}>`,
        fieldId,
      );
    default: {
      // checker
      const text = pick(n.text, lang);
      return `<label class="lk-checker"><input type="checkbox"${attrs({
        'data-el': st.index.get(n) ?? null,
        'data-field': typeof n.name === 'string' ? n.name : null,
        checked: n.checked === true,
        disabled: n.disabled === true,
      })}> ${text.includes('*') || text.includes('<') ? renderMarkdown(text, st.ctx) : esc(text)}</label>`;
    }
  }
}

function dateOnly(v: unknown): string | null {
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null;
}
