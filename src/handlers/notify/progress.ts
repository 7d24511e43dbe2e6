import { getEvaluation, setProgressMessage } from '../../collection';
import type { CollectionHandlerDeps } from '../deps';
import { sendUuid } from '../uuid';
import { progressCardFor } from '../views/progress';
import { sendCard } from './send';

/**
 * Keeps the group's one progress card current: patched in place when it exists (the client paces
 * patches to 5/s per message), posted once otherwise. Reads the state after the commit that caused it.
 */
export async function refreshProgressCard(deps: CollectionHandlerDeps, evaluationId: string): Promise<void> {
  const evaluation = await getEvaluation(deps.db, evaluationId);
  if (!evaluation?.chatId || evaluation.status === 'draft') return;
  const card = progressCardFor(evaluation, deps.clock.now());
  if (evaluation.progressMessageId) {
    await deps.lark.patchCard(evaluation.progressMessageId, card);
    return;
  }
  const messageId = await sendCard(deps, { type: 'chat_id', id: evaluation.chatId, tenantKey: evaluation.tenantKey }, card, sendUuid('progress', evaluation.id));
  await setProgressMessage(deps, { evaluationId: evaluation.id, messageId });
}
