import { summaryOutdatedCard } from '#cards/summary/summary-outdated';
import { summaryCard } from '#cards/summary/summary';
import { getEvaluation } from '../collection/service';
import { toEvaluationInput } from '../collection/service/export';
import { scoreEvaluation } from '../../domain/scoring/score-evaluation';
import { listCardMessages } from '../../storage/repositories/collection/card-messages';
import { SUMMARY_CARD_KIND } from './post-summary';
import { openRows } from './collection-facts';
import type { ReminderHandlerDeps } from '../reminders/handlers/deps';

/**
 * §6 late entries: after a value changed once the summary was out (the collection flow has posted the
 * 变更 notice), the posted summary card is marked outdated — redrawn from the current data, grey, with
 * a line saying its attachments are the earlier version. Returns false when there is nothing to mark.
 */
export async function markSummaryOutdated(deps: Pick<ReminderHandlerDeps, 'db' | 'lark' | 'log'>, evaluationId: string, notice: string): Promise<boolean> {
  const posted = await listCardMessages(deps.db, evaluationId, { kind: SUMMARY_CARD_KIND });
  const latest = posted[posted.length - 1];
  const view = await getEvaluation(deps.db, evaluationId);
  if (!latest || !view) return false;
  const input = toEvaluationInput(view);
  const result = scoreEvaluation(input, { profile: view.ruleProfile });
  const card = summaryOutdatedCard(summaryCard({ input, result, missing: openRows(view) }), notice);
  try {
    await deps.lark.patchCard(latest.message_id, card);
    return true;
  } catch (error) {
    // A card older than 14 days cannot be patched (230031); the 变更 notice in the group still tells everyone.
    deps.log.warn('late entry: could not mark the summary outdated', { evaluationId, error: error instanceof Error ? error.message : String(error) });
    return false;
  }
}
