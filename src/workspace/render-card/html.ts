/**
 * Every string that reaches the page goes through `esc`: card text is user-derived (indicator names,
 * answers, file names), so nothing in it may become markup — not in text, not in attributes.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** ` name="value"` pairs; false, null and undefined leave the attribute out, true writes it bare. */
export function attrs(pairs: Record<string, string | number | boolean | null | undefined>): string {
  let out = '';
  for (const [name, value] of Object.entries(pairs)) {
    if (value === false || value === null || value === undefined) continue;
    out += value === true ? ` ${name}` : ` ${name}="${esc(value)}"`;
  }
  return out;
}

/** A CSS length the card JSON may carry (`8px`, `30%`); anything else is dropped rather than injected. */
export function cssLength(value: unknown): string | null {
  return typeof value === 'string' && /^\d{1,4}(\.\d{1,2})?(px|%)$/.test(value.trim()) ? value.trim() : null;
}
