import { isBlank, readNumber } from '../../domain/scoring/numbers-in';
import { parseActual } from '../../domain/scoring/parse-actual';
import { parseTarget, targetUnitLabel } from '../../domain/scoring/parse-target';
import type { RowFlag, RowReading } from './reading';

/** `—`, `/`, `……`: a cell that says "nothing here". */
export const PLACEHOLDER = /^[—\-–－/\\….。·]+$/;

export function isPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text.trim());
}

/** A 分值 cell read as points: `5`, `5分`, `20%` (= 20), `１０`; null when blank or a dash, NaN when not a number. */
export function readWeight(text: string): number | null {
  const t = text.trim();
  if (!t || isPlaceholder(t)) return null;
  const n = readNumber(t, /(?:分)$/);
  return n && !n.isNegative() ? n.toNumber() : Number.NaN;
}

/** Flags the checks below recompute; any other flag (e.g. `target-from-name`) is the reader's and stays. */
const DERIVED = new Set<RowFlag['code']>(['target-unreadable', 'name-missing', 'weight-missing', 'weight-not-number', 'actual-unreadable', 'unit-mismatch', 'not-applicable']);

function flag(code: RowFlag['code'], mark: RowFlag['mark'], blocking: boolean, cell: string | undefined, message: string): RowFlag {
  return { code, mark, blocking, cell: cell ?? null, message };
}

/**
 * The one rule for what a row's fields mean: its target kind and unit, its weight as a number, its flags and so its
 * status. The reader calls it for every indicator row and every correction calls it again, so a row the clerk has
 * fixed is judged exactly like a row that was right in the file. A skipped row keeps its status.
 */
export function checkRow(row: RowReading): RowReading {
  const kept = row.flags.filter((f) => !DERIVED.has(f.code));
  const flags: RowFlag[] = [];
  const who = row.name ? `“${row.name}”` : `第 ${row.row} 行`;
  const collected = row.applicable;

  if (!row.name.trim()) {
    flags.push(flag('name-missing', '❓', collected, row.cells.name, `第 ${row.row} 行缺少三级指标名称。请填写指标名称。`));
  }

  const target = parseTarget(row.target);
  if (!target.ok) {
    const why = isBlank(row.target) ? '没有年度指标值' : `的年度指标值“${row.target}”无法识别`;
    flags.push(
      flag('target-unreadable', '❓', collected, row.cells.target, `${who}${why}。请填写目标，例如：≥95%、12次、≤90万元，或文字目标如“验收合格”。`),
    );
  }

  const weight = readWeight(row.weightText);
  if (weight === null) {
    flags.push(flag('weight-missing', '⚠', collected, row.cells.weight, `${who}没有分值。请填写该指标的分值，例如：5。`));
  } else if (Number.isNaN(weight)) {
    // Strict where it protects the score: a 分值 that is not a number is an error, never guessed.
    flags.push(flag('weight-not-number', '⚠', collected, row.cells.weight, `${who}的分值“${row.weightText.trim()}”不是数字。请填写该指标的分值，例如：5。`));
  }

  if (!row.applicable) {
    flags.push(flag('not-applicable', 'ℹ', false, undefined, `${who}不适用：不收集、不计分，总分按适用指标折算为百分制。`));
  } else if (target.ok && !isBlank(row.actual)) {
    const actual = parseActual(row.actual, target);
    if (!actual.ok) {
      const code = actual.error.code === 'unit-mismatch' ? 'unit-mismatch' : 'actual-unreadable';
      flags.push(flag(code, '⚠', false, row.cells.actual, `${who}的实际完成值：${actual.error.message}`));
    }
  }

  const all = [...flags, ...kept];
  const status = row.status === 'skipped' ? 'skipped' : all.some((f) => f.blocking) ? 'blocked' : 'indicator';
  return {
    ...row,
    status,
    weight: weight === null || Number.isNaN(weight) ? null : weight,
    kind: target.ok ? target.kind : null,
    unit: target.ok ? targetUnitLabel(target) || null : null,
    flags: all,
  };
}
