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
  /** red: a number is wrong or a rule is broken; yellow: worth a look; info: explained difference (e.g. integer rounding). */
  severity?: 'red' | 'yellow' | 'info';
}

/** A value the engine could not read; the row is left unscored. `message` says what to type. */
export interface InputIssue {
  code: string;
  message: string;
  /** Index into `indicators` (0-based), or absent for the budget line. */
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
  /** True while 全年执行数 has not been given (score is then 0). */
  pending?: boolean;
  printedScore?: number | null;
  printedRate?: number | null;
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
  /** Target and actual as numbers in the target's unit as written (`≥10亿元` → 10, 7.71), when numeric. */
  targetValue?: number | null;
  actualValue?: number | null;
  /** The target's unit as written after the number: `份`, `万元`, `%`. */
  unit?: string | null;
  printedScore?: number | null;
  owner?: string | null;
}

export interface LevelSubtotal {
  level1: string;
  weight: number;
  score: number;
}

/** A change a regional profile made after the rows were scored (profile `yitihua`), with its explanation. */
export interface ProfileAdjustment {
  code: 'overshoot-deduction' | 'execution-cap';
  /** Index into `indicators` for a row's deduction; absent for the total's cap. */
  indicator?: number;
  /** Points taken off. */
  points: number;
  message: string;
}

export interface ScoreResult {
  profile: string;
  budget: ScoredBudget;
  indicators: ScoredIndicator[];
  subtotals: LevelSubtotal[];
  total: number;
  grade: string;
  warnings: Warning[];
  /** How the total was formed (sum of rounded rows, or rescaled when rows are 不适用). */
  totalExplanation?: string;
  /** Values that could not be read; their rows are unscored. Empty when the input is clean. */
  inputErrors?: InputIssue[];
  /** True when every applicable row and the budget line have a score. */
  complete?: boolean;
  /** Deductions and caps of a regional profile, in the order applied; absent or empty under the national rules. */
  adjustments?: ProfileAdjustment[];
}
