import type { EvaluationView, ItemView, OwnerAssignment } from '../../collection';
import type { CollectionHandlerDeps } from '../deps';
import { sendUuid } from '../uuid';
import { entryCard } from '../views/entry';
import { reviewCardFor } from '../views/review';
import { itemsOf } from '../views/rows';
import { sendCard, sendText } from './send';

/** 开始收集: each owner gets their first card by DM. */
export async function sendFirstEntryCards(deps: CollectionHandlerDeps, evaluation: EvaluationView, owners: OwnerAssignment[]): Promise<void> {
  for (const owner of owners) {
    const first = itemsOf(evaluation, owner.openId).find((i) => i.value.status === 'pending' || i.value.status === 'returned');
    if (!first) continue;
    await sendCard(deps, { type: 'open_id', id: owner.openId, tenantKey: evaluation.tenantKey }, entryCard(evaluation, first), sendUuid('start', evaluation.id, owner.openId));
  }
}

/** An owner's batch is complete: every admin gets one review card for it. */
export async function sendReviewCards(deps: CollectionHandlerDeps, evaluation: EvaluationView, ownerOpenId: string): Promise<void> {
  const rows = itemsOf(evaluation, ownerOpenId).filter((i) => i.value.status === 'submitted');
  if (rows.length === 0) return;
  const card = reviewCardFor(evaluation, ownerOpenId);
  const versions = rows.map((r) => `${r.id}@${r.value.version}`).join(',');
  for (const admin of evaluation.admins) {
    await sendCard(deps, { type: 'open_id', id: admin, tenantKey: evaluation.tenantKey }, card, sendUuid('review', evaluation.id, ownerOpenId, admin, versions));
  }
}

/** 退回: the row goes back to its owner as a revise card carrying the comment. */
export async function sendReviseCard(deps: CollectionHandlerDeps, evaluation: EvaluationView, item: ItemView): Promise<void> {
  if (!item.owner.openId) return;
  await sendCard(deps, { type: 'open_id', id: item.owner.openId, tenantKey: evaluation.tenantKey }, entryCard(evaluation, item), sendUuid('revise', item.id, item.value.version));
}

/** A change after the summary was posted: one short 变更 line in the group. */
export async function postChangeNotice(deps: CollectionHandlerDeps, evaluation: EvaluationView, notice: string, key: string): Promise<void> {
  if (!evaluation.chatId) return;
  await sendText(deps, { type: 'chat_id', id: evaluation.chatId, tenantKey: evaluation.tenantKey }, notice, sendUuid('change', evaluation.id, key));
}
