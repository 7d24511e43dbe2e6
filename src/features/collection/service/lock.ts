import { AtomicConflictError, atomic } from '../../../storage/atomic';
import { getEvaluationRow, isAdmin, lockEvaluationRow, markSummaryPostedRow, setProgressMessageId } from '../../../storage/repositories/collection/evaluations';
import { appendHistory } from '../../../storage/repositories/collection/history';
import { notAdmin, notFound, wrongStatus } from './refusals';
import { reopenStatus } from '../../../storage/repositories/collection/status';
import type { CollectionDeps, EvaluationView, Outcome } from './types';
import { getEvaluation } from './views';
import { isOpen } from '../../shared/rows';

/**
 * 锁定: the evaluation becomes final and no value can change until an admin reopens it.
 * `open` tells the caller how many rows were still unanswered or unreviewed when it was locked.
 */
export async function lockEvaluation(
  deps: CollectionDeps,
  req: { evaluationId: string; actor: string },
): Promise<Outcome<{ evaluation: EvaluationView; unanswered: number; unreviewed: number }>> {
  const row = await getEvaluationRow(deps.db, req.evaluationId);
  if (!row) return notFound('评价');
  if (!(await isAdmin(deps.db, row.id, req.actor))) return notAdmin();
  if (row.status !== 'collecting' && row.status !== 'reviewing') return wrongStatus(row.status, '锁定');
  const at = deps.clock.now().toISOString();
  try {
    await atomic(deps.db, [
      { query: lockEvaluationRow(deps.db, row.id, req.actor, at), expect: 1 },
      {
        query: appendHistory(deps.db, {
          evaluationId: row.id,
          action: 'lock',
          actor: req.actor,
          at,
          before: { status: row.status },
          after: { status: 'final' },
        }),
      },
    ]);
  } catch (error) {
    if (!(error instanceof AtomicConflictError)) throw error;
    return wrongStatus('final', '锁定');
  }
  const evaluation = (await getEvaluation(deps.db, row.id))!;
  const unanswered = evaluation.items.filter(isOpen).length;
  const unreviewed = evaluation.items.filter((i) => i.value.status === 'submitted').length;
  return { ok: true, evaluation, unanswered, unreviewed };
}

/** 重新开放: back to collecting (rows still open) or reviewing (all answered). */
export async function reopenEvaluation(
  deps: CollectionDeps,
  req: { evaluationId: string; actor: string; reason?: string | null },
): Promise<Outcome<{ evaluation: EvaluationView }>> {
  const row = await getEvaluationRow(deps.db, req.evaluationId);
  if (!row) return notFound('评价');
  if (!(await isAdmin(deps.db, row.id, req.actor))) return notAdmin();
  if (row.status !== 'final') return wrongStatus(row.status, '重新开放');
  const at = deps.clock.now().toISOString();
  try {
    await atomic(deps.db, [
      { query: reopenStatus(deps.db, row.id, at), expect: 1 },
      {
        query: appendHistory(deps.db, {
          evaluationId: row.id,
          action: 'reopen',
          actor: req.actor,
          at,
          before: { status: 'final', lockedAt: row.locked_at, lockedBy: row.locked_by },
          after: { status: 'open' },
          comment: req.reason ?? null,
        }),
      },
    ]);
  } catch (error) {
    if (!(error instanceof AtomicConflictError)) throw error;
    const now = await getEvaluationRow(deps.db, row.id);
    return wrongStatus(now?.status ?? 'collecting', '重新开放');
  }
  return { ok: true, evaluation: (await getEvaluation(deps.db, row.id))! };
}

/**
 * The summary engineer calls this after posting the summary: from then on every change carries a
 * 变更 notice for the group (see `submitValue`'s `changeNotice`).
 */
export async function markSummaryPosted(
  deps: CollectionDeps,
  req: { evaluationId: string; actor: string; messageId?: string | null },
): Promise<Outcome<{ evaluation: EvaluationView }>> {
  const row = await getEvaluationRow(deps.db, req.evaluationId);
  if (!row) return notFound('评价');
  const at = deps.clock.now().toISOString();
  await atomic(deps.db, [
    { query: markSummaryPostedRow(deps.db, row.id, at), expect: 1 },
    {
      query: appendHistory(deps.db, {
        evaluationId: row.id,
        action: 'summary_posted',
        actor: req.actor,
        at,
        before: { summaryPostedAt: row.summary_posted_at },
        after: { summaryPostedAt: at, messageId: req.messageId ?? null },
      }),
    },
  ]);
  return { ok: true, evaluation: (await getEvaluation(deps.db, row.id))! };
}

/** Remembers the group's progress card so later answers patch it in place. */
export async function setProgressMessage(deps: CollectionDeps, req: { evaluationId: string; messageId: string }): Promise<void> {
  await setProgressMessageId(deps.db, req.evaluationId, req.messageId, deps.clock.now().toISOString());
}
