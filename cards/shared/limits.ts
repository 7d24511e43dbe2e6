import { countCardElements, LARK_BODY_MAX_BYTES, LARK_CARD_MAX_ELEMENTS, sendBodyBytes } from '../../src/transport/card-measure';
import type { CardJson } from '../../src/transport/contract';

/**
 * Checks a card against the card JSON 2.0 limits Lark enforces only at send time: a card that breaks one
 * fails for the user with an opaque error code, so tests — and the card builders fitting themselves — check
 * here first. Size and element count are measured as Lark measures them (src/transport/card-measure.ts):
 * the request body with the card as an escaped string (https://open.feishu.cn/document/server-docs/im-v1/message/create),
 * and every tagged object, text elements and select options included
 * (https://open.feishu.cn/document/feishu-cards/card-json-v2-structure). Returns the violations in words;
 * empty means OK.
 */
export const CARD_LIMITS = {
  maxBodyBytes: LARK_BODY_MAX_BYTES,
  maxElements: LARK_CARD_MAX_ELEMENTS,
  maxTables: 5,
  maxFormDepth: 5,
} as const;

const INTERACTIVE = new Set([
  'button', 'input', 'select_static', 'multi_select_static', 'select_person', 'multi_select_person',
  'date_picker', 'picker_time', 'picker_datetime', 'checker', 'select_img', 'overflow',
]);
const NOT_IN_FORM = new Set(['table', 'chart', 'form']);
const ELEMENT_ID = /^[A-Za-z][A-Za-z0-9_]{0,19}$/;

type Node = Record<string, unknown> & { tag?: unknown };

function children(node: Node): Node[] {
  // a table's `columns` are column definitions, not components; only column_set nests columns
  const lists = [node.elements, node.tag === 'column_set' ? node.columns : undefined];
  return lists.flatMap((list) => (Array.isArray(list) ? (list.filter((x) => x && typeof x === 'object') as Node[]) : []));
}

/** The card JSON's own bytes (for comparison only: Lark's limit is on `requestBytes`). */
export function cardBytes(card: CardJson): number {
  return new TextEncoder().encode(JSON.stringify(card)).length;
}

/** The largest request body that carries this card (a send with the longest ids): what Lark's 30 KB applies to. */
export function requestBytes(card: CardJson): number {
  return sendBodyBytes(card);
}

/** Lark's element count: components, containers, columns, every text element and every select option. */
export function countElements(card: CardJson): number {
  return countCardElements(card);
}

/** @deprecated Lark's limit counts elements, not only components: this is `countElements`. */
export const countComponents = countElements;

function bodyElements(card: CardJson): Node[] {
  const body = card.body as { elements?: unknown } | undefined;
  return Array.isArray(body?.elements) ? (body.elements as Node[]) : [];
}

export function checkCardLimits(card: CardJson): string[] {
  const problems: string[] = [];
  if (card.schema !== '2.0') problems.push('schema must be "2.0"');
  const config = card.config as { update_multi?: unknown } | undefined;
  if (config?.update_multi !== true) problems.push('config.update_multi must be true (2.0 cards are shared cards)');

  const bytes = requestBytes(card);
  if (bytes > CARD_LIMITS.maxBodyBytes) problems.push(`the request body carrying the card is ${bytes} bytes, over the ${CARD_LIMITS.maxBodyBytes}-byte limit`);
  const elements = countElements(card);
  if (elements > CARD_LIMITS.maxElements) problems.push(`card has ${elements} elements (text elements and options included), over ${CARD_LIMITS.maxElements}`);

  const names = new Map<string, number>();
  const elementIds = new Set<string>();
  let tables = 0;

  const visit = (node: Node, depth: number, inForm: boolean, atRoot: boolean) => {
    const tag = String(node.tag ?? '');
    if (!tag) problems.push('a component has no tag');
    if (typeof node.name === 'string') names.set(node.name, (names.get(node.name) ?? 0) + 1);
    if (node.element_id !== undefined) {
      const id = String(node.element_id);
      if (!ELEMENT_ID.test(id)) problems.push(`element_id "${id}" must be letters/digits/underscore, start with a letter, ≤ 20 chars`);
      if (elementIds.has(id)) problems.push(`element_id "${id}" is not unique`);
      elementIds.add(id);
    }
    if (tag === 'table') {
      tables += 1;
      // the client rejects a column name that repeats another name on the card
      for (const col of Array.isArray(node.columns) ? (node.columns as Array<{ name?: unknown }>) : []) {
        if (typeof col.name === 'string') names.set(col.name, (names.get(col.name) ?? 0) + 1);
      }
      if (!atRoot) problems.push('a table must sit at the card root');
    }
    if (tag === 'form' && !atRoot) problems.push(`form "${String(node.name)}" must sit at the card root`);
    if (tag === 'form' && !hasSubmit(node)) problems.push(`form "${String(node.name)}" has no button with form_action_type "submit"`);
    if (inForm) {
      if (NOT_IN_FORM.has(tag)) problems.push(`a ${tag} cannot sit inside a form`);
      if (INTERACTIVE.has(tag) && (typeof node.name !== 'string' || node.name === '')) {
        problems.push(`a ${tag} inside a form needs a name (Lark error 200530)`);
      }
      if (depth > CARD_LIMITS.maxFormDepth) problems.push(`form nesting deeper than ${CARD_LIMITS.maxFormDepth} levels`);
    }
    checkBehaviors(node, tag, problems);
    for (const child of children(node)) visit(child, depth + 1, inForm || tag === 'form', false);
  };
  for (const node of bodyElements(card)) visit(node, 0, false, true);

  for (const [name, n] of names) if (n > 1) problems.push(`name "${name}" is used ${n} times; names must be card-unique`);
  if (tables > CARD_LIMITS.maxTables) problems.push(`card has ${tables} tables, over ${CARD_LIMITS.maxTables}`);
  return problems;
}

/** A form needs at least one submit button somewhere inside it, or Lark rejects the card. */
function hasSubmit(node: Node): boolean {
  return children(node).some((child) => (child.tag === 'button' && child.form_action_type === 'submit') || hasSubmit(child));
}

/** Our dispatcher routes on `value.action` and dedupes double clicks on `value.rev`. */
function checkBehaviors(node: Node, tag: string, problems: string[]) {
  const behaviors = node.behaviors;
  if (!Array.isArray(behaviors)) return;
  for (const b of behaviors as Array<{ type?: string; value?: Record<string, unknown> }>) {
    if (b.type !== 'callback') continue;
    if (typeof b.value?.action !== 'string' || b.value.action === '') problems.push(`a ${tag} callback has no value.action`);
    if (typeof b.value?.rev !== 'number') problems.push(`a ${tag} callback has no numeric value.rev`);
  }
}
