import { errorFields } from '../../../../platform/log';
import type { EvaluationView, ItemView, OwnerAssignment } from '../../service';
import { LarkApiError } from '../../../../transport/client/errors';
import type { FeatureDeps } from '../../../shared/feature';
import { sendKey } from '../../../../platform/send-key';
import { entryCard } from '../views/entry';
import { reviewCardFor } from '../views/review';
import { itemsOf } from '../views/rows';
import { recordCardMessage } from '../../../../storage/repositories/collection/card-messages';
import { sendCard, sendText } from '../../../shared/send';
import { isOpen } from '../../../shared/rows';

export interface Undelivered {
  name: string;
  why: string;
}

/** Lark's reason in words the clerk can act on (blocked the bot, left the company, …). */
function reasonOf(error: unknown): string {
  return error instanceof LarkApiError ? error.adminMessage : '发送失败，请稍后再试';
}

/**
 * 开始收集: each owner gets their first card by DM. One person who cannot be reached (blocked the bot,
 * outside the app's range, left) does not stop the others; the group is told who was missed and why.
 */
export async function sendFirstEntryCards(deps: FeatureDeps, evaluation: EvaluationView, owners: OwnerAssignment[]): Promise<Undelivered[]> {
  const missed: Undelivered[] = [];
  for (const owner of owners) {
    const first = itemsOf(evaluation, owner.openId).find(isOpen);
    if (!first) continue;
    try {
      await sendEntryCard(deps, evaluation, first, owner.openId, sendKey('start', evaluation.id, owner.openId));
    } catch (error) {
      deps.log.warn('first entry card not delivered', { evaluationId: evaluation.id, owner: owner.openId, ...errorFields(error) });
      missed.push({ name: owner.name ?? owner.openId, why: reasonOf(error) });
    }
  }
  if (missed.length > 0 && evaluation.chatId) {
    const lines = missed.map((m) => `· ${m.name}：${m.why}`).join('\n');
    await sendText(
      deps,
      { type: 'chat_id', id: evaluation.chatId, tenantKey: evaluation.tenantKey },
      `以下责任人没有收到填报卡片：\n${lines}\n请提醒他们打开与我的私聊并发送「我的」领取卡片；联系不上的，可以用「转交」把这些行交给别人。`,
      sendKey('start-missed', evaluation.id),
    );
  }
  return missed;
}

/** An owner's batch is complete: every admin gets one review card for it. */
export async function sendReviewCards(deps: FeatureDeps, evaluation: EvaluationView, ownerOpenId: string): Promise<void> {
  const rows = itemsOf(evaluation, ownerOpenId).filter((i) => i.value.status === 'submitted');
  if (rows.length === 0) return;
  const card = reviewCardFor(evaluation, ownerOpenId);
  const versions = rows.map((r) => `${r.id}@${r.value.version}`).join(',');
  for (const admin of evaluation.admins) {
    // one unreachable admin must not keep the card from the others
    try {
      await sendCard(deps, { type: 'open_id', id: admin, tenantKey: evaluation.tenantKey }, card, sendKey('review', evaluation.id, ownerOpenId, admin, versions));
    } catch (error) {
      deps.log.warn('review card not delivered', { evaluationId: evaluation.id, admin, ...errorFields(error) });
    }
  }
}

/** 退回: the row goes back to its owner as a revise card carrying the comment. */
export async function sendReviseCard(deps: FeatureDeps, evaluation: EvaluationView, item: ItemView): Promise<void> {
  if (!item.owner.openId) return;
  await sendEntryCard(deps, evaluation, item, item.owner.openId, sendKey('revise', item.id, item.value.version));
}

/**
 * An owner's entry card, recorded in `card_messages` so the deadline-day 加急 buzzes the card the owner
 * already has instead of sending a new one.
 */
export async function sendEntryCard(
  deps: Pick<FeatureDeps, 'lark' | 'db' | 'clock'>,
  evaluation: EvaluationView,
  item: ItemView,
  openId: string,
  uuid: string,
): Promise<string> {
  const messageId = await sendCard(deps, { type: 'open_id', id: openId, tenantKey: evaluation.tenantKey }, entryCard(evaluation, item), uuid);
  await recordCardMessage(deps.db, {
    messageId,
    evaluationId: evaluation.id,
    kind: 'entry',
    recipientId: openId,
    itemId: item.id,
    at: deps.clock.now().toISOString(),
  }).execute();
  return messageId;
}

/** A change after the summary was posted: one short 变更 line in the group. */
export async function postChangeNotice(deps: FeatureDeps, evaluation: EvaluationView, notice: string, key: string): Promise<void> {
  if (!evaluation.chatId) return;
  await sendText(deps, { type: 'chat_id', id: evaluation.chatId, tenantKey: evaluation.tenantKey }, notice, sendKey('change', evaluation.id, key));
}
