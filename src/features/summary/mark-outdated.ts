import { summaryOutdatedCard } from '#cards/summary/summary-outdated';
import { errorFields } from '../../platform/log';
import { listCardMessages } from '../../storage/repositories/collection/card-messages';
import { getEvaluation } from '../collection';
import type { FeatureDeps } from '../shared/feature';
import { summaryCardOf } from './build-summary';
import { SUMMARY_CARD_KIND } from './post-summary';

/**
 * A late entry: after a value changed once the summary was out (the collection flow has posted the
 * 变更 notice), the posted summary card is marked outdated — redrawn from the current data, grey, with
 * a line saying its attachments are the earlier version. Returns false when there is nothing to mark.
 */
export async function markSummaryOutdated(deps: Pick<FeatureDeps, 'db' | 'lark' | 'log'>, evaluationId: string, notice: string): Promise<boolean> {
  const posted = await listCardMessages(deps.db, evaluationId, { kind: SUMMARY_CARD_KIND });
  const latest = posted[posted.length - 1];
  const view = await getEvaluation(deps.db, evaluationId);
  if (!latest || !view) return false;
  const card = summaryOutdatedCard(summaryCardOf(view).card, notice);
  try {
    await deps.lark.patchCard(latest.message_id, card);
    return true;
  } catch (error) {
    // A card older than 14 days cannot be patched (error 230031, https://open.feishu.cn/document/server-docs/im-v1/message-card/patch);
    // the 变更 notice in the group still tells everyone.
    deps.log.warn('late entry: could not mark the summary outdated', { evaluationId, ...errorFields(error) });
    return false;
  }
}
