/** Facts about how the answers were collected, for the summary card and the report's 工作开展情况. */
import type { EvaluationView } from '../collection';
import { isOpen } from '../shared/rows';

/**
 * Rows without an answer, which the engine scores 0. A row returned for correction keeps its answer and
 * is scored with it (collection/export), so counting it here made the card say 未填项不得分 of a row
 * whose points were in the total.
 */
export function openRows(view: EvaluationView): number {
  return view.items.filter((i) => i.value.status === 'pending').length;
}

/** Every row answered and approved by an admin. */
export function allReviewed(view: EvaluationView): boolean {
  return view.items.length > 0 && view.items.every((i) => i.value.status === 'approved');
}

/** Distinct people who handed in at least one row. */
export function respondents(view: EvaluationView): number {
  return new Set(view.items.map((i) => i.value.submittedBy).filter((x): x is string => !!x)).size;
}

/** When the last row was handed in, if every row has been. */
export function completedAt(view: EvaluationView): Date | undefined {
  // A row returned for correction is still being collected, though it is scored with its earlier answer.
  if (view.items.some(isOpen)) return undefined;
  const times = view.items.map((i) => i.value.submittedAt).filter((x): x is string => !!x).sort();
  const last = times[times.length - 1];
  return last ? new Date(last) : undefined;
}
