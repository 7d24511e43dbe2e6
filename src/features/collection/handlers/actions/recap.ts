import { getEvaluation } from '../../service';
import type { CardAction, CardActionResponse } from '../../../../transport/contract';
import type { FeatureDeps } from '../../../shared/feature';
import { recapCard } from '../views/entry';
import { openEntry } from './entry';
import { answer, BAD_CARD, STALE_CARD } from '../../../shared/respond';
import { pageValueSchema } from './values';

/** 修改 on the recap opens that row's entry card (same checks as any entry card). */
export function editFromRecap(deps: FeatureDeps, action: CardAction): Promise<CardActionResponse> {
  return openEntry(deps, action);
}

export async function pageRecap(deps: FeatureDeps, action: CardAction): Promise<CardActionResponse> {
  const value = pageValueSchema.safeParse(action.value);
  if (!value.success) return answer(null, BAD_CARD);
  const evaluation = await getEvaluation(deps.db, value.data.evaluationId);
  if (!evaluation) return answer(null, STALE_CARD);
  // the recap lists the rows of whoever looks at it: a forwarded recap shows the presser's own rows
  return answer(recapCard(evaluation, action.operator.openId, { page: value.data.page, pagerRev: value.data.rev + 1 }));
}
