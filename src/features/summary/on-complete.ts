import type { Outcome } from '../collection';
import { getEvaluation } from '../collection';
import { postSummary, type PostedSummary, type SummaryDeps } from './post-summary';

/** Who the history names when the bot posts on its own. */
export const BOT_ACTOR = 'bot';

/**
 * Called after an approval: once every row is approved and no summary has been posted yet, the bot
 * posts it without being asked. Returns null when there is nothing to do.
 */
export async function postSummaryIfComplete(deps: SummaryDeps, evaluationId: string): Promise<Outcome<PostedSummary> | null> {
  const evaluation = await getEvaluation(deps.db, evaluationId);
  if (!evaluation || evaluation.summaryPostedAt || !evaluation.chatId) return null;
  if (evaluation.status !== 'reviewing' && evaluation.status !== 'final') return null;
  if (!evaluation.items.every((i) => i.value.status === 'approved')) return null;
  return postSummary(deps, { evaluationId, actor: BOT_ACTOR, trigger: 'complete' });
}
