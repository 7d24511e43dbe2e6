/**
 * Card JSON 2.0 rules the Lark server enforces (https://open.feishu.cn/document/feishu-cards/card-json-v2-structure), checked by the fake on every send, patch,
 * delayed update and callback answer. Each violation carries Lark's error code so a test sees what
 * production would answer.
 */
export interface CardViolation {
  /** Lark's code: 230025 too large, 200530 form names, 230099 other card content errors. */
  code: number;
  message: string;
}

export const CARD_MAX_BYTES = 30 * 1024;
export const CARD_MAX_ELEMENTS = 200;

const INTERACTIVE_IN_FORM = new Set([
  'input',
  'select_static',
  'multi_select_static',
  'select_person',
  'multi_select_person',
  'date_picker',
  'picker_time',
  'picker_datetime',
  'checker',
  'select_img',
]);

type Node = Record<string, unknown>;

function children(node: Node): Node[] {
  const out: Node[] = [];
  for (const key of ['elements', 'columns', 'actions']) {
    const v = node[key];
    if (Array.isArray(v)) for (const c of v) if (c && typeof c === 'object') out.push(c as Node);
  }
  return out;
}

export function validateCard(card: unknown, opts: { serialized?: string } = {}): CardViolation[] {
  const violations: CardViolation[] = [];
  if (!card || typeof card !== 'object' || Array.isArray(card)) return [{ code: 230099, message: 'card content is not a JSON object' }];
  const c = card as Node;
  const text = opts.serialized ?? JSON.stringify(card);
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > CARD_MAX_BYTES) violations.push({ code: 230025, message: `card is ${bytes} bytes; the limit is ${CARD_MAX_BYTES} (30 KB)` });
  if (c.type === 'template') return violations;
  if (c.schema !== '2.0') return violations; // 1.0 cards: not used by this bot, not checked further
  const config = (c.config ?? {}) as Node;
  if (config.update_multi === false) violations.push({ code: 230099, message: 'card JSON 2.0 supports shared cards only: config.update_multi must be true' });
  const header = c.header as Node | undefined;
  if (header && (!header.title || typeof header.title !== 'object')) violations.push({ code: 230099, message: 'header.title is required' });
  const body = c.body as Node | undefined;
  const roots = Array.isArray(body?.elements) ? (body!.elements as Node[]) : [];
  if (body && !Array.isArray(body.elements)) violations.push({ code: 230099, message: 'body.elements must be an array' });

  let count = 0;
  let tables = 0;
  const names = new Map<string, number>();
  const elementIds = new Set<string>();

  const walk = (node: Node, depth: number, form: Node | null, atRoot: boolean) => {
    const tag = typeof node.tag === 'string' ? node.tag : '';
    if (tag) count++;
    if (typeof node.element_id === 'string') {
      if (!/^[A-Za-z][A-Za-z0-9_]{0,19}$/.test(node.element_id)) violations.push({ code: 230099, message: `element_id "${node.element_id}" must start with a letter and have at most 20 letters, digits or _` });
      else if (elementIds.has(node.element_id)) violations.push({ code: 230099, message: `element_id "${node.element_id}" is not unique` });
      elementIds.add(node.element_id);
    }
    if (typeof node.name === 'string' && node.name !== '') names.set(node.name, (names.get(node.name) ?? 0) + 1);
    if (tag === 'table') {
      tables++;
      if (form) violations.push({ code: 230099, message: 'a table cannot be placed inside a form' });
      if (!atRoot) violations.push({ code: 230099, message: 'a table must be at the root of body.elements' });
    }
    if (tag === 'chart' && form) violations.push({ code: 230099, message: 'a chart cannot be placed inside a form' });
    if (tag === 'form') {
      if (form) violations.push({ code: 230099, message: 'forms cannot be nested' });
      if (!atRoot) violations.push({ code: 230099, message: 'a form must be at the root of body.elements' });
      if (typeof node.name !== 'string' || node.name === '') violations.push({ code: 200530, message: 'a form needs a name' });
      const submit = findAll(node, (n) => n.tag === 'button' && n.form_action_type === 'submit');
      if (submit.length === 0) violations.push({ code: 230099, message: `form "${String(node.name)}" has no button with form_action_type "submit"` });
    }
    if (form && (INTERACTIVE_IN_FORM.has(tag) || tag === 'button') && (typeof node.name !== 'string' || node.name === '')) {
      violations.push({ code: 200530, message: `a ${tag} inside form "${String(form.name)}" has no name` });
    }
    if (depth > 5 && tag === 'form') violations.push({ code: 230099, message: 'components are nested too deeply' });
    for (const child of children(node)) walk(child, depth + 1, tag === 'form' ? node : form, false);
  };
  for (const root of roots) walk(root, 1, null, true);

  if (count > CARD_MAX_ELEMENTS) violations.push({ code: 230099, message: `card has ${count} components; the limit is ${CARD_MAX_ELEMENTS}` });
  if (tables > 5) violations.push({ code: 230099, message: `card has ${tables} tables; the limit is 5` });
  for (const [name, n] of names) if (n > 1) violations.push({ code: 200530, message: `component name "${name}" is used ${n} times; names must be unique in a card` });
  return violations;
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
