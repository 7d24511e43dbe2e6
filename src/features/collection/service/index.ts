/**
 * The collection flow's application services. Handlers, jobs and the CLI call these; none of them
 * takes a Lark type — people are open_ids, chats are chat_ids, answers are plain strings.
 */
export * from './types';
export { resolveOwners, resolutionFor } from './resolve-owners';
export { createEvaluation, importEvaluation, type CreateEvaluationRequest, type CreatedEvaluation, type OwnerIssue } from './create-evaluation';
export { setDeadline, addAdmin, removeAdmin, assignOwner, setItemDueDate } from './settings';
export { startCollection, type OwnerAssignment } from './start-collection';
export { submitValue, scoreAnswer } from './submit-value';
export { approveItems, returnItem, type ReviewTarget, type ApproveResult } from './review';
export { lockEvaluation, reopenEvaluation, markSummaryPosted, setProgressMessage } from './lock';
export {
  progressOf,
  getProgress,
  findEvaluationsInChat,
  pendingItemsForOwner,
  itemsOfOwner,
  reviewBatches,
  type OwnerWork,
  type ReviewBatch,
} from './queries';
export { toEvaluationInput, exportEvaluation, loadEvaluationForScoring } from './export';
export { getEvaluation, getItem, ownerLabel } from './views';
export { STATUS_LABEL, notAdmin, notFound } from './refusals';
export { isOpenId } from './open-id';
