import { entryRecapCard } from '#cards/collection/entry-recap';
import { indicatorEntryCard, type SavedNote } from '#cards/collection/indicator-entry';
import type { TypedValues } from '#cards/collection/entry-form';
import { reviseEntryCard } from '#cards/collection/revise-entry';
import type { EvaluationView, ItemView } from '../../service';
import type { CardJson } from '../../../../transport/contract';
import { itemsOf, placeholderFor, toRowView } from './rows';
import { isOpen } from '../../../shared/rows';

/** Builds the walk-through cards (entry, revise, recap) from the services' read models. */
export interface EntryCardOptions {
  typed?: TypedValues | null;
  error?: string | null;
  reasonRequiredWhy?: string | null;
  saved?: SavedNote | null;
  /** The id of the click this card answers, when that click changed no row (see `EntryFormView.nonce`). */
  nonce?: string;
}

export function readOnlyReason(evaluation: EvaluationView): string | null {
  if (evaluation.status === 'final') return '本次自评已锁定，如需修改请联系管理员重新开放。';
  if (evaluation.status === 'draft') return '本次自评还没有开始收集。';
  return null;
}

/** Who is behind an open_id, from the names the evaluation already knows. */
export function nameOf(evaluation: EvaluationView, openId: string | null): string {
  if (!openId) return '管理员';
  const owned = evaluation.items.find((i) => i.owner.openId === openId && i.owner.name);
  return owned?.owner.name ?? '管理员';
}

export function entryCard(evaluation: EvaluationView, item: ItemView, opts: EntryCardOptions = {}): CardJson {
  const mine = item.owner.openId ? itemsOf(evaluation, item.owner.openId) : [item];
  const index = Math.max(0, mine.findIndex((i) => i.id === item.id));
  const rowView = { ...toRowView(item), placeholder: placeholderFor(item, evaluation) };
  const common = {
    evaluationId: evaluation.id,
    item: rowView,
    rev: item.value.version,
    evaluationRev: evaluation.version,
    rowsState: mine.reduce((sum, i) => sum + i.value.version, 0),
    typed: opts.typed ?? null,
    reasonRequiredWhy: opts.reasonRequiredWhy ?? null,
    canGoBack: index > 0,
    ...(opts.nonce ? { nonce: opts.nonce } : {}),
  };
  const readOnly = readOnlyReason(evaluation);
  if (item.value.status === 'returned' && !readOnly) {
    return reviseEntryCard({
      ...common,
      projectName: evaluation.project.name,
      budgetFullYear: evaluation.budget.fullYear,
      reviewerName: nameOf(evaluation, item.value.reviewedBy),
      comment: item.value.reviewComment ?? '',
      error: opts.error ?? null,
    });
  }
  return indicatorEntryCard({
    ...common,
    projectName: evaluation.project.name,
    deadline: evaluation.deadline,
    budgetFullYear: evaluation.budget.fullYear,
    position: { index: index + 1, total: mine.length },
    error: opts.error ?? null,
    saved: opts.saved ?? null,
    readOnlyReason: readOnly,
  });
}

export function recapCard(evaluation: EvaluationView, openId: string, opts: { page?: number; saved?: SavedNote | null; pagerRev?: number } = {}): CardJson {
  return entryRecapCard({
    evaluationId: evaluation.id,
    projectName: evaluation.project.name,
    rows: itemsOf(evaluation, openId).map((i) => ({ ...toRowView(i), rev: i.value.version })),
    page: opts.page ?? 0,
    saved: opts.saved ?? null,
    readOnlyReason: readOnlyReason(evaluation),
    pagerRev: opts.pagerRev ?? 0,
  });
}

export function savedNote(item: ItemView): SavedNote {
  const row = toRowView(item);
  return {
    name: row.name,
    actual: [item.value.band, item.value.actual].filter(Boolean).join(' · ') || '—',
    score: item.value.score,
    weight: item.weight,
    explanation: item.value.explanation ?? '',
  };
}

/**
 * Where the walk-through goes after `current`: the next open row after it, else the first open row
 * before it, else nothing (the recap).
 */
export function nextOpenItem(evaluation: EvaluationView, openId: string, currentId: string): ItemView | null {
  const mine = itemsOf(evaluation, openId);
  const at = mine.findIndex((i) => i.id === currentId);
  return mine.slice(at + 1).find(isOpen) ?? mine.slice(0, Math.max(at, 0)).find(isOpen) ?? null;
}
