import { summaryCard } from '#cards/summary/summary';
import { toEvaluationInput } from '../collection';
import type { EvaluationView } from '../collection';
import type { EvaluationInput } from '../../domain/evaluation';
import { scoreEvaluation } from '../../domain/scoring/score-evaluation';
import type { ScoreResult } from '../../domain/scoring/result';
import { buildReports, type ReportFiles } from '../reports';
import type { CardJson } from '../../transport/contract';
import { allReviewed, completedAt, openRows, respondents } from './collection-facts';

export interface BuiltSummary {
  input: EvaluationInput;
  result: ScoreResult;
  card: CardJson;
  files: ReportFiles;
  /** Rows still without an answer (an admin may summarise anyway). */
  open: number;
}

/** Scores a stored evaluation and draws the summary card from the result (no documents). */
export function summaryCardOf(view: EvaluationView): Omit<BuiltSummary, 'files'> {
  const input = toEvaluationInput(view);
  const result = scoreEvaluation(input, { profile: view.ruleProfile });
  const open = openRows(view);
  return { input, result, card: summaryCard({ input, result, missing: open }), open };
}

/** Scores a stored evaluation and draws the card and both documents from that one result. */
export async function buildSummary(view: EvaluationView, now: Date): Promise<BuiltSummary> {
  const { input, result, card, open } = summaryCardOf(view);
  const done = completedAt(view);
  const files = await buildReports({
    input,
    result,
    generatedAt: now,
    collection: { respondents: respondents(view), reviewed: allReviewed(view), ...(done ? { completedAt: done } : {}) },
  });
  return { input, result, card, files, open };
}
