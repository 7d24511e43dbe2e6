import { D, type Dec } from './decimal';
import { cleanNumber, normalize, NUMBER } from './text';

const PLAIN = new RegExp(`^(${NUMBER})$`);

/**
 * A number typed into a 分值, 得分 or amount cell: `5`, `5分`, `１０`, `1,234.5`, `57万元`. Returns null when the
 * text is not one number (the caller words the error for its field).
 */
export function readNumber(input: string | number | null | undefined, suffixes: RegExp = /(?:分|万元|万)$/): Dec | null {
  if (input == null) return null;
  if (typeof input === 'number') return Number.isFinite(input) ? new D(input) : null;
  const s = normalize(input).replace(suffixes, '').replace(/%$/, '');
  const m = PLAIN.exec(s);
  return m ? new D(cleanNumber(m[1]!)) : null;
}

export function isBlank(input: unknown): boolean {
  return input == null || (typeof input === 'string' && input.trim() === '');
}
