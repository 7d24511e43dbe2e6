import type { Kysely } from 'kysely';
import { evaluationInputSchema, type EvaluationInput, type IndicatorInput } from '../../../domain/evaluation';
import type { Database } from '../../../storage/database';
import type { EvaluationView, ItemView } from './types';
import { getEvaluation } from './views';

/**
 * The evaluation as `jixiao score` reads it: the header, the budget with its 全年执行数, and every row
 * with the answer given so far (rows not yet answered have no actual). Printed scores of the imported
 * paper table are left out: they describe the old paper, not the answers collected here.
 */
export function toEvaluationInput(evaluation: EvaluationView): EvaluationInput {
  const budgetItem = evaluation.items.find((i) => i.kind === 'budget');
  const answered = (i: ItemView | undefined) => i !== undefined && i.value.status !== 'pending';
  const input: EvaluationInput = {
    project: {
      name: evaluation.project.name,
      department: evaluation.project.department,
      implementingUnit: evaluation.project.implementingUnit,
      year: evaluation.project.year,
    },
    budget: {
      initial: evaluation.budget.initial,
      fullYear: evaluation.budget.fullYear,
      executed: answered(budgetItem) ? budgetItem!.value.actual : null,
      weight: budgetItem ? budgetItem.weight : null,
      deviationReason: answered(budgetItem) ? budgetItem!.value.deviationReason : null,
      ...(evaluation.budget.sources ? { sources: evaluation.budget.sources as NonNullable<EvaluationInput['budget']['sources']> } : {}),
    },
    ...(evaluation.goals.expected || evaluation.goals.actual ? { goals: evaluation.goals } : {}),
    indicators: evaluation.items.filter((i) => i.kind === 'indicator').map(toIndicatorInput),
  };
  // The export must stay valid input for `jixiao score`; a schema change that breaks it fails loudly here.
  return evaluationInputSchema.parse(input);
}

function toIndicatorInput(item: ItemView): IndicatorInput {
  const v = item.value;
  const answered = v.status !== 'pending';
  const row: IndicatorInput = {
    level1: item.level1,
    level2: item.level2,
    name: item.name,
    target: item.target,
    weight: item.weight,
    actual: answered && v.applicable ? v.actual : null,
    band: answered && v.applicable ? v.band : null,
    score: answered && v.applicable && v.manualScore !== null ? v.manualScore : null,
    deviationReason: answered ? v.deviationReason : null,
    owner: item.owner.name ?? item.owner.openId ?? item.owner.raw,
  };
  if (answered && !v.applicable) row.applicable = false;
  return row;
}

export async function exportEvaluation(db: Kysely<Database>, evaluationId: string): Promise<EvaluationInput | undefined> {
  const evaluation = await getEvaluation(db, evaluationId);
  return evaluation ? toEvaluationInput(evaluation) : undefined;
}

/** What `scoreEvaluation(input, { profile })` needs for a stored evaluation. */
export async function loadEvaluationForScoring(
  db: Kysely<Database>,
  evaluationId: string,
): Promise<{ input: EvaluationInput; profile: string; evaluation: EvaluationView } | undefined> {
  const evaluation = await getEvaluation(db, evaluationId);
  if (!evaluation) return undefined;
  return { input: toEvaluationInput(evaluation), profile: evaluation.ruleProfile, evaluation };
}
