import type { FigureCheck } from './cross-checks';
import type { FormulaId, FormulaInput } from './formulas';

/**
 * What scoring a 部门整体 evaluation returns; cards, reports and `jixiao score --json` read this shape. Scores are
 * numbers rounded half up to 2 decimals.
 */
export interface DepartmentWarning {
  code: string;
  /** red: a number is wrong or a rule is broken; yellow: worth a look; info: an explained difference. */
  severity: 'red' | 'yellow' | 'info';
  /** The indicator (`过程/资产管理/资产管理安全性`), the account (`日常公用经费`) or `总分`. */
  node: string;
  /** The figure the report states, and the one jixiao computes, when the warning compares two numbers. */
  stated?: number | null;
  computed?: number | null;
  message: string;
}

export interface ScoredFormula {
  id: FormulaId;
  /** The framework's formula as written. */
  written: string;
  /** The formula with the unit's numbers: `在职人员控制率 = 在职人员数 7 ÷ 编制数 7 × 100% = 100.00%`. */
  expression: string | null;
  /** The rate in percent (100 = 100 %), null when it cannot be computed. */
  rate: number | null;
  inputs: FormulaInput[];
  /** Why it could not be computed. */
  missing: string | null;
}

export interface ScoredCriterion {
  /** Names from the 一级指标 down to this node. */
  path: string[];
  name: string;
  kind: 'group' | 'formula' | 'judged';
  /** A group's weight is the sum of its items; a 三级指标's is its 分值. */
  weight: number;
  /** The 分值 the report prints for a group (`目标设定（6分）`), or null. */
  statedWeight: number | null;
  /** Null while not yet given (judged) or not computable without the report's own score (formula). */
  score: number | null;
  /** The score the report prints: a group's 小计, a formula indicator's printed score. */
  statedScore: number | null;
  formula?: ScoredFormula;
  /** The 评分标准 for this weight. */
  standard: string | null;
  /** 指标解释 from the framework. */
  definition: string | null;
  note: string | null;
  /** Every number above in one Chinese line. */
  explanation: string;
  children: ScoredCriterion[];
}

export interface DepartmentResult {
  kind: 'department';
  unit: { name: string; year: string | null };
  template: string | null;
  /** The 一级指标 with their subtrees. */
  levels: ScoredCriterion[];
  total: number;
  grade: string;
  totalExplanation: string;
  /** True when every indicator has a score. */
  complete: boolean;
  /** Every sum the figures were checked against, kept or broken. */
  checks: FigureCheck[];
  warnings: DepartmentWarning[];
  /** Values that could not be read; their indicators are left unscored. */
  inputErrors: Array<{ node: string; message: string }>;
}

/** Every 三级指标 of a scored tree, in table order. */
export function scoredLeaves(levels: ScoredCriterion[]): ScoredCriterion[] {
  return levels.flatMap((n) => (n.kind === 'group' ? scoredLeaves(n.children) : [n]));
}

export function nodePath(node: { path: string[] }): string {
  return node.path.join('/');
}
