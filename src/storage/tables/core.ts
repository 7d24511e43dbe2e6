import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Table interfaces of `migrations/0001_core.sql`. Column comments live in the migration. */

export type EvaluationStatus = 'draft' | 'collecting' | 'reviewing' | 'final';
export type ValueStatus = 'pending' | 'submitted' | 'approved' | 'returned';
export type IndicatorKind = 'budget' | 'indicator';
export type OwnerProblem = 'missing' | 'not_found' | 'ambiguous';
export type AdminRole = 'importer' | 'admin';
export type OutboxStatus = 'pending' | 'sent' | 'failed';

export interface TenantsTable {
  tenant_key: string;
  created_at: string;
}

export interface EvaluationsTable {
  id: string;
  tenant_key: string;
  chat_id: string | null;
  status: EvaluationStatus;
  project_name: string;
  department: string | null;
  implementing_unit: string | null;
  year: string | null;
  budget_initial: string | null;
  budget_full_year: string;
  budget_sources_json: string | null;
  goals_expected: string | null;
  goals_actual: string | null;
  printed_total: string | null;
  rule_profile: string;
  deadline: string | null;
  importer_open_id: string;
  source_file_name: string | null;
  /** The message or callback the import came from (0004); null for CLI imports. */
  source_key: string | null;
  progress_message_id: string | null;
  summary_posted_at: string | null;
  locked_at: string | null;
  locked_by: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface EvaluationAdminsTable {
  evaluation_id: string;
  open_id: string;
  role: AdminRole;
  added_by: string;
  added_at: string;
}

export interface IndicatorsTable {
  id: string;
  evaluation_id: string;
  position: number;
  kind: IndicatorKind;
  level1: string;
  level2: string;
  name: string;
  target_raw: string;
  target_kind: string | null;
  target_json: string | null;
  weight: string;
  printed_score: string | null;
  owner_raw: string | null;
  owner_open_id: string | null;
  owner_name: string | null;
  owner_problem: OwnerProblem | null;
  owner_candidates_json: string | null;
  due_date: string | null;
}

export interface IndicatorValuesTable {
  indicator_id: string;
  evaluation_id: string;
  status: ValueStatus;
  actual: string | null;
  band: string | null;
  manual_score: string | null;
  /** 1 or 0 (SQLite has no boolean). */
  applicable: number;
  score: number | null;
  explanation: string | null;
  deviation_reason: string | null;
  review_comment: string | null;
  version: number;
  submitted_by: string | null;
  submitted_at: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  updated_at: string;
}

export interface HistoryTable {
  id: Generated<number>;
  evaluation_id: string;
  indicator_id: string | null;
  version: number | null;
  action: string;
  actor_open_id: string;
  at: string;
  before_json: string | null;
  after_json: string | null;
  comment: string | null;
}

export interface OutboxTable {
  id: Generated<number>;
  dedupe_key: string;
  tenant_key: string;
  evaluation_id: string | null;
  receive_id_type: string;
  receive_id: string;
  msg_type: string;
  content_json: string;
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  not_before: string;
  last_error: string | null;
  message_id: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface CardMessagesTable {
  message_id: string;
  evaluation_id: string;
  kind: string;
  recipient_id: string;
  indicator_id: string | null;
  created_at: string;
}

export interface CoreTables {
  tenants: TenantsTable;
  evaluations: EvaluationsTable;
  evaluation_admins: EvaluationAdminsTable;
  indicators: IndicatorsTable;
  indicator_values: IndicatorValuesTable;
  history: HistoryTable;
  outbox: OutboxTable;
  card_messages: CardMessagesTable;
}

export type EvaluationRow = Selectable<EvaluationsTable>;
export type IndicatorRow = Selectable<IndicatorsTable>;
export type IndicatorValueRow = Selectable<IndicatorValuesTable>;
export type HistoryRow = Selectable<HistoryTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type NewOutboxMessage = Insertable<OutboxTable>;
export type EvaluationUpdate = Updateable<EvaluationsTable>;
