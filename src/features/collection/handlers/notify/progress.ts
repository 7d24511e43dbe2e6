import { getEvaluation, setProgressMessage, type EvaluationView } from '../../service';
import type { FeatureDeps } from '../../../shared/feature';
import { sendKey } from '../../../../platform/send-key';
import { progressCardFor } from '../views/progress';
import { sendCard } from '../../../shared/send';

/**
 * Keeps the group's one progress card current: patched in place when it exists, posted once
 * otherwise. Lark allows 5 patches/s per message, so a burst of answers is coalesced: while one
 * refresh of an evaluation runs, further requests only mark it dirty and one more refresh follows,
 * drawn from the state after the latest commit.
 */
const running = new Map<string, { again: boolean; done: Promise<void> }>();

export function refreshProgressCard(deps: FeatureDeps, evaluationId: string, current?: EvaluationView): Promise<void> {
  const inFlight = running.get(evaluationId);
  if (inFlight) {
    inFlight.again = true;
    return inFlight.done;
  }
  const state = { again: false, done: Promise.resolve() };
  state.done = (async () => {
    try {
      // The caller's fresh copy (the state its own commit left) saves a read; a repeat reads the latest.
      let view = current;
      do {
        state.again = false;
        await refreshOnce(deps, evaluationId, view);
        view = undefined;
      } while (state.again);
    } finally {
      running.delete(evaluationId);
    }
  })();
  running.set(evaluationId, state);
  return state.done;
}

async function refreshOnce(deps: FeatureDeps, evaluationId: string, current?: EvaluationView): Promise<void> {
  const evaluation = current ?? (await getEvaluation(deps.db, evaluationId));
  if (!evaluation?.chatId || evaluation.status === 'draft') return;
  const card = progressCardFor(evaluation, deps.clock.now());
  if (evaluation.progressMessageId) {
    await deps.lark.patchCard(evaluation.progressMessageId, card);
    return;
  }
  const messageId = await sendCard(deps, { type: 'chat_id', id: evaluation.chatId, tenantKey: evaluation.tenantKey }, card, sendKey('progress', evaluation.id));
  await setProgressMessage(deps, { evaluationId: evaluation.id, messageId });
}
