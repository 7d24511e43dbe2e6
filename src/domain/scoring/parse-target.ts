import type { TargetKind } from './result';
import { fail, type Failure } from './errors';
import { cleanNumber, normalize, NUMBER } from './text';
import { isMoney, splitMagnitude, unitLabel } from './units';

export type Operator = '≥' | '>' | '≤' | '<' | '=';

/**
 * A 年度指标值 as the engine understands it. Numbers are decimal strings in the unit as written
 * (`≥10亿元` → value "10", magnitude 亿, unit 元) so the result is plain JSON a card can carry.
 */
export interface ParsedTarget {
  ok: true;
  text: string;
  kind: TargetKind;
  /** The operator as written (word forms mapped: 不少于 → ≥, 以内 → ≤); null for a bare value or a non-numeric target. */
  operator: Operator | null;
  value: string | null;
  low: string | null;
  high: string | null;
  magnitude: string | null;
  unit: string | null;
  /** `60余次`: the number is a floor, not an exact count. */
  approximate: boolean;
  /** A goal for a later year written into this year's table (`2020年实现100%脱贫`): scored as qualitative, flagged. */
  multiYear: boolean;
  /** A figure inside a qualitative target (`2020年实现100%脱贫` → 100 %), used to ask for a deviation note. */
  embedded: { value: string; unit: string | null } | null;
}

const WORD_PREFIX: [string, Operator][] = [
  ['大于等于', '≥'],
  ['小于等于', '≤'],
  ['不少于', '≥'],
  ['不低于', '≥'],
  ['不小于', '≥'],
  ['至少', '≥'],
  ['达到', '≥'],
  ['不超过', '≤'],
  ['不高于', '≤'],
  ['不大于', '≤'],
  ['不多于', '≤'],
  ['至多', '≤'],
  ['控制在', '≤'],
  ['大于', '>'],
  ['高于', '>'],
  ['超过', '>'],
  ['多于', '>'],
  ['小于', '<'],
  ['低于', '<'],
  ['少于', '<'],
  ['等于', '='],
];
const WORD_SUFFIX: [string, Operator][] = [
  ['及以上', '≥'],
  ['以上', '≥'],
  ['及以下', '≤'],
  ['以下', '≤'],
  ['以内', '≤'],
];

// A unit is a short run of letters that are neither digits nor operators nor punctuation.
const UNIT = String.raw`(?:%|[^\d%≥≤<>=\-,.，。;；:：()（）]{0,6})`;
const QUANTITY = new RegExp(`^(${NUMBER})(余)?(${UNIT})$`);
const RANGE = new RegExp(`^(${NUMBER})(${UNIT})(?:-|至|到)(${NUMBER})(${UNIT})$`);
// Digit runs are bounded and must start a number (lookbehind), so scanning a long cell stays linear.
const DATE_TOKEN = /(?:19|20)\d{2}年|\d{1,2}月(?:份|底|初|末)?|\d{1,2}[日号]|(?<!\d)\d{1,5}个月|(?<!\d)\d{1,5}(?:个工作日|天|日|周)(?:内)?/g;
const PROSE = 200;
const FIGURE = new RegExp(`(?<![\\d.])(${NUMBER})(%|${UNIT.replace('{0,6}', '{1,3}')})`);
const TIME_WORDS = /当日|当天|时间|之前|以前|前完成|月底|年底|按时|及时|按期|准时|如期|期限|时限|完成时间|工作日/;

const MAX_FIGURE_TARGET_CHARS = 200;

const base = (text: string, kind: TargetKind): ParsedTarget => ({
  ok: true,
  text,
  kind,
  operator: null,
  value: null,
  low: null,
  high: null,
  magnitude: null,
  unit: null,
  approximate: false,
  multiYear: false,
  embedded: null,
});

function stripOperator(s: string): { op: Operator | null; rest: string; symbol: boolean } {
  const symbol = /^(≥|≤|>|<|=)/.exec(s);
  if (symbol) return { op: symbol[1] as Operator, rest: s.slice(symbol[1]!.length), symbol: true };
  for (const [word, op] of WORD_PREFIX) if (s.startsWith(word)) return { op, rest: s.slice(word.length), symbol: false };
  return { op: null, rest: s, symbol: false };
}

function stripSuffix(s: string): { op: Operator | null; rest: string } {
  for (const [word, op] of WORD_SUFFIX) if (s.endsWith(word) && s.length > word.length) return { op, rest: s.slice(0, -word.length) };
  return { op: null, rest: s };
}

function kindOf(op: Operator | null): TargetKind {
  if (op === '≥' || op === '>') return 'positive';
  if (op === '≤' || op === '<') return 'negative';
  return 'equality';
}

function isCalendarWord(value: string, unit: string): boolean {
  if (/^(?:月|日前|日之前|日以前|号前|号之前)/.test(unit)) return true;
  return unit.startsWith('年') && /^(?:19|20)\d{2}$/.test(value);
}

/** A unit word must not be prose: `12次` has a unit, `12项工作全部完成` does not. */
function plausibleUnit(unit: string): boolean {
  return unit.length <= 4;
}

/**
 * Parses a 年度指标值. Never throws: an empty or malformed numeric target is a typed error whose message says
 * what to type; any other text is a qualitative or time-window target scored by band.
 */
export function parseTarget(input: string | number | null | undefined): ParsedTarget | Failure {
  const text = input == null ? '' : String(input).trim();
  if (!text || /^[—\-–－/\\]+$/.test(text)) return fail('empty-target', '年度指标值为空。请填写目标，例如：≥15000份、≥80%、12次，或文字目标如“有效提高”。');
  // Longer than any figure people write, it is prose: qualitative, and never searched for numbers, since an
  // unanchored number search over `1,111,…` (or a run of digits) costs the square of its length.
  if (text.length > MAX_FIGURE_TARGET_CHARS) return base(text, 'qualitative');
  // `(含)` / `（含本数）` only restates the operator; `完成100%` and `100%完成` are plain 100 %.
  const s = normalize(text).replace(/\(含[^()]*\)$/, '');
  const plainValue = s.replace(/^(?:完成|实现)(?=[\d.])/, '').replace(/(?<=[\d%])(?:完成|达标)$/, '');

  const { op: prefixOp, rest: afterPrefix, symbol } = stripOperator(plainValue);
  const { op: suffixOp, rest: core } = stripSuffix(afterPrefix);
  const op = prefixOp ?? suffixOp;

  const q = QUANTITY.exec(core);
  if (q) {
    const { magnitude, unit } = splitMagnitude(q[3] ?? '');
    // `9月前`, `12月底前`, `6月`, `15日前`, `2023年`: a date, not a count of months or days.
    if (isCalendarWord(q[1]!, q[3] ?? '')) return base(text, 'time');
    if (plausibleUnit(q[3] ?? '')) {
      const approximate = Boolean(q[2]);
      const operator = op ?? (approximate ? '≥' : null);
      return {
        ...base(text, kindOf(operator)),
        operator,
        value: cleanNumber(q[1]!),
        magnitude,
        unit,
        approximate,
      };
    }
  }

  if (!op) {
    const r = RANGE.exec(core);
    if (r) {
      const lowUnit = splitMagnitude(r[2] ?? '');
      const highUnit = splitMagnitude(r[4] ?? '');
      const unitsAgree = !lowUnit.unit || !highUnit.unit || lowUnit.unit === highUnit.unit;
      const magnitudesAgree = !lowUnit.magnitude || !highUnit.magnitude || lowUnit.magnitude === highUnit.magnitude;
      if (unitsAgree && magnitudesAgree && !/[年月日]/.test(`${r[2]}${r[4]}`)) {
        let low = cleanNumber(r[1]!);
        let high = cleanNumber(r[3]!);
        if (Number(low) > Number(high)) [low, high] = [high, low];
        return {
          ...base(text, 'range'),
          low,
          high,
          magnitude: highUnit.magnitude ?? lowUnit.magnitude,
          unit: highUnit.unit ?? lowUnit.unit,
        };
      }
    }
  }

  if (symbol && !/\d/.test(core)) {
    return fail('bad-target', `年度指标值“${text}”：“${op}”后面缺少数值。请填写例如：${op}15000份、${op}80%。`);
  }

  // Not a number with a unit: a time window, a later-year goal, or a qualitative description. Prose longer than
  // PROSE is a description: it is not searched for figures or dates (which also keeps the search linear).
  if (s.length > PROSE) return base(text, 'qualitative');
  const withoutDates = s.replace(DATE_TOKEN, ' ');
  const figure = FIGURE.exec(withoutDates);
  const hasYear = /(?:19|20)\d{2}年/.test(s);
  const embedded = figure ? { value: cleanNumber(figure[1]!), unit: splitMagnitude(figure[2] ?? '').unit } : null;
  if (hasYear && embedded && /实现|达到|完成|提高|降低|下降|覆盖/.test(s) && embedded.unit === '%') {
    return { ...base(text, 'qualitative'), multiYear: true, embedded };
  }
  if (new RegExp(DATE_TOKEN.source).test(s) || TIME_WORDS.test(s)) {
    return base(text, 'time');
  }
  return { ...base(text, 'qualitative'), embedded };
}

/** How the target's quantity is written after a number, e.g. `份`, `万元`, `%`. */
export function targetUnitLabel(t: ParsedTarget): string {
  return unitLabel(t.magnitude, t.unit);
}

/**
 * The placeholder for the card's input box, in the target's unit: `例如：15000（单位：份）`, `例如：85%`,
 * `例如：达成（或：部分达成 4.5）`.
 */
export function actualPlaceholder(target: ParsedTarget | string): string {
  const t = typeof target === 'string' ? parseTarget(target) : target;
  if (!t.ok || t.kind === 'qualitative' || t.kind === 'time') return '例如：达成（或：部分达成 4.5、未达成 2）';
  const example = t.value ?? t.high ?? t.low ?? '1';
  if (t.unit === '%') return `例如：${example}%`;
  if (!t.unit && !t.magnitude) return `例如：${example}`;
  if (t.magnitude && !isMoney(t.unit)) return `例如：${example}${t.magnitude}（单位：${t.unit ?? '个'}）`;
  return `例如：${example}（单位：${targetUnitLabel(t)}）`;
}
