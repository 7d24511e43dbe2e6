/**
 * What the scoring engine returns. Reports, cards and the CLI's `--json` output all read this shape;
 * fields may be added, none removed or renamed.
 * Scores are numbers already rounded ROUND_HALF_UP to 2 dp; `rate` is a fraction (0.5429).
 */
export type TargetKind = 'positive' | 'negative' | 'equality' | 'range' | 'qualitative' | 'time';

export interface Warning {
  code: string;
  message: string;
  /** Index into `indicators` (0-based), or absent for table-wide warnings and the budget line. */
  indicator?: number;
}

export interface ScoredBudget {
  initial: number | null;
  fullYear: number;
  executed: number | null;
  weight: number;
  /** executed ÷ fullYear as a fraction, or null when it cannot be computed. */
  rate: number | null;
  score: number;
  explanation: string;
  deviationRequired: boolean;
  /** True when the profile makes the reason mandatory (default: execution below 90 %). */
  deviationMandatory: boolean;
  deviationReason: string | null;
}

export interface ScoredIndicator {
  level1: string;
  level2: string;
  name: string;
  target: string;
  kind: TargetKind;
  weight: number;
  actual: string | null;
  applicable: boolean;
  /** null while no actual value (or band) has been given, or when the row is 不适用. */
  score: number | null;
  /** Whether the target counts as met (null when unknown). */
  met: boolean | null;
  explanation: string;
  deviationRequired: boolean;
  /** Why a deviation reason is required, in Chinese, for the card and the report. */
  deviationWhy: string | null;
  deviationReason: string | null;
  band: string | null;
}

export interface LevelSubtotal {
  level1: string;
  weight: number;
  score: number;
}

export interface ScoreResult {
  profile: string;
  budget: ScoredBudget;
  indicators: ScoredIndicator[];
  subtotals: LevelSubtotal[];
  total: number;
  grade: string;
  warnings: Warning[];
}
