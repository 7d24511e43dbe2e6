/**
 * The components a person can use on a card — buttons and form fields — in one stable order. The page
 * names a component by its position in this list (`data-el`), and the workspace finds it again in the
 * card it holds, so the browser never sends names, values or callback payloads of its own.
 */
type Node = Record<string, unknown>;

const INTERACTIVE = new Set([
  'button',
  'input',
  'select_static',
  'multi_select_static',
  'select_person',
  'multi_select_person',
  'date_picker',
  'picker_time',
  'picker_datetime',
  'checker',
]);

export function interactiveNodes(card: unknown): Node[] {
  const out: Node[] = [];
  const c = (card && typeof card === 'object' ? card : {}) as Node;
  const walk = (n: unknown) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    const o = n as Node;
    if (typeof o.tag === 'string' && INTERACTIVE.has(o.tag)) out.push(o);
    for (const [k, v] of Object.entries(o)) if (k !== 'behaviors' && v && typeof v === 'object') walk(v);
  };
  walk(((c.body ?? {}) as Node).elements ?? c.elements);
  return out;
}

/** The form a component sits in (by object identity), if any. */
export function formOf(card: unknown, target: Node): Node | null {
  let found: Node | null = null;
  const walk = (n: unknown, form: Node | null) => {
    if (found || !n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach((x) => walk(x, form));
    const o = n as Node;
    if (o === target) {
      found = form;
      return;
    }
    const inside = o.tag === 'form' ? o : form;
    for (const [k, v] of Object.entries(o)) if (k !== 'behaviors' && v && typeof v === 'object') walk(v, inside);
  };
  const c = (card && typeof card === 'object' ? card : {}) as Node;
  walk(((c.body ?? {}) as Node).elements ?? c.elements, null);
  return found;
}
