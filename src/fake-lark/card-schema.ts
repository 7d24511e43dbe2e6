/**
 * What card JSON 2.0 accepts, component by component, as the official component pages list it. In 2.0 "传入不支持的
 * 属性将报错" (https://open.feishu.cn/document/feishu-cards/card-json-v2-breaking-changes-release-notes): one
 * unknown property or out-of-range value rejects the whole card, so the fake holds every card to these tables.
 * A component the table does not model is refused too, with a message saying so: add it here from its page.
 */

/** How one property's value is checked; a string result is what is wrong with it. */
export type Check = (value: unknown) => string | null;

export interface ComponentSpec {
  /** The official page the table comes from. */
  doc: string;
  /** Property → check. `tag`, `element_id` and `margin` are accepted on every component (COMMON). */
  props: Record<string, Check>;
  required?: string[];
  /** Only inside a form container (multi-selects). */
  formOnly?: boolean;
  /** Child lists walked as components (`elements`, `columns` of a column_set). */
  children?: string[];
  /** A container that may not hold forms or tables (everything but the card body). */
  container?: boolean;
}

export const DOCS = {
  release: 'https://open.feishu.cn/document/feishu-cards/card-json-v2-breaking-changes-release-notes',
  structure: 'https://open.feishu.cn/document/feishu-cards/card-json-v2-structure',
  interactions: 'https://open.feishu.cn/document/feishu-cards/configuring-card-interactions',
  send: 'https://open.feishu.cn/document/server-docs/im-v1/message/create',
  patch: 'https://open.feishu.cn/document/server-docs/im-v1/message-card/patch',
  title: 'https://open.feishu.cn/document/feishu-cards/card-json-v2-components/content-components/title',
  plainText: 'https://open.feishu.cn/document/feishu-cards/card-json-v2-components/content-components/plain-text',
  markdown: 'https://open.feishu.cn/document/feishu-cards/card-json-v2-components/content-components/rich-text',
  table: 'https://open.feishu.cn/document/feishu-cards/card-json-v2-components/content-components/table',
  chart: 'https://open.feishu.cn/document/feishu-cards/card-json-v2-components/content-components/chart',
  hr: 'https://open.feishu.cn/document/feishu-cards/card-json-v2-components/content-components/divider',
  columnSet: 'https://open.feishu.cn/document/feishu-cards/card-json-v2-components/containers/column-set',
  form: 'https://open.feishu.cn/document/feishu-cards/card-json-v2-components/containers/form-container',
  panel: 'https://open.feishu.cn/document/feishu-cards/card-json-v2-components/containers/collapsible-panel',
  input: 'https://open.feishu.cn/document/feishu-cards/card-json-v2-components/interactive-components/input',
  button: 'https://open.feishu.cn/document/feishu-cards/card-json-v2-components/interactive-components/button',
  select: 'https://open.feishu.cn/document/feishu-cards/card-json-v2-components/interactive-components/single-select-dropdown-menu',
  multiSelect: 'https://open.feishu.cn/document/feishu-cards/card-json-v2-components/interactive-components/multi-select-dropdown-menu',
  person: 'https://open.feishu.cn/document/feishu-cards/card-json-v2-components/interactive-components/single-select-user-picker',
  multiPerson: 'https://open.feishu.cn/document/feishu-cards/card-json-v2-components/interactive-components/multi-select-user-picker',
  datePicker: 'https://open.feishu.cn/document/feishu-cards/card-json-v2-components/interactive-components/date-picker',
} as const;

// ── value checks ────────────────────────────────────────────────────────────────────────────────────────
const any: Check = () => null;
const str: Check = (v) => (typeof v === 'string' ? null : 'must be a string');
const bool: Check = (v) => (typeof v === 'boolean' ? null : 'must be true or false');
const obj: Check = (v) => (v && typeof v === 'object' && !Array.isArray(v) ? null : 'must be an object');
const arr: Check = (v) => (Array.isArray(v) ? null : 'must be an array');
const oneOf =
  (...values: string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v) ? null : `must be one of ${values.join(' | ')} (got ${JSON.stringify(v)})`;
const int =
  (min: number, max: number): Check =>
  (v) =>
    Number.isInteger(v) && (v as number) >= min && (v as number) <= max ? null : `must be an integer in [${min}, ${max}] (got ${JSON.stringify(v)})`;
const either =
  (...checks: Check[]): Check =>
  (v) => {
    const problems = checks.map((c) => c(v));
    return problems.some((p) => p === null) ? null : problems.join(', or ');
  };
/** `Npx` with N an integer in [min, max]. */
const px =
  (min: number, max: number): Check =>
  (v) => {
    const m = typeof v === 'string' ? /^(-?\d+)px$/.exec(v) : null;
    return m && Number(m[1]) >= min && Number(m[1]) <= max ? null : `must be an integer number of px in [${min}px, ${max}px] (got ${JSON.stringify(v)})`;
  };
const percent: Check = (v) => {
  const m = typeof v === 'string' ? /^(\d+)%$/.exec(v) : null;
  return m && Number(m[1]) >= 1 && Number(m[1]) <= 100 ? null : `must be a percentage in [1%, 100%] (got ${JSON.stringify(v)})`;
};
/** Spacing keys: small 4px | medium 8px | large 12px | extra_large 16px | [0,99]px. */
const spacing = either(oneOf('small', 'medium', 'large', 'extra_large'), px(0, 99));
/** `margin` / `padding`: one to four `Npx` values, each in [-99,99]px (padding [0,99]px). */
const box =
  (min: number): Check =>
  (v) => {
    const parts = typeof v === 'string' ? v.trim().split(/\s+/) : [];
    if (parts.length < 1 || parts.length > 4) return `must be 1 to 4 px values (got ${JSON.stringify(v)})`;
    for (const p of parts) if (px(min, 99)(p) !== null) return `must be px values in [${min}px, 99px] (got ${JSON.stringify(v)})`;
    return null;
  };
const yyyyMmDd: Check = (v) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? null : `must be yyyy-MM-dd (got ${JSON.stringify(v)})`);
const i18nMap: Check = (v) => {
  if (obj(v) !== null) return 'must be an object of language → text';
  for (const [k, t] of Object.entries(v as object)) if (typeof t !== 'string') return `i18n text for ${k} must be a string`;
  return null;
};
/** A text object of one of these tags; its own keys are checked as a component when walked. */
const textOf =
  (...tags: string[]): Check =>
  (v) => {
    if (obj(v) !== null) return 'must be a text object';
    const tag = (v as { tag?: unknown }).tag;
    return typeof tag === 'string' && tags.includes(tag) ? null : `must be a text object with tag ${tags.join(' | ')} (got ${JSON.stringify(tag)})`;
  };
const plain = textOf('plain_text');
const plainOrMd = textOf('plain_text', 'lark_md');
const width = either(oneOf('default', 'fill'), px(100, 10_000));

const LAYOUT: Record<string, Check> = {
  direction: oneOf('vertical', 'horizontal'),
  padding: box(0),
  horizontal_spacing: spacing,
  horizontal_align: oneOf('left', 'center', 'right'),
  vertical_spacing: spacing,
  vertical_align: oneOf('top', 'center', 'bottom'),
};

const BEHAVIORS: Check = (v) => {
  if (!Array.isArray(v)) return 'must be an array';
  for (const b of v as Array<Record<string, unknown>>) {
    if (b?.type === 'callback') {
      // the SDKs support only object values (https://open.feishu.cn/document/feishu-cards/configuring-card-interactions)
      if (obj(b.value) !== null) return 'a callback behavior needs an object `value`';
      for (const k of Object.keys(b)) if (!['type', 'value'].includes(k)) return `a callback behavior has no property "${k}"`;
    } else if (b?.type === 'open_url') {
      if (typeof b.default_url !== 'string') return 'an open_url behavior needs `default_url`';
      for (const k of Object.keys(b)) if (!['type', 'default_url', 'pc_url', 'ios_url', 'android_url'].includes(k)) return `an open_url behavior has no property "${k}"`;
    } else return `behavior type must be callback | open_url (got ${JSON.stringify(b?.type)})`;
  }
  return null;
};

const CONFIRM: Check = (v) => {
  if (obj(v) !== null) return 'must be an object';
  const c = v as Record<string, unknown>;
  if (!c.title) return 'needs a `title`';
  for (const k of Object.keys(c)) if (!['title', 'text'].includes(k)) return `has no property "${k}"`;
  return plain(c.title) ?? (c.text === undefined ? null : plain(c.text));
};

const OPTIONS: Check = (v) => {
  if (!Array.isArray(v)) return 'must be an array';
  const seen = new Set<string>();
  for (const o of v as Array<Record<string, unknown>>) {
    if (obj(o) !== null) return 'every option must be an object';
    for (const k of Object.keys(o)) if (!['text', 'icon', 'value'].includes(k)) return `an option has no property "${k}"`;
    if (typeof o.value !== 'string') return 'every option needs a string `value`';
    if (seen.has(o.value)) return `option value "${o.value}" repeats; values must be unique`;
    seen.add(o.value);
  }
  return null;
};

const PERSON_OPTIONS: Check = (v) => {
  if (!Array.isArray(v)) return 'must be an array';
  for (const o of v as Array<Record<string, unknown>>) {
    if (obj(o) !== null || typeof o.value !== 'string') return 'every option must be `{ value: open_id }`';
    for (const k of Object.keys(o)) if (k !== 'value') return `an option has no property "${k}"`;
  }
  return null;
};

const TEXT_TAG_LIST: Check = (v) => {
  if (!Array.isArray(v)) return 'must be an array';
  if (v.length > 3) return `holds at most 3 tags (got ${v.length})`;
  return null;
};

const ICON: Check = obj;

const textProps = { content: str, i18n_content: i18nMap };

export const TEXT_TAGS = new Set(['plain_text', 'lark_md']);

/** Text objects, checked wherever they appear (header, labels, button texts, options, `div.text`). */
export const TEXT_SPECS: Record<string, ComponentSpec> = {
  plain_text: {
    doc: DOCS.plainText,
    props: { ...textProps, text_size: str, text_color: str, text_align: oneOf('left', 'center', 'right'), lines: int(1, 1000) },
    required: ['content'],
  },
  lark_md: {
    doc: DOCS.plainText,
    props: { ...textProps, text_size: str, text_align: oneOf('left', 'center', 'right'), lines: int(1, 1000) },
    required: ['content'],
  },
};

const columnWidth = either(oneOf('auto', 'weighted'), px(16, 600));

/** Components that sit in `elements` lists (and `column`, which sits in a column_set's `columns`). */
export const COMPONENT_SPECS: Record<string, ComponentSpec> = {
  markdown: {
    doc: DOCS.markdown,
    // no `text_color` in 2.0: colour goes in `<font color>` (an unknown text_size renders as normal)
    props: { content: str, i18n_content: i18nMap, text_align: oneOf('left', 'center', 'right'), text_size: str, icon: ICON },
    required: ['content'],
  },
  div: { doc: DOCS.plainText, props: { text: plainOrMd, icon: ICON }, required: ['text'] },
  hr: { doc: DOCS.hr, props: {} },
  column_set: {
    doc: DOCS.columnSet,
    props: {
      horizontal_spacing: spacing,
      horizontal_align: oneOf('left', 'center', 'right'),
      flex_mode: oneOf('none', 'stretch', 'flow', 'bisect', 'trisect'),
      background_style: str,
      action: obj,
      columns: arr,
    },
    required: ['columns'],
    children: ['columns'],
    container: true,
  },
  column: {
    doc: DOCS.columnSet,
    props: { ...LAYOUT, width: columnWidth, weight: int(1, 5), background_style: str, elements: arr, action: obj },
    children: ['elements'],
    container: true,
  },
  form: {
    doc: DOCS.form,
    props: { ...LAYOUT, name: str, elements: arr },
    required: ['name', 'elements'],
    children: ['elements'],
  },
  collapsible_panel: {
    doc: DOCS.panel,
    props: { ...LAYOUT, expanded: bool, background_color: str, header: obj, border: obj, elements: arr },
    children: ['elements'],
    container: true,
  },
  input: {
    doc: DOCS.input,
    props: {
      name: str,
      required: bool,
      disabled: bool,
      disabled_tips: plain,
      placeholder: plain,
      default_value: str,
      width,
      max_length: int(1, 1000),
      input_type: oneOf('text', 'multiline_text', 'password'),
      show_icon: bool,
      rows: int(1, 1000),
      auto_resize: bool,
      max_rows: int(1, 1000),
      label: plain,
      label_position: oneOf('top', 'left'),
      confirm: CONFIRM,
      behaviors: BEHAVIORS,
    },
  },
  select_static: {
    doc: DOCS.select,
    props: {
      type: oneOf('default', 'text'),
      name: str,
      required: bool,
      disabled: bool,
      initial_option: str,
      initial_index: int(1, 10_000),
      placeholder: plain,
      width,
      options: OPTIONS,
      confirm: CONFIRM,
      behaviors: BEHAVIORS,
    },
  },
  multi_select_static: {
    doc: DOCS.multiSelect,
    props: { type: oneOf('default', 'text'), name: str, required: bool, disabled: bool, placeholder: plain, width, selected_values: arr, options: OPTIONS, confirm: CONFIRM, behaviors: BEHAVIORS },
    required: ['name'],
    formOnly: true,
  },
  select_person: {
    doc: DOCS.person,
    props: { type: oneOf('default', 'text'), name: str, required: bool, disabled: bool, initial_option: str, placeholder: plain, width, options: PERSON_OPTIONS, confirm: CONFIRM, behaviors: BEHAVIORS },
  },
  multi_select_person: {
    doc: DOCS.multiPerson,
    props: { type: oneOf('default', 'text'), name: str, required: bool, disabled: bool, placeholder: plain, width, selected_values: arr, options: PERSON_OPTIONS, confirm: CONFIRM, behaviors: BEHAVIORS },
    required: ['name'],
    formOnly: true,
  },
  date_picker: {
    doc: DOCS.datePicker,
    props: { name: str, required: bool, disabled: bool, placeholder: plain, width, initial_date: yyyyMmDd, confirm: CONFIRM, behaviors: BEHAVIORS },
  },
  button: {
    doc: DOCS.button,
    props: {
      type: oneOf('default', 'primary', 'danger', 'text', 'primary_text', 'danger_text', 'primary_filled', 'danger_filled', 'laser'),
      size: oneOf('tiny', 'small', 'medium', 'large'),
      width: either(oneOf('default', 'fill'), px(0, 10_000)),
      text: plain,
      icon: ICON,
      hover_tips: plain,
      disabled: bool,
      disabled_tips: plain,
      confirm: CONFIRM,
      behaviors: BEHAVIORS,
      name: str,
      form_action_type: oneOf('submit', 'reset'),
    },
  },
  table: {
    doc: DOCS.table,
    props: {
      page_size: int(1, 10),
      row_height: either(oneOf('low', 'middle', 'high', 'auto'), px(32, 124)),
      row_max_height: px(32, 124),
      header_style: obj,
      freeze_first_column: bool,
      columns: arr,
      rows: arr,
    },
    required: ['columns', 'rows'],
  },
  chart: {
    doc: DOCS.chart,
    props: {
      chart_spec: obj,
      aspect_ratio: oneOf('1:1', '2:1', '4:3', '16:9'),
      color_theme: oneOf('brand', 'rainbow', 'complementary', 'converse', 'primary'),
      preview: bool,
      height: either(oneOf('auto'), px(1, 10_000)),
    },
    required: ['chart_spec'],
  },
};

/** Every component also takes these (https://open.feishu.cn/document/feishu-cards/card-json-v2-structure). */
export const COMMON: Record<string, Check> = { tag: str, element_id: str, margin: box(-99) };

/** Removed in 2.0: a card using them is refused with 200861. */
export const REMOVED_TAGS = new Set(['note', 'action']);

export const FORM_FIELDS = new Set(['input', 'select_static', 'multi_select_static', 'select_person', 'multi_select_person', 'date_picker', 'picker_time', 'picker_datetime', 'checker', 'select_img']);

/** Top level, `config` and `header` (https://open.feishu.cn/document/feishu-cards/card-json-v2-structure). */
export const CARD_KEYS = new Set(['schema', 'config', 'card_link', 'header', 'body']);
export const CONFIG_PROPS: Record<string, Check> = {
  streaming_mode: bool,
  streaming_config: obj,
  summary: obj,
  locales: arr,
  enable_forward: bool,
  update_multi: bool,
  width_mode: oneOf('default', 'compact', 'fill'),
  use_custom_translation: bool,
  enable_forward_interaction: bool,
  style: obj,
};
export const BODY_PROPS: Record<string, Check> = { ...LAYOUT, elements: arr };
export const HEADER_PROPS: Record<string, Check> = {
  title: plainOrMd,
  subtitle: plainOrMd,
  text_tag_list: TEXT_TAG_LIST,
  i18n_text_tag_list: obj,
  template: oneOf('blue', 'wathet', 'turquoise', 'green', 'yellow', 'orange', 'red', 'carmine', 'violet', 'purple', 'indigo', 'grey', 'default'),
  icon: ICON,
  padding: box(0),
};
export const PANEL_HEADER_PROPS: Record<string, Check> = {
  title: textOf('plain_text', 'markdown'),
  background_color: str,
  vertical_align: oneOf('top', 'center', 'bottom'),
  padding: box(0),
  position: str,
  width: str,
  icon: ICON,
  icon_position: str,
  icon_expanded_angle: any,
};

/** Table columns and cells (https://open.feishu.cn/document/feishu-cards/card-json-v2-components/content-components/table). */
export const TABLE_COLUMN_PROPS: Record<string, Check> = {
  name: str,
  display_name: str,
  width: either(oneOf('auto'), px(80, 600), percent),
  vertical_align: oneOf('top', 'center', 'bottom'),
  horizontal_align: oneOf('left', 'center', 'right'),
  data_type: oneOf('text', 'lark_md', 'options', 'number', 'persons', 'date', 'markdown'),
  format: obj,
  date_format: str,
};
export const TABLE_MAX_COLUMNS = 50;
export const HEADER_STYLE_PROPS: Record<string, Check> = {
  text_align: oneOf('left', 'center', 'right'),
  text_size: str,
  background_style: oneOf('grey', 'none'),
  text_color: str,
  bold: bool,
  lines: int(1, 1000),
};

/** What a cell of each data type may hold; `null` = OK. */
export function cellProblem(dataType: string, value: unknown): string | null {
  switch (dataType) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : `a number cell must be a JSON number (got ${JSON.stringify(value)}); leave the key out for an empty cell`;
    case 'text':
    case 'lark_md':
    case 'markdown':
      return typeof value === 'string' ? null : `a ${dataType} cell must be a string (got ${JSON.stringify(value)})`;
    case 'options':
      return typeof value === 'string' || Array.isArray(value) ? null : 'an options cell must be a string or [{text, color}]';
    case 'persons':
      return typeof value === 'string' || (Array.isArray(value) && value.every((x) => typeof x === 'string')) ? null : 'a persons cell must be an id or a list of ids';
    case 'date':
      return typeof value === 'number' ? null : 'a date cell must be epoch milliseconds';
    default:
      return null;
  }
}

/** Button texts and placeholders: "最多支持 100 个字符" (button, input, select, date picker pages). */
export const SHORT_TEXT_MAX = 100;
