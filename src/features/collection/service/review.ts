import { AtomicConflictError, atomic } from '../../../storage/atomic';
import { getEvaluationRow, isAdmin } from '../../../storage/repositories/collection/evaluations';
import { appendHistory } from '../../../storage/repositories/collection/history';
import { updateValueWhileOpen } from '../../../storage/repositories/collection/items';
import { conflict, invalid, notAdmin, notFound, STATUS_LABEL, wrongStatus } from './refusals';
import { recomputeStatus } from '../../../storage/repositories/collection/status';
import type { CollectionDeps, EvaluationStatus, ItemView, Outcome, Refusal } from './types';
import { getItem, valueSnapshot } from './views';

/** Admins review submitted rows: 通过, or 退回 with a comment that goes back to the owner. */

export interface ReviewTarget {
  itemId: string;
  /** The version the review card showed; a newer answer is a conflict, so nobody approves what they did not see. */
  expectedVersion: number;
}

export interface ApproveResult {
  itemId: string;
  outcome: { ok: true; item: ItemView } | Refusal;
}

/** 通过 for a batch (one owner's rows on one review card). Each row succeeds or fails on its own. */
export async function approveItems(
  deps: CollectionDeps,
  req: { actor: string; items: readonly ReviewTarget[] },
): Promise<{ results: ApproveResult[]; evaluationStatus: EvaluationStatus | null }> {
  const results: ApproveResult[] = [];
  let evaluationId: string | null = null;
  for (const target of req.items) {
    const outcome = await review(deps, { ...target, actor: req.actor, decision: 'approve', comment: null });
    if (outcome.ok) evaluationId = outcome.item.evaluationId;
    results.push({ itemId: target.itemId, outcome });
  }
  const row = evaluationId ? await getEvaluationRow(deps.db, evaluationId) : undefined;
  return { results, evaluationStatus: row?.status ?? null };
}

/** 退回: the row goes back to its owner with the comment (required) and waits for a new answer. */
export async function returnItem(
  deps: CollectionDeps,
  req: ReviewTarget & { actor: string; comment: string },
): Promise<Outcome<{ item: ItemView }>> {
  return review(deps, { ...req, decision: 'return' });
}

async function review(
  deps: CollectionDeps,
  req: ReviewTarget & { actor: string; decision: 'approve' | 'return'; comment: string | null },
): Promise<Outcome<{ item: ItemView }>> {
  const item = await getItem(deps.db, req.itemId);
  if (!item) return notFound('指标');
  const evaluation = await getEvaluationRow(deps.db, item.evaluationId);
  if (!evaluation) return notFound('评价');
  if (!(await isAdmin(deps.db, evaluation.id, req.actor))) return notAdmin();
  const doing = req.decision === 'approve' ? '审核通过' : '退回';
  if (evaluation.status === 'draft' || evaluation.status === 'final') return wrongStatus(evaluation.status, doing);
  if (req.expectedVersion !== item.value.version) return conflict(item, null);
  // A second press of 通过 on a row already approved at this version changes nothing.
  if (req.decision === 'approve' && item.value.status === 'approved') return { ok: true, item };
  const comment = (req.comment ?? '').trim();
  if (req.decision === 'return' && comment.length === 0) {
    return invalid('comment', '退回时请填写意见，说明需要怎样修改，责任人会看到这段话。');
  }
  const allowed = req.decision === 'approve' ? ['submitted'] : ['submitted', 'approved'];
  if (!allowed.includes(item.value.status)) {
    return invalid('actual', `这一项${STATUS_LABEL[item.value.status]}，无法${doing}。`);
  }

  const now = deps.clock.now().toISOString();
  const status = req.decision === 'approve' ? ('approved' as const) : ('returned' as const);
  const changes = {
    status,
    review_comment: req.decision === 'return' ? comment : item.value.reviewComment,
    reviewed_by: req.actor,
    reviewed_at: now,
    updated_at: now,
  };
  try {
    await atomic(deps.db, [
      { query: updateValueWhileOpen(deps.db, evaluation.id, item.id, req.expectedVersion, changes), expect: 1 },
      {
        query: appendHistory(deps.db, {
          evaluationId: evaluation.id,
          itemId: item.id,
          version: req.expectedVersion + 1,
          action: req.decision,
          actor: req.actor,
          at: now,
          before: valueSnapshot(item.value),
          after: { ...valueSnapshot(item.value), status, reviewComment: changes.review_comment },
          comment: req.decision === 'return' ? comment : null,
        }),
      },
      { query: recomputeStatus(deps.db, evaluation.id, now) },
    ]);
  } catch (error) {
    if (!(error instanceof AtomicConflictError)) throw error;
    const current = await getItem(deps.db, item.id);
    return current ? conflict(current, null) : notFound('指标');
  }
  return { ok: true, item: (await getItem(deps.db, item.id))! };
}
