import { COLLECTION_ACTIONS, COLLECTION_ACTION_NAMES, type CollectionAction } from '#cards/collection/actions';
import type { CardAction, CardActionResponse } from '../../transport/contract';
import type { Dispatcher } from '../../transport/dispatcher';
import { chooseGroup } from './handlers/actions/choose-group';
import { laterEntry, openEntry, previousEntry, submitEntry } from './handlers/actions/entry';
import { lock, refresh, reopen } from './handlers/actions/overview';
import { savePreview, startFromPreview } from './handlers/actions/preview';
import { editFromRecap, pageRecap } from './handlers/actions/recap';
import { approveAll, decideReview, pageReview } from './handlers/actions/review';
import type { CollectionHandlerDeps } from '../shared/deps';
import { createBotAddedHandler } from './handlers/messages/bot-added';
import { createMessageHandler } from './handlers/messages/receive';

export { COLLECTION_ACTION_NAMES, type CollectionAction };
export type { CollectionHandlerDeps, TableReaders, ReadOutcome } from '../shared/deps';

type Handler = (deps: CollectionHandlerDeps, action: CardAction) => Promise<CardActionResponse>;

/** Which function answers each action our cards carry; the `satisfies` makes a missing one a type error. */
const ACTION_HANDLERS = {
  [COLLECTION_ACTIONS.previewSave]: savePreview,
  [COLLECTION_ACTIONS.previewStart]: startFromPreview,
  [COLLECTION_ACTIONS.entryOpen]: openEntry,
  [COLLECTION_ACTIONS.entrySubmit]: submitEntry,
  [COLLECTION_ACTIONS.entryPrev]: previousEntry,
  [COLLECTION_ACTIONS.entryLater]: laterEntry,
  [COLLECTION_ACTIONS.recapEdit]: editFromRecap,
  [COLLECTION_ACTIONS.recapPage]: pageRecap,
  [COLLECTION_ACTIONS.reviewDecide]: decideReview,
  [COLLECTION_ACTIONS.reviewApproveAll]: approveAll,
  [COLLECTION_ACTIONS.reviewPage]: pageReview,
  [COLLECTION_ACTIONS.overviewLock]: lock,
  [COLLECTION_ACTIONS.overviewReopen]: reopen,
  [COLLECTION_ACTIONS.overviewRefresh]: refresh,
  [COLLECTION_ACTIONS.importChooseGroup]: chooseGroup,
} satisfies Record<CollectionAction, Handler>;

/**
 * Wires the collection flow into the dispatcher: the message handler and one handler per card action.
 * The dispatcher must have been created with `COLLECTION_ACTION_NAMES` among its action names.
 */
export function registerCollectionHandlers(dispatcher: Dispatcher<string>, deps: CollectionHandlerDeps): void {
  dispatcher.onEvent('im.message.receive_v1', createMessageHandler(deps));
  dispatcher.onEvent('im.chat.member.bot.added_v1', createBotAddedHandler(deps));
  for (const name of COLLECTION_ACTION_NAMES) {
    const handler: Handler = ACTION_HANDLERS[name];
    dispatcher.onAction(name, (action) => handler(deps, action));
  }
}
