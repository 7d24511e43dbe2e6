import { tr } from '#cards/shared/i18n';
import { approveItems, getEvaluation, getItem, returnItem, type EvaluationView } from '../../service';
import type { CardAction, CardActionResponse } from '../../../../transport/contract';
import type { FeatureDeps } from '../../../shared/feature';
import { sendReviseCard } from '../notify/people';
import { refreshProgressCard } from '../notify/progress';
import { runLater } from '../../../shared/later';
import { postSummaryIfComplete } from '../../../summary';
import { reviewCardFor } from '../views/review';
import { answer, BAD_CARD, refusalToast, STALE_CARD, toast } from '../../../shared/respond';
import { approveAllSchema, formText, pageValueSchema, reviewDecideSchema } from './values';

/** 通过 / 退回 on an admin's review card; 退回 needs the comment typed in that row's box. */
const NOT_ADMIN = toast('error', tr('只有导入人和管理员可以审核。', 'Only the importer and admins can review.'));

export async function decideReview(deps: FeatureDeps, action: CardAction): Promise<CardActionResponse> {
  const value = reviewDecideSchema.safeParse(action.value);
  if (!value.success) return answer(null, BAD_CARD);
  const { indicatorId, rev, decision } = value.data;
  const item = await getItem(deps.db, indicatorId);
  if (!item) return answer(null, STALE_CARD);
  const actor = action.operator.openId;

  if (decision === 'approve') {
    const { results } = await approveItems(deps, { actor, items: [{ itemId: item.id, expectedVersion: rev }] });
    const outcome = results[0]!.outcome;
    const fresh = await getEvaluation(deps.db, item.evaluationId);
    if (!fresh) return answer(null, STALE_CARD);
    if (!outcome.ok) return answer(outcome.code === 'forbidden' ? null : reviewCardFor(fresh, item.owner.openId ?? ''), refusalToast(outcome));
    runLater(deps, 'after approve', () => refreshProgressCard(deps, fresh.id));
    runLater(deps, 'summary when complete', async () => void (await postSummaryIfComplete(deps, fresh.id)));
    return answer(reviewCardFor(fresh, item.owner.openId ?? '', { notice: `已通过「${item.name}」` }), toast('success', tr('已通过', 'Approved')));
  }

  const comment = formText(action.formValue, `comment_${item.id}`) ?? '';
  const outcome = await returnItem(deps, { itemId: item.id, expectedVersion: rev, actor, comment });
  const fresh = await getEvaluation(deps.db, item.evaluationId);
  if (!fresh) return answer(null, STALE_CARD);
  // an empty comment keeps the card as it is, so what else was typed stays
  if (!outcome.ok) return answer(outcome.code === 'conflict' ? reviewCardFor(fresh, item.owner.openId ?? '') : null, refusalToast(outcome));
  const returned = outcome.item;
  runLater(deps, 'after return', async () => {
    await sendReviseCard(deps, fresh, returned);
    await refreshProgressCard(deps, fresh.id);
  });
  return answer(
    reviewCardFor(fresh, item.owner.openId ?? '', { notice: `已退回「${item.name}」，已通知 ${item.owner.name ?? '责任人'}` }),
    toast('success', tr('已退回并通知责任人', 'Returned; the owner has been told')),
  );
}

export async function approveAll(deps: FeatureDeps, action: CardAction): Promise<CardActionResponse> {
  const value = approveAllSchema.safeParse(action.value);
  if (!value.success) return answer(null, BAD_CARD);
  const targets = value.data.rows
    .split(',')
    .map((pair) => pair.split(':'))
    .filter((p): p is [string, string] => p.length === 2 && p[0]!.length > 0)
    .map(([itemId, version]) => ({ itemId, expectedVersion: Number(version) }));
  const { results } = await approveItems(deps, { actor: action.operator.openId, items: targets });
  const fresh = await getEvaluation(deps.db, value.data.evaluationId);
  if (!fresh) return answer(null, STALE_CARD);
  const refused = results.filter((r) => !r.outcome.ok);
  const forbidden = refused.find((r) => !r.outcome.ok && r.outcome.code === 'forbidden');
  if (forbidden && !forbidden.outcome.ok) return answer(null, refusalToast(forbidden.outcome));
  runLater(deps, 'after approve all', () => refreshProgressCard(deps, fresh.id));
  runLater(deps, 'summary when complete', async () => void (await postSummaryIfComplete(deps, fresh.id)));
  const approved = results.length - refused.length;
  const notice = refused.length === 0 ? `已通过 ${approved} 项` : `已通过 ${approved} 项；${refused.length} 项在你查看后有变化，未通过，请核对`;
  return answer(reviewCardFor(fresh, value.data.ownerOpenId, { notice }), toast(refused.length ? 'warning' : 'success', notice));
}

export async function pageReview(deps: FeatureDeps, action: CardAction): Promise<CardActionResponse> {
  const value = pageValueSchema.safeParse(action.value);
  if (!value.success || !value.data.ownerOpenId) return answer(null, BAD_CARD);
  const evaluation = await getEvaluation(deps.db, value.data.evaluationId);
  if (!evaluation) return answer(null, STALE_CARD);
  if (!isAdmin(evaluation, action.operator.openId)) return answer(null, NOT_ADMIN);
  return answer(reviewCardFor(evaluation, value.data.ownerOpenId, { page: value.data.page, pagerRev: value.data.rev + 1 }));
}

export function isAdmin(evaluation: EvaluationView, openId: string): boolean {
  return evaluation.admins.includes(openId);
}
