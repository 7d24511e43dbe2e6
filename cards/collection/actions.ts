/**
 * The `value.action` names the collection feature's cards put on their buttons and forms. Its
 * `src/features/collection/feature.ts` maps each one to a handler (`satisfies Record<CollectionAction, …>`),
 * so a card cannot carry an action nobody handles. The strings are what cards already sent in chats carry:
 * never rename one (the hand-over pair keeps its `reminder.` prefix from when it lived in the reminders).
 */
export const COLLECTION_ACTIONS = {
  previewSave: 'collect.preview.save',
  previewStart: 'collect.preview.start',
  entryOpen: 'collect.entry.open',
  entrySubmit: 'collect.entry.submit',
  entryPrev: 'collect.entry.prev',
  entryLater: 'collect.entry.later',
  recapEdit: 'collect.recap.edit',
  recapPage: 'collect.recap.page',
  reviewDecide: 'collect.review.decide',
  reviewApproveAll: 'collect.review.approve_all',
  reviewPage: 'collect.review.page',
  overviewRefresh: 'collect.overview.refresh',
  overviewLock: 'collect.overview.lock',
  overviewReopen: 'collect.overview.reopen',
  importChooseGroup: 'collect.import.choose_group',
  handoverApprove: 'reminder.handover.approve',
  handoverDecline: 'reminder.handover.decline',
} as const;

export type CollectionAction = (typeof COLLECTION_ACTIONS)[keyof typeof COLLECTION_ACTIONS];
export const COLLECTION_ACTION_NAMES: readonly CollectionAction[] = Object.values(COLLECTION_ACTIONS);
