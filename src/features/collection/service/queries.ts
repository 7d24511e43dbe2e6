import type { Kysely } from 'kysely';
import type { Database } from '../../../storage/database';
import { listEvaluationsInChat } from '../../../storage/repositories/collection/evaluations';
import { listOpenItemIdsForOwner } from '../../../storage/repositories/collection/items';
import type { EvaluationStatus, EvaluationView, ItemView, Progress } from './types';
import { getEvaluation } from './views';
import { isOpen } from '../../shared/rows';

/** Read-only questions the cards, commands and jobs ask. */

export function progressOf(evaluation: EvaluationView): Progress {
  const count = (s: ItemView['value']['status']) => evaluation.items.filter((i) => i.value.status === s).length;
  const byOwner = new Map<string, { openId: string; name: string | null; open: number; total: number }>();
  for (const item of evaluation.items) {
    if (!item.owner.openId) continue;
    const entry = byOwner.get(item.owner.openId) ?? { openId: item.owner.openId, name: item.owner.name, open: 0, total: 0 };
    entry.total += 1;
    if (isOpen(item)) entry.open += 1;
    entry.name ??= item.owner.name;
    byOwner.set(item.owner.openId, entry);
  }
  const submitted = count('submitted');
  const approved = count('approved');
  return {
    evaluationId: evaluation.id,
    status: evaluation.status,
    total: evaluation.items.length,
    answered: submitted + approved,
    pending: count('pending'),
    submitted,
    approved,
    returned: count('returned'),
    waitingOn: [...byOwner.values()].filter((o) => o.open > 0).sort((a, b) => b.open - a.open || a.openId.localeCompare(b.openId)),
    unassigned: evaluation.items.filter((i) => !i.owner.openId).length,
  };
}

export async function getProgress(db: Kysely<Database>, evaluationId: string): Promise<Progress | undefined> {
  const evaluation = await getEvaluation(db, evaluationId);
  return evaluation ? progressOf(evaluation) : undefined;
}

/** The evaluations of a group, newest first (`进度`, `汇总` act on the newest running one). */
export async function findEvaluationsInChat(
  db: Kysely<Database>,
  req: { tenantKey: string; chatId: string; statuses?: readonly EvaluationStatus[] },
): Promise<EvaluationView[]> {
  const rows = await listEvaluationsInChat(db, req.tenantKey, req.chatId, req.statuses);
  const views = await Promise.all(rows.map((r) => getEvaluation(db, r.id)));
  return views.filter((v): v is EvaluationView => v !== undefined);
}

export interface OwnerWork {
  evaluation: EvaluationView;
  /** Rows waiting for this person: pending or returned, in table order. */
  items: ItemView[];
}

/** `我的`: everything a person still has to answer, across the tenant's running evaluations. */
export async function pendingItemsForOwner(
  db: Kysely<Database>,
  req: { tenantKey: string; openId: string },
): Promise<OwnerWork[]> {
  const open = await listOpenItemIdsForOwner(db, req.tenantKey, req.openId);
  const ids = [...new Set(open.map((o) => o.evaluation_id))];
  const work: OwnerWork[] = [];
  for (const id of ids) {
    const evaluation = await getEvaluation(db, id);
    if (!evaluation) continue;
    const wanted = new Set(open.filter((o) => o.evaluation_id === id).map((o) => o.indicator_id));
    work.push({ evaluation, items: evaluation.items.filter((i) => wanted.has(i.id)) });
  }
  return work;
}

/** Every row of one owner in one evaluation, in table order (the walk-through and its recap). */
export function itemsOfOwner(evaluation: EvaluationView, openId: string): ItemView[] {
  return evaluation.items.filter((i) => i.owner.openId === openId);
}

export interface ReviewBatch {
  ownerOpenId: string;
  ownerName: string | null;
  items: ItemView[];
}

/** Submitted rows waiting for an admin, one batch per owner (one review card each). */
export function reviewBatches(evaluation: EvaluationView): ReviewBatch[] {
  const batches = new Map<string, ReviewBatch>();
  for (const item of evaluation.items) {
    if (item.value.status !== 'submitted' || !item.owner.openId) continue;
    const batch = batches.get(item.owner.openId) ?? { ownerOpenId: item.owner.openId, ownerName: item.owner.name, items: [] };
    batch.items.push(item);
    batches.set(item.owner.openId, batch);
  }
  return [...batches.values()];
}
