import type { Selectable } from 'kysely';

/** Table interfaces of `migrations/0003_scheduler.sql`. Column comments live in the migration. */

export interface SchedulerLeasesTable {
  name: string;
  holder: string;
  expires_at: string;
  acquired_at: string;
}

export interface ReminderStepsTable {
  step_key: string;
  evaluation_id: string;
  person: string;
  step: string;
  day: string | null;
  outbox_key: string;
  due_at: string;
  planned_at: string;
}

export interface ReminderSettingsTable {
  evaluation_id: string;
  settings_json: string;
  updated_by: string;
  updated_at: string;
}

export interface OwnerLeavesTable {
  evaluation_id: string;
  open_id: string;
  until_date: string;
  reason: string | null;
  created_at: string;
}

export type HandoverStatus = 'pending' | 'approved' | 'declined';

export interface HandoverRequestsTable {
  id: string;
  evaluation_id: string;
  from_open_id: string;
  to_open_id: string;
  to_name: string | null;
  status: HandoverStatus;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
}

export interface SchedulerTables {
  scheduler_leases: SchedulerLeasesTable;
  reminder_steps: ReminderStepsTable;
  reminder_settings: ReminderSettingsTable;
  owner_leaves: OwnerLeavesTable;
  handover_requests: HandoverRequestsTable;
}

export type ReminderStepRow = Selectable<ReminderStepsTable>;
export type HandoverRequestRow = Selectable<HandoverRequestsTable>;
