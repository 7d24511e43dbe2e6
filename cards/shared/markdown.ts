/**
 * User data (indicator names, targets, comments) goes into lark_md; escape the characters the card
 * markdown treats as markup so a name like `*重点*项目<at id=all>` renders literally and cannot
 * mention anyone.
 */
export function escapeMd(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_~[\]#|])/g, '\\$1');
}

/** Cuts long free text for list views; the full text stays in the entry card. */
export function clip(value: string, max: number): string {
  const chars = [...value];
  return chars.length <= max ? value : `${chars.slice(0, max - 1).join('')}…`;
}

/** Number of a weight or score as people read it: no trailing zeros, at most 2 dp. */
export function num(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return String(Math.round(value * 100) / 100);
}
