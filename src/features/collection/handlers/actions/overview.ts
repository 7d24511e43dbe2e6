import { tr } from '#cards/shared/i18n';
import { getEvaluation, lockEvaluation, reopenEvaluation } from '../../service';
import type { CardAction, CardActionResponse } from '../../../../transport/contract';
import type { FeatureDeps } from '../../../shared/feature';
import { refreshProgressCard } from '../notify/progress';
import { runLater } from '../../../shared/later';
import { overviewCardFor } from '../views/overview';
import { answer, BAD_CARD, refusalToast, STALE_CARD, toast } from '../../../shared/respond';
import { isAdmin } from './review';
import { evaluationValueSchema } from './values';

/** 锁定 / 重新开放 / 刷新 on the admins' 总览 card. */
export async function lock(deps: FeatureDeps, action: CardAction): Promise<CardActionResponse> {
  const value = evaluationValueSchema.safeParse(action.value);
  if (!value.success) return answer(null, BAD_CARD);
  const outcome = await lockEvaluation(deps, { evaluationId: value.data.evaluationId, actor: action.operator.openId });
  if (!outcome.ok) return answer(null, refusalToast(outcome));
  runLater(deps, 'after lock', () => refreshProgressCard(deps, outcome.evaluation.id));
  const open = outcome.unanswered + outcome.unreviewed;
  const note = open > 0
    ? tr('已锁定。注意：还有 {a} 项未填、{r} 项未审核。', 'Locked. Note: {a} rows unanswered and {r} unreviewed.', { a: outcome.unanswered, r: outcome.unreviewed })
    : tr('已锁定（定稿）。', 'Locked (final).');
  return answer(overviewCardFor(outcome.evaluation), toast(open > 0 ? 'warning' : 'success', note));
}

export async function reopen(deps: FeatureDeps, action: CardAction): Promise<CardActionResponse> {
  const value = evaluationValueSchema.safeParse(action.value);
  if (!value.success) return answer(null, BAD_CARD);
  const outcome = await reopenEvaluation(deps, { evaluationId: value.data.evaluationId, actor: action.operator.openId });
  if (!outcome.ok) return answer(null, refusalToast(outcome));
  runLater(deps, 'after reopen', () => refreshProgressCard(deps, outcome.evaluation.id));
  return answer(overviewCardFor(outcome.evaluation), toast('success', tr('已重新开放，责任人可以修改了。', 'Reopened; owners can change their entries.')));
}

export async function refresh(deps: FeatureDeps, action: CardAction): Promise<CardActionResponse> {
  const value = evaluationValueSchema.safeParse(action.value);
  if (!value.success) return answer(null, BAD_CARD);
  const evaluation = await getEvaluation(deps.db, value.data.evaluationId);
  if (!evaluation) return answer(null, STALE_CARD);
  if (!isAdmin(evaluation, action.operator.openId)) return answer(null, toast('error', tr('只有导入人和管理员可以查看总览。', 'Only the importer and admins can see the overview.')));
  return answer(overviewCardFor(evaluation));
}
