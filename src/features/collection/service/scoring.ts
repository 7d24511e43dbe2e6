import type { EvaluationInput, IndicatorInput } from '../../../domain/evaluation';
import { parseTarget } from '../../../domain/scoring/parse-target';
import { DEFAULT_PROFILE, resolveProfile } from '../../../domain/scoring/profiles';
import type { ScoredBudget, ScoredIndicator } from '../../../domain/scoring/result';
import { scoreBudget } from '../../../domain/scoring/score-budget';
import { scoreIndicator } from '../../../domain/scoring/score-indicator';

/** The collection flow's one door into the scoring engine. */

export const DEFAULT_RULE_PROFILE = DEFAULT_PROFILE;

export type ScoreFailure = { ok: false; error: { code: string; message: string } };

/**
 * The engine's reading of a target: its kind (`positive`, `qualitative`, …) and the parsed target as
 * JSON, both null when the engine cannot parse it (the preview's audit then says how to fix the cell).
 */
export function readTarget(target: string): { kind: string | null; json: string | null } {
  const parsed = parseTarget(target);
  return parsed.ok ? { kind: parsed.kind, json: JSON.stringify(parsed) } : { kind: null, json: null };
}

/** The budget line's weight: the table's own, else the profile's (10 under 财预〔2020〕10号). */
export function budgetWeightOf(input: EvaluationInput, profile: string): string {
  const given = input.budget.weight;
  if (given !== null && given !== undefined && String(given).trim() !== '') return String(given).trim();
  return String(resolveProfile(profile).budgetWeight);
}

export function scoreRow(row: IndicatorInput, profile: string): ScoredIndicator | ScoreFailure {
  return scoreIndicator(row, resolveProfile(profile));
}

export function scoreBudgetLine(budget: EvaluationInput['budget'], profile: string): ScoredBudget | ScoreFailure {
  return scoreBudget(budget, resolveProfile(profile));
}

export function isFailure<T extends object>(r: T | ScoreFailure): r is ScoreFailure {
  return 'ok' in r && (r as { ok: unknown }).ok === false;
}
