/**
 * Units of 年度指标值 and how a typed actual relates to them. Magnitude words (万, 亿) are kept apart from the
 * unit so that 6.5万份 and 65000份 compare; for money the magnitude belongs to the unit people think in
 * (tables are kept in 万元), so a bare actual typed against 4.53万元 means 4.53万元.
 */
export const MAGNITUDES: Record<string, number> = { 万: 1e4, 亿: 1e8, 百万: 1e6, 千万: 1e7 };

const ALIASES: Record<string, string> = {
  百分比: '%',
  百分点: '%',
  场次: '场',
  户次: '户',
  所: '个',
};

/** Units that mean the same for scoring, e.g. a target in 场 answered in 次. */
const COMPATIBLE: string[][] = [
  ['场', '次', '期'],
  ['人', '名', '位'],
  ['个', '家', '所'],
];

export function canonicalUnit(unit: string): string {
  return ALIASES[unit] ?? unit;
}

export function isMoney(unit: string | null): boolean {
  return unit === '元';
}

export function unitsCompatible(a: string, b: string): boolean {
  if (a === b) return true;
  return COMPATIBLE.some((group) => group.includes(a) && group.includes(b));
}

/** Splits `万元` into magnitude 万 and unit 元; `万` alone is a magnitude with no unit. */
export function splitMagnitude(word: string): { magnitude: string | null; unit: string | null } {
  for (const m of ['百万', '千万', '万', '亿']) {
    if (word.startsWith(m)) {
      const rest = word.slice(m.length);
      return { magnitude: m, unit: rest ? canonicalUnit(rest) : null };
    }
  }
  return { magnitude: null, unit: word ? canonicalUnit(word) : null };
}

export function magnitudeFactor(magnitude: string | null): number {
  return magnitude ? (MAGNITUDES[magnitude] ?? 1) : 1;
}

/** How a unit is written after a number: `万元`, `份`, `%`. */
export function unitLabel(magnitude: string | null, unit: string | null): string {
  return `${magnitude ?? ''}${unit ?? ''}`;
}
