import { AtomicConflictError, atomic } from '../../../storage/atomic';
import { getEvaluationRow, isAdmin, startCollectingRow } from '../../../storage/repositories/collection/evaluations';
import { appendHistory } from '../../../storage/repositories/collection/history';
import { shanghaiDate } from '../../../platform/time';
import { invalid, notAdmin, notFound, wrongStatus } from './refusals';
import { recomputeStatus } from '../../../storage/repositories/collection/status';
import type { CollectionDeps, EvaluationView, Outcome } from './types';
import { getEvaluation } from './views';

export interface OwnerAssignment {
  openId: string;
  name: string | null;
  /** Their rows in table order (budget line first when it is theirs). */
  itemIds: string[];
}

/**
 * 开始收集: from draft to collecting, once every row has an owner and a deadline is set. Returns the
 * owners with their rows so the caller can send each one their first card.
 */
export async function startCollection(
  deps: CollectionDeps,
  req: { evaluationId: string; actor: string },
): Promise<Outcome<{ evaluation: EvaluationView; owners: OwnerAssignment[] }>> {
  const row = await getEvaluationRow(deps.db, req.evaluationId);
  if (!row) return notFound('评价');
  if (!(await isAdmin(deps.db, row.id, req.actor))) return notAdmin();
  if (row.status !== 'draft') return wrongStatus(row.status, '再次开始收集');
  const before = (await getEvaluation(deps.db, row.id))!;

  const unowned = before.items.filter((i) => !i.owner.openId);
  if (unowned.length > 0) {
    const list = unowned
      .slice(0, 5)
      .map((i) => `第${i.position}项“${i.name}”${i.owner.raw ? `（${i.owner.raw}）` : ''}`)
      .join('、');
    const more = unowned.length > 5 ? ` 等 ${unowned.length} 项` : '';
    return invalid('owner', `还有 ${unowned.length} 项没有责任人：${list}${more}。请先在预览卡片上选择责任人。`);
  }
  if (!row.deadline) return invalid('deadline', '请先选择截止日期，再开始收集。');
  const now = deps.clock.now();
  if (row.deadline < shanghaiDate(now)) return invalid('deadline', `截止日期 ${row.deadline} 已经过去，请重新选择。`);

  const at = now.toISOString();
  const started = await atomic(deps.db, [
    { query: startCollectingRow(deps.db, row.id, at), expect: 1 },
    { query: recomputeStatus(deps.db, row.id, at) },
    {
      query: appendHistory(deps.db, {
        evaluationId: row.id,
        action: 'start',
        actor: req.actor,
        at,
        before: { status: 'draft' },
        after: { status: 'collecting', deadline: row.deadline },
      }),
    },
  ]).then(
    () => true,
    (error: unknown) => {
      if (error instanceof AtomicConflictError) return false;
      throw error;
    },
  );
  // A double click: the other press already started it.
  if (!started) return wrongStatus('collecting', '再次开始收集');

  const owners = new Map<string, OwnerAssignment>();
  for (const item of before.items) {
    const openId = item.owner.openId!;
    const entry = owners.get(openId) ?? { openId, name: item.owner.name, itemIds: [] };
    if (!entry.name && item.owner.name) entry.name = item.owner.name;
    entry.itemIds.push(item.id);
    owners.set(openId, entry);
  }
  return { ok: true, evaluation: (await getEvaluation(deps.db, row.id))!, owners: [...owners.values()] };
}
