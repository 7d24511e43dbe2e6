import { COLLECTION_ACTIONS as A, type CollectionAction } from '#cards/collection/actions';
import type { ActionHandler, Feature } from '../shared/feature';
import { chooseGroup } from './handlers/actions/choose-group';
import { laterEntry, openEntry, previousEntry, submitEntry } from './handlers/actions/entry';
import { approveHandover, declineHandover } from './handlers/actions/handover';
import { lock, refresh, reopen } from './handlers/actions/overview';
import { savePreview, startFromPreview } from './handlers/actions/preview';
import { editFromRecap, pageRecap } from './handlers/actions/recap';
import { approveAll, decideReview, pageReview } from './handlers/actions/review';
import { handoverCommand } from './handlers/commands/handover';
import { importCommand } from './handlers/commands/import';
import { mineCommand } from './handlers/commands/mine';
import { overviewCommand } from './handlers/commands/overview';
import { progressCommand } from './handlers/commands/progress';
import { templateCommand } from './handlers/commands/template';
import { createBotAddedHandler } from './handlers/messages/bot-added';
import { createMessageHandler } from './handlers/messages/receive';

/**
 * Collection: import a table, settle owners and the deadline on the preview, walk each owner through
 * their rows, review, lock, hand rows over (转交) — and the chat's front door: every message to the bot
 * (commands of all features, pasted tables, sheets sent by DM) and the welcome when added to a group.
 */
export const collectionFeature = {
  name: 'collection',
  actions: {
    [A.previewSave]: savePreview,
    [A.previewStart]: startFromPreview,
    [A.entryOpen]: openEntry,
    [A.entrySubmit]: submitEntry,
    [A.entryPrev]: previousEntry,
    [A.entryLater]: laterEntry,
    [A.recapEdit]: editFromRecap,
    [A.recapPage]: pageRecap,
    [A.reviewDecide]: decideReview,
    [A.reviewApproveAll]: approveAll,
    [A.reviewPage]: pageReview,
    [A.overviewLock]: lock,
    [A.overviewReopen]: reopen,
    [A.overviewRefresh]: refresh,
    [A.importChooseGroup]: chooseGroup,
    [A.handoverApprove]: approveHandover,
    [A.handoverDecline]: declineHandover,
  } satisfies Record<CollectionAction, ActionHandler>,
  // 帮助 lists the rows in this order, feature by feature (src/features/register.ts).
  commands: [importCommand, templateCommand, progressCommand, overviewCommand, mineCommand, handoverCommand],
  events: {
    'im.message.receive_v1': ({ deps, commands }) => createMessageHandler(deps, commands),
    'im.chat.member.bot.added_v1': ({ deps, commands }) => createBotAddedHandler(deps, commands),
  },
} satisfies Feature;
