/** The summary feature's public entry (nothing outside this folder imports its internals). */
export { postSummary, SUMMARY_CARD_KIND, type PostedSummary, type SummaryTrigger } from './post-summary';
export { postSummaryIfComplete } from './on-complete';
export { markSummaryOutdated } from './mark-outdated';
export { buildSummary, type BuiltSummary } from './build-summary';
export { allReviewed, completedAt, openRows, respondents } from './collection-facts';
