import { countCardElements, LARK_BODY_MAX_BYTES, LARK_CARD_MAX_ELEMENTS, sendBodyBytes } from '../transport/card-measure';
import {
  BODY_PROPS,
  CARD_KEYS,
  cellProblem,
  COMMON,
  COMPONENT_SPECS,
  CONFIG_PROPS,
  DOCS,
  FORM_FIELDS,
  HEADER_PROPS,
  HEADER_STYLE_PROPS,
  PANEL_HEADER_PROPS,
  REMOVED_TAGS,
  SHORT_TEXT_MAX,
  TABLE_COLUMN_PROPS,
  TABLE_MAX_COLUMNS,
  TEXT_SPECS,
  TEXT_TAGS,
  type Check,
} from './card-schema';

/**
 * Card JSON 2.0 as the Lark server checks it, on every send, reply, PATCH, delayed update and callback answer
 * the fake receives. Each violation carries Lark's code (the sub-code Lark puts in `msg` after 230099, or
 * 230025 for size), the rule it breaks and the official page the rule comes from.
 */
export interface CardViolation {
  /** 230025 size · 200621 schema (unknown property, bad value, nesting) · 200861 removed tag · 11310 too many elements or tables · 200914 / 200915 table cells and keys · 100290 unknown user · 200530 form names · 300123 form without submit. */
  code: number;
  /** A short stable name of the rule, e.g. `table-column-width` (see RULES). */
  rule: CardRule;
  message: string;
  doc: string;
  /**
   * False for what Lark accepts but shows wrongly (plain_text shows markdown escapes literally): the fake
   * records those instead of refusing the card.
   */
  rejects: boolean;
}

export const RULES = [
  'not-a-card',
  'schema',
  'shared-card',
  'body-size',
  'element-count',
  'table-count',
  'unknown-property',
  'missing-property',
  'property-value',
  'unknown-component',
  'removed-component',
  'text-length',
  'table-column-width',
  'table-columns',
  'number-cell',
  'table-cell',
  'undeclared-row-key',
  'at-unknown-user',
  'element-id',
  'nesting',
  'form-only',
  'form-submit',
  'form-names',
  'plain-text-escape',
] as const;
export type CardRule = (typeof RULES)[number];

export interface ValidateOptions {
  /** Bytes of the request body as sent; defaults to the largest send body of this card (transport/card-measure). */
  bodyBytes?: number;
  /** Whether Lark knows this user id (open_id, user_id or email); `<at>` and person pickers are unchecked without it. */
  knowsUser?: (id: string) => boolean;
}

/** Kept for callers that only need the numbers. */
export const CARD_MAX_BYTES = LARK_BODY_MAX_BYTES;
export const CARD_MAX_ELEMENTS = LARK_CARD_MAX_ELEMENTS;

type Node = Record<string, unknown>;

const MAX_DEPTH = 5;

export function validateCard(card: unknown, opts: ValidateOptions = {}): CardViolation[] {
  const out: CardViolation[] = [];
  const add = (code: number, rule: CardRule, doc: string, message: string, rejects = true) => out.push({ code, rule, doc, message, rejects });
  if (!card || typeof card !== 'object' || Array.isArray(card)) {
    add(200621, 'not-a-card', DOCS.structure, 'card content is not a JSON object');
    return out;
  }
  const c = card as Node;
  if (c.type === 'template') return out; // template cards are rendered from the builder: nothing here to check
  if (c.schema !== '2.0') {
    add(200621, 'schema', DOCS.structure, 'card JSON 2.0 must declare schema "2.0" (this fake checks 2.0 cards only)');
    return out;
  }

  // 30 KB on the request body, the card travelling as an escaped string inside `content` (message/create).
  const bytes = opts.bodyBytes ?? sendBodyBytes(card as never);
  if (bytes > LARK_BODY_MAX_BYTES) add(230025, 'body-size', DOCS.send, `the request body is ${bytes} bytes; Lark's limit is 30 KB (budgeted as ${LARK_BODY_MAX_BYTES} bytes)`);

  for (const key of Object.keys(c)) {
    if (!CARD_KEYS.has(key)) add(200621, key === 'i18n_elements' || key === 'fallback' ? 'removed-component' : 'unknown-property', DOCS.release, `unknown property "${key}" at the card's top level (2.0 removed i18n_elements and fallback)`);
  }
  const config = (c.config ?? {}) as Node;
  checkProps(config, CONFIG_PROPS, 'config', DOCS.structure, add);
  if (config.update_multi === false) add(200621, 'shared-card', DOCS.structure, 'card JSON 2.0 supports shared cards only: config.update_multi must be true');
  if (c.header !== undefined) checkHeader(c.header as Node, add, opts);
  const body = c.body as Node | undefined;
  if (body !== undefined) checkProps(body, BODY_PROPS, 'body', DOCS.structure, add);
  const roots = Array.isArray(body?.elements) ? (body!.elements as unknown[]) : [];
  if (body && !Array.isArray(body.elements)) add(200621, 'missing-property', DOCS.structure, 'body.elements must be an array');

  const elements = countCardElements(card);
  if (elements > LARK_CARD_MAX_ELEMENTS) add(11310, 'element-count', DOCS.structure, `element exceeds the limit: ${elements} elements (every tagged object, text elements and select options included); the limit is ${LARK_CARD_MAX_ELEMENTS}`);

  const state: WalkState = { tables: 0, names: new Map(), elementIds: new Set(), add, opts };
  for (const root of roots) walk(root, { depth: 1, form: null, atRoot: true, path: 'body.elements' }, state);

  if (state.tables > 5) add(11310, 'table-count', DOCS.table, `card table number over limit: ${state.tables} tables; at most 5`);
  for (const [name, n] of state.names) if (n > 1) add(200530, 'form-names', DOCS.form, `component name "${name}" is used ${n} times; names must be unique in a card`);
  return out;
}

type Add = (code: number, rule: CardRule, doc: string, message: string, rejects?: boolean) => void;

interface WalkState {
  tables: number;
  names: Map<string, number>;
  elementIds: Set<string>;
  add: Add;
  opts: ValidateOptions;
}

interface Where {
  depth: number;
  form: Node | null;
  atRoot: boolean;
  path: string;
}

function checkProps(node: Node, props: Record<string, Check>, where: string, doc: string, add: Add) {
  for (const [key, value] of Object.entries(node)) {
    const check = props[key];
    if (!check) {
      add(200621, 'unknown-property', doc, `unknown property "${key}" on ${where}`);
      continue;
    }
    const problem = check(value);
    if (problem) add(200621, 'property-value', doc, `${where}.${key} ${problem}`);
  }
}

function checkHeader(header: Node, add: Add, opts: ValidateOptions) {
  checkProps(header, HEADER_PROPS, 'header', DOCS.title, add);
  if (!header.title || typeof header.title !== 'object') add(200621, 'missing-property', DOCS.title, 'header.title is required');
  for (const key of ['title', 'subtitle']) if (header[key] && typeof header[key] === 'object') checkText(header[key] as Node, `header.${key}`, add, opts);
}

/** A text object: its own properties, and what plain_text shows literally. */
function checkText(node: Node, where: string, add: Add, opts: ValidateOptions, maxChars?: number) {
  const tag = String(node.tag ?? '');
  const spec = TEXT_SPECS[tag];
  if (!spec) return; // the caller's check already names the wrong tag
  checkProps(node, { tag: COMMON.tag!, ...spec.props }, `${where} (${tag})`, spec.doc, add);
  const texts = [node.content, ...Object.values((node.i18n_content ?? {}) as object)].filter((t): t is string => typeof t === 'string');
  if (maxChars !== undefined) {
    for (const t of texts) if ([...t].length > maxChars) add(200621, 'text-length', DOCS.button, `${where} is ${[...t].length} characters; at most ${maxChars}`);
  }
  if (tag === 'plain_text') {
    // plain_text parses no markdown and no entities: an escape is shown as typed (…/content-components/plain-text)
    for (const t of texts) {
      const escaped = /\\[\\`*_~[\]#|>()!-]|&(amp|lt|gt|quot|#\d+);/.exec(t);
      if (escaped) add(0, 'plain-text-escape', DOCS.plainText, `${where} shows "${escaped[0]}" literally: plain_text is never markdown-escaped ("${t.slice(0, 40)}")`, false);
    }
  } else {
    checkMentions(texts, where, add, opts);
  }
}

/** `<at id=…>`, `<at ids=a,b>`, `<at email=…>`: one unknown user fails the whole card (230099 / 100290, message/create). */
function checkMentions(texts: string[], where: string, add: Add, opts: ValidateOptions) {
  if (!opts.knowsUser) return;
  for (const t of texts) {
    for (const m of t.matchAll(/<at\s+(id|ids|email)=['"]?([^'">\s]+)['"]?\s*>/g)) {
      const ids = m[1] === 'ids' ? m[2]!.split(',') : [m[2]!];
      for (const id of ids) {
        if (id === 'all') continue;
        if (!opts.knowsUser(id.trim())) add(100290, 'at-unknown-user', DOCS.markdown, `invalid user resource(at/person): ${where} mentions "${id}", who is not a user of this tenant`);
      }
    }
  }
}

function walk(value: unknown, where: Where, s: WalkState) {
  const { add, opts } = s;
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    add(200621, 'property-value', DOCS.structure, `${where.path} holds ${JSON.stringify(value)}, not a component`);
    return;
  }
  const node = value as Node;
  const tag = typeof node.tag === 'string' ? node.tag : '';
  const here = `${where.path} ${tag || '(no tag)'}`;
  if (REMOVED_TAGS.has(tag)) {
    add(200861, 'removed-component', DOCS.release, `type of element is not supported tag: ${tag} (removed in card JSON 2.0)`);
    return;
  }
  const spec = COMPONENT_SPECS[tag];
  if (!spec) {
    add(200621, 'unknown-component', DOCS.structure, `unknown component ${JSON.stringify(tag)} at ${where.path} (or one the fake does not model: add its property table to card-schema.ts from its component page)`);
    return;
  }
  checkProps(node, { ...COMMON, ...spec.props }, here, spec.doc, add);
  for (const key of spec.required ?? []) if (node[key] === undefined) add(200621, 'missing-property', spec.doc, `${here} needs "${key}"`);

  if (typeof node.element_id === 'string') {
    if (!/^[A-Za-z][A-Za-z0-9_]{0,19}$/.test(node.element_id)) add(200621, 'element-id', DOCS.structure, `element_id "${node.element_id}" must start with a letter and have at most 20 letters, digits or _`);
    else if (s.elementIds.has(node.element_id)) add(200621, 'element-id', DOCS.structure, `element_id "${node.element_id}" is not unique`);
    s.elementIds.add(node.element_id);
  }
  if (where.depth > MAX_DEPTH) add(200621, 'nesting', DOCS.columnSet, `${here} is nested ${where.depth} levels deep; containers nest at most ${MAX_DEPTH} levels`);

  // Text objects: button text ≤ 100, placeholders ≤ 100, labels and tips are plain_text.
  for (const key of ['text', 'placeholder', 'label', 'hover_tips', 'disabled_tips']) {
    const t = node[key];
    if (t && typeof t === 'object' && TEXT_TAGS.has(String((t as Node).tag))) {
      checkText(t as Node, `${here}.${key}`, add, opts, key === 'text' && tag === 'button' ? SHORT_TEXT_MAX : key === 'placeholder' ? SHORT_TEXT_MAX : undefined);
    }
  }
  if (node.confirm && typeof node.confirm === 'object') {
    for (const key of ['title', 'text']) {
      const t = (node.confirm as Node)[key];
      if (t && typeof t === 'object') checkText(t as Node, `${here}.confirm.${key}`, add, opts);
    }
  }
  if (Array.isArray(node.options)) {
    for (const o of node.options as Node[]) if (o?.text && typeof o.text === 'object') checkText(o.text as Node, `${here} option`, add, opts);
  }
  if (tag === 'markdown') checkMentions([node.content, ...Object.values((node.i18n_content ?? {}) as object)].filter((t): t is string => typeof t === 'string'), here, add, opts);
  if (tag === 'div' && node.text && typeof node.text === 'object') checkText(node.text as Node, `${here}.text`, add, opts);
  if (tag === 'collapsible_panel' && node.header && typeof node.header === 'object') {
    const header = node.header as Node;
    checkProps(header, PANEL_HEADER_PROPS, `${here}.header`, DOCS.panel, add);
    if (header.title && typeof header.title === 'object') {
      const title = header.title as Node;
      if (title.tag === 'markdown') checkProps(title, { tag: COMMON.tag!, content: TEXT_SPECS.lark_md!.props.content!, i18n_content: TEXT_SPECS.lark_md!.props.i18n_content! }, `${here}.header.title`, DOCS.panel, add);
      else checkText(title, `${here}.header.title`, add, opts);
    }
  }
  if ((tag === 'select_person' || tag === 'multi_select_person') && opts.knowsUser && Array.isArray(node.options)) {
    for (const o of node.options as Node[]) if (typeof o?.value === 'string' && !opts.knowsUser(o.value)) add(100290, 'at-unknown-user', spec.doc, `invalid user resource(at/person): ${here} offers "${o.value}", who is not a user of this tenant`);
  }

  // Forms: root only, never nested; every field named; `required` and multi-selects only inside one.
  if (typeof node.name === 'string' && node.name !== '') s.names.set(node.name, (s.names.get(node.name) ?? 0) + 1);
  if (spec.formOnly && !where.form) add(200621, 'form-only', spec.doc, `${here} works only inside a form container`);
  if (node.required !== undefined && !where.form && tag !== 'form') add(200621, 'form-only', spec.doc, `${here}: "required" is valid only inside a form container`);
  if (where.form && (FORM_FIELDS.has(tag) || tag === 'button') && (typeof node.name !== 'string' || node.name === '')) {
    add(200530, 'form-names', DOCS.form, `a ${tag} inside form "${String(where.form.name)}" has no name`);
  }
  if (where.form && tag === 'button' && node.form_action_type === undefined) add(200621, 'missing-property', DOCS.button, `${here} sits in a form and needs form_action_type (submit | reset)`);
  if (tag === 'form') {
    if (where.form) add(200621, 'nesting', DOCS.form, 'type of element is not supported tag: form (forms cannot be nested)');
    else if (!where.atRoot) add(200621, 'nesting', DOCS.form, 'type of element is not supported tag: form (a form sits at the root of body.elements only)');
    if (!containsSubmit(node)) add(300123, 'form-submit', DOCS.form, `there is no submit button in the form container "${String(node.name)}"`);
  }
  if (tag === 'table') {
    s.tables++;
    if (where.form) add(200621, 'nesting', DOCS.form, 'a table cannot be placed inside a form');
    else if (!where.atRoot) add(200621, 'nesting', DOCS.table, 'a table sits at the root of body.elements only');
    checkTable(node, here, add);
  }
  if (tag === 'chart' && where.form) add(200621, 'nesting', DOCS.form, 'a chart cannot be placed inside a form');

  for (const key of spec.children ?? []) {
    const list = node[key];
    if (!Array.isArray(list)) continue;
    list.forEach((child, i) => {
      if (key === 'columns' && (child as Node)?.tag !== 'column') add(200621, 'property-value', DOCS.columnSet, `${here}.columns[${i}] must be a column`);
      walk(child, { depth: where.depth + 1, form: tag === 'form' ? node : where.form, atRoot: false, path: `${here}.${key}[${i}]` }, s);
    });
  }
}

function containsSubmit(node: unknown): boolean {
  if (!node || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some(containsSubmit);
  const n = node as Node;
  if (n.tag === 'button' && n.form_action_type === 'submit') return true;
  return ['elements', 'columns'].some((k) => containsSubmit(n[k]));
}

function checkTable(node: Node, here: string, add: Add) {
  const columns = Array.isArray(node.columns) ? (node.columns as Node[]) : [];
  if (columns.length > TABLE_MAX_COLUMNS) add(200621, 'table-columns', DOCS.table, `${here} has ${columns.length} columns; at most ${TABLE_MAX_COLUMNS}`);
  if (node.header_style && typeof node.header_style === 'object') checkProps(node.header_style as Node, HEADER_STYLE_PROPS, `${here}.header_style`, DOCS.table, add);
  const types = new Map<string, string>();
  columns.forEach((col, i) => {
    const where = `${here}.columns[${i}]`;
    for (const [key, value] of Object.entries(col ?? {})) {
      const check = TABLE_COLUMN_PROPS[key];
      if (!check) {
        add(200621, 'unknown-property', DOCS.table, `unknown property "${key}" on ${where}`);
        continue;
      }
      const problem = check(value);
      if (problem) add(200621, key === 'width' ? 'table-column-width' : 'property-value', DOCS.table, `${where}.${key} ${problem}`);
    }
    if (typeof col?.name !== 'string' || col.name === '') add(200621, 'missing-property', DOCS.table, `${where} needs a name`);
    if (typeof col?.data_type !== 'string') add(200621, 'missing-property', DOCS.table, `${where} needs a data_type`);
    if (typeof col?.name === 'string') types.set(col.name, String(col.data_type ?? 'text'));
  });
  const rows = Array.isArray(node.rows) ? (node.rows as unknown[]) : [];
  rows.forEach((row, r) => {
    if (!row || typeof row !== 'object' || Array.isArray(row)) {
      add(200914, 'table-cell', DOCS.table, `table rows is invalid: row ${r} is not an object`);
      return;
    }
    for (const [key, value] of Object.entries(row as Node)) {
      const type = types.get(key);
      if (type === undefined) {
        add(200915, 'undeclared-row-key', DOCS.table, `table rows is invalid: row ${r} has key "${key}", which no column declares`);
        continue;
      }
      const problem = cellProblem(type, value);
      if (problem) add(200914, type === 'number' ? 'number-cell' : 'table-cell', DOCS.table, `table rows is invalid (单元格数据类型解析错误): row ${r} column "${key}": ${problem}`);
    }
  });
}

export function findAll(node: unknown, match: (n: Node) => boolean, out: Node[] = []): Node[] {
  if (!node || typeof node !== 'object') return out;
  if (Array.isArray(node)) {
    for (const c of node) findAll(c, match, out);
    return out;
  }
  const n = node as Node;
  if (match(n)) out.push(n);
  for (const [k, v] of Object.entries(n)) if (k !== 'behaviors' && v && typeof v === 'object') findAll(v, match, out);
  return out;
}
