import type { EvaluationView, ItemView } from '../service';
import type { FeatureDeps } from '../../shared/feature';
import { postChangeNotice, sendReviewCards } from './notify/people';
import { refreshProgressCard } from './notify/progress';
import { isOpen } from '../../shared/rows';
import { itemsOf } from './views/rows';
import { markSummaryOutdated } from '../../summary';

/**
 * After a committed answer: the group's progress card, the admins' review card once the owner has
 * nothing left open, and the 变更 notice (plus the summary card marked outdated) when the summary was already posted.
 */
export async function afterSubmit(deps: FeatureDeps, evaluation: EvaluationView, item: ItemView, changeNotice: string | null): Promise<void> {
  await refreshProgressCard(deps, evaluation.id, evaluation);
  const owner = item.owner.openId;
  if (owner && !itemsOf(evaluation, owner).some(isOpen)) await sendReviewCards(deps, evaluation, owner);
  if (changeNotice) {
    await postChangeNotice(deps, evaluation, changeNotice, `${item.id}@${item.value.version}`);
    await markSummaryOutdated(deps, evaluation.id, changeNotice);
  }
}
