/**
 * The `value.action` names our collection cards put on their buttons and forms. The handlers
 * register exactly this list with the dispatcher (`src/handlers/register.ts`), so a card cannot
 * carry an action nobody handles.
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
} as const;

export type CollectionAction = (typeof COLLECTION_ACTIONS)[keyof typeof COLLECTION_ACTIONS];
export const COLLECTION_ACTION_NAMES: readonly CollectionAction[] = Object.values(COLLECTION_ACTIONS);
