import type { CardJson } from '../../src/transport/contract';
import { isI18n, type Text } from './i18n';

/**
 * Small builders for card JSON 2.0 components. They emit only fields the 2.0 schema documents
 * (https://open.feishu.cn/document/feishu-cards/card-json-v2-structure) so every card module reads as layout, not JSON plumbing.
 */
export type Element = Record<string, unknown> & { tag: string };

export type HeaderTemplate =
  | 'blue' | 'wathet' | 'turquoise' | 'green' | 'yellow' | 'orange' | 'red' | 'carmine' | 'violet' | 'purple' | 'indigo' | 'grey' | 'default';

/** Every button and form value carries the action name and the card state revision (dispatcher dedupe). */
export type ActionValue = { action: string; rev: number } & Record<string, string | number | boolean | null>;

function textFields(text: Text): { content: string; i18n_content?: { zh_cn: string; en_us: string } } {
  // identical languages (pure data) are sent once: cards are capped at 30 KB
  if (!isI18n(text) || text.zh_cn === text.en_us) return { content: isI18n(text) ? text.zh_cn : text };
  return { content: text.zh_cn, i18n_content: { zh_cn: text.zh_cn, en_us: text.en_us } };
}

export function plainText(text: Text): Element {
  return { tag: 'plain_text', ...textFields(text) };
}

export function markdown(text: Text, opts: { size?: 'normal' | 'notation' | 'heading'; align?: 'left' | 'center' | 'right' } = {}): Element {
  return {
    tag: 'markdown',
    ...textFields(text),
    ...(opts.size ? { text_size: opts.size } : {}),
    ...(opts.align ? { text_align: opts.align } : {}),
  };
}

export function divider(): Element {
  return { tag: 'hr' };
}

export interface CardOptions {
  title: Text;
  subtitle?: Text;
  template?: HeaderTemplate;
  /** Preview line in the chat list. */
  summary?: Text;
  elements: Element[];
}

export function card(opts: CardOptions): CardJson {
  return {
    schema: '2.0',
    config: {
      update_multi: true,
      width_mode: 'fill',
      ...(opts.summary ? { summary: textFields(opts.summary) } : {}),
    },
    header: {
      title: plainText(opts.title),
      ...(opts.subtitle ? { subtitle: plainText(opts.subtitle) } : {}),
      template: opts.template ?? 'blue',
    },
    body: { elements: opts.elements },
  };
}

export interface ButtonOptions {
  text: Text;
  value: ActionValue;
  type?: 'default' | 'primary' | 'danger' | 'text' | 'primary_text' | 'danger_text' | 'primary_filled' | 'danger_filled' | 'laser';
  size?: 'tiny' | 'small' | 'medium' | 'large';
  /** Required inside a form (card-unique). */
  name?: string;
  /** Inside a form: `submit` sends the form values with this button's value. */
  formAction?: 'submit' | 'reset';
  disabled?: boolean;
  confirm?: { title: Text; text: Text };
}

export function button(opts: ButtonOptions): Element {
  return {
    tag: 'button',
    text: plainText(opts.text),
    type: opts.type ?? 'default',
    size: opts.size ?? 'medium',
    ...(opts.name ? { name: opts.name } : {}),
    ...(opts.formAction ? { form_action_type: opts.formAction } : {}),
    ...(opts.disabled ? { disabled: true } : {}),
    ...(opts.confirm ? { confirm: { title: plainText(opts.confirm.title), text: plainText(opts.confirm.text) } } : {}),
    behaviors: [{ type: 'callback', value: opts.value }],
  };
}

export interface InputOptions {
  name: string;
  label?: Text;
  placeholder?: Text;
  defaultValue?: string;
  multiline?: boolean;
  required?: boolean;
  maxLength?: number;
}

export function input(opts: InputOptions): Element {
  return {
    tag: 'input',
    name: opts.name,
    input_type: opts.multiline ? 'multiline_text' : 'text',
    ...(opts.multiline ? { rows: 3, auto_resize: true, max_rows: 8 } : {}),
    ...(opts.label ? { label: plainText(opts.label), label_position: 'top' } : {}),
    ...(opts.placeholder ? { placeholder: plainText(opts.placeholder) } : {}),
    ...(opts.defaultValue ? { default_value: opts.defaultValue } : {}),
    ...(opts.required ? { required: true } : {}),
    max_length: opts.maxLength ?? 1000,
  };
}

export function selectStatic(opts: {
  name: string;
  placeholder?: Text;
  options: Array<{ text: Text; value: string }>;
  initial?: string | null;
  required?: boolean;
}): Element {
  return {
    tag: 'select_static',
    name: opts.name,
    ...(opts.placeholder ? { placeholder: plainText(opts.placeholder) } : {}),
    options: opts.options.map((o) => ({ text: plainText(o.text), value: o.value })),
    ...(opts.initial ? { initial_option: opts.initial } : {}),
    ...(opts.required ? { required: true } : {}),
  };
}

/**
 * With no `options`, Lark offers exactly the members of the chat the card sits in. An initial value
 * would have to be listed in `options` — which would then be the only choice — so these pickers
 * start empty and the card says in words who is set now.
 */
export function selectPerson(opts: { name: string; placeholder?: Text; multi?: boolean }): Element {
  return {
    tag: opts.multi ? 'multi_select_person' : 'select_person',
    name: opts.name,
    ...(opts.placeholder ? { placeholder: plainText(opts.placeholder) } : {}),
  };
}

export function datePicker(opts: { name: string; initialDate?: string | null; placeholder?: Text }): Element {
  return {
    tag: 'date_picker',
    name: opts.name,
    ...(opts.initialDate ? { initial_date: opts.initialDate } : {}),
    ...(opts.placeholder ? { placeholder: plainText(opts.placeholder) } : {}),
  };
}

export function form(name: string, elements: Element[]): Element {
  return { tag: 'form', name, elements };
}

export function columns(cols: Array<{ elements: Element[]; weight?: number; width?: 'auto' | 'weighted' }>, opts: { flex?: 'none' | 'stretch' | 'flow' | 'bisect' | 'trisect' } = {}): Element {
  return {
    tag: 'column_set',
    flex_mode: opts.flex ?? 'none',
    horizontal_spacing: '8px',
    columns: cols.map((c) => ({
      tag: 'column',
      width: c.width ?? (c.weight ? 'weighted' : 'auto'),
      ...(c.weight ? { weight: c.weight } : {}),
      vertical_align: 'center',
      elements: c.elements,
    })),
  };
}

export function collapsible(title: Text, elements: Element[], expanded = false): Element {
  return {
    tag: 'collapsible_panel',
    expanded,
    header: { title: { tag: 'markdown', ...textFields(title) } },
    elements,
  };
}

export interface TableColumn {
  name: string;
  displayName: Text;
  dataType?: 'text' | 'lark_md' | 'number';
  width?: string;
}

/** Root-level only, ≤ 5 per card; Lark pages it client-side, so 60 rows stay one component. */
export function table(columnsDef: TableColumn[], rows: Array<Record<string, string | number>>, opts: { pageSize?: number } = {}): Element {
  return {
    tag: 'table',
    page_size: opts.pageSize ?? 10,
    row_height: 'low',
    freeze_first_column: false,
    header_style: { text_align: 'left', background_style: 'grey', bold: true, lines: 1 },
    columns: columnsDef.map((c) => ({
      name: c.name,
      display_name: isI18n(c.displayName) ? c.displayName.zh_cn : c.displayName,
      data_type: c.dataType ?? 'text',
      width: c.width ?? 'auto',
    })),
    rows,
  };
}
