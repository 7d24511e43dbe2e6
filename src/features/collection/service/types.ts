import type { Kysely } from 'kysely';
import type { Band } from '../../../domain/evaluation';
import type { ScoredBudget, ScoredIndicator } from '../../../domain/scoring/result';
import type { Clock } from '../../../platform/clock';
import type { Database } from '../../../storage/database';
import type { EvaluationStatus, IndicatorKind, OwnerProblem, ValueStatus } from '../../../storage/tables/core';

export type { EvaluationStatus, IndicatorKind, OwnerProblem, ValueStatus };

/** What every collection service needs. People are named by open_id everywhere. */
export interface CollectionDeps {
  db: Kysely<Database>;
  clock: Clock;
}

/** A member of the evaluation's group chat. */
export interface Member {
  openId: string;
  name: string;
}

/**
 * Where owners are looked up: the group's members (names and open_ids), and optionally a lookup of
 * emails and mobiles (Lark's batch_get_id; absent in the CLI).
 */
export interface OwnerDirectory {
  members: readonly Member[];
  lookupContacts?(query: { emails: string[]; mobiles: string[] }): Promise<Array<{ email?: string; mobile?: string; openId: string | null }>>;
}

/** How one 责任人 cell was understood. Names that match nobody or several people are never guessed. */
export type OwnerResolution =
  | { status: 'resolved'; raw: string; openId: string; name: string | null; via: 'name' | 'email' | 'mobile' | 'open_id' }
  | { status: 'missing'; raw: null }
  | { status: 'not_found'; raw: string }
  | { status: 'ambiguous'; raw: string; candidates: Member[] };

/** One question of the evaluation: the budget line's 全年执行数 (position 0) or an indicator. */
export interface ItemView {
  id: string;
  evaluationId: string;
  position: number;
  kind: IndicatorKind;
  level1: string;
  level2: string;
  name: string;
  /** 年度指标值 as written; for the budget line the 全年预算数. */
  target: string;
  /** The engine's reading of the target (`positive`, `qualitative`, …), or null when it could not parse it. */
  targetKind: string | null;
  weight: number;
  printedScore: string | null;
  owner: {
    raw: string | null;
    openId: string | null;
    name: string | null;
    problem: OwnerProblem | null;
    candidates: Member[];
  };
  dueDate: string | null;
  value: ValueView;
}

export interface ValueView {
  status: ValueStatus;
  actual: string | null;
  band: Band | null;
  manualScore: string | null;
  applicable: boolean;
  score: number | null;
  explanation: string | null;
  deviationReason: string | null;
  reviewComment: string | null;
  /** Pass back as `expectedVersion` (and as the card's `rev`) on the next write. */
  version: number;
  submittedBy: string | null;
  submittedAt: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
}

export interface EvaluationView {
  id: string;
  tenantKey: string;
  chatId: string | null;
  status: EvaluationStatus;
  project: { name: string; department: string | null; implementingUnit: string | null; year: string | null };
  budget: {
    initial: string | null;
    fullYear: string;
    sources: Record<string, Record<string, string | number | null>> | null;
  };
  goals: { expected: string | null; actual: string | null };
  printedTotal: string | null;
  ruleProfile: string;
  /** YYYY-MM-DD (the last day answers are expected, Asia/Shanghai). */
  deadline: string | null;
  importerOpenId: string;
  admins: string[];
  sourceFileName: string | null;
  progressMessageId: string | null;
  summaryPostedAt: string | null;
  lockedAt: string | null;
  lockedBy: string | null;
  /** Bumped by every change of settings or status: the preview card's `rev`. */
  version: number;
  createdAt: string;
  /** Budget line first, then indicators in table order. */
  items: ItemView[];
}

export interface Progress {
  evaluationId: string;
  status: EvaluationStatus;
  total: number;
  /** Rows with an answer (submitted or approved). */
  answered: number;
  pending: number;
  submitted: number;
  approved: number;
  returned: number;
  /** Owners with something still to answer (pending or returned), most first. */
  waitingOn: Array<{ openId: string; name: string | null; open: number; total: number }>;
  /** Rows nobody owns yet. */
  unassigned: number;
}

/** Why a service refused; `message` is Chinese and says what to do. Nothing was written. */
export type Refusal =
  | { ok: false; code: 'not_found'; message: string }
  | { ok: false; code: 'forbidden'; message: string }
  | { ok: false; code: 'wrong_status'; message: string }
  | { ok: false; code: 'conflict'; message: string; current: ItemView }
  | { ok: false; code: 'invalid_input'; message: string; field: InputField }
  | {
      ok: false;
      code: 'deviation_required';
      message: string;
      /** Why the rules require 偏差原因分析及改进措施 for this value. */
      why: string;
      scored: ScoredIndicator | ScoredBudget;
    };

export type InputField = 'actual' | 'band' | 'score' | 'deviationReason' | 'comment' | 'deadline' | 'owner';

export type Outcome<T> = ({ ok: true } & T) | Refusal;

/** What an owner typed on the entry card. */
export interface SubmitInput {
  itemId: string;
  actor: string;
  /** The `version` the card was built from; a different current version is a conflict. */
  expectedVersion: number;
  /** 实际完成值 as typed (for the budget line: 全年执行数), or for a qualitative row its description. */
  actual?: string | null;
  band?: Band | null;
  /** A score inside the band, for qualitative rows when the person chooses one. */
  score?: string | number | null;
  /** false = 不适用 (the row is dropped and the rest rescaled). */
  applicable?: boolean;
  deviationReason?: string | null;
}

export interface Submitted {
  item: ItemView;
  /** The evaluation as this commit left it (the caller need not read it again). */
  evaluation: EvaluationView;
  scored: ScoredIndicator | ScoredBudget;
  evaluationStatus: EvaluationStatus;
  /** Set when the summary was already posted: a short 变更 notice for the group. */
  changeNotice: string | null;
}
