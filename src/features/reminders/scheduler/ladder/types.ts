import type { DateKey } from '../../../../platform/time';
import type { LadderSettings } from './settings';

/** What the planner needs to know about one evaluation that is collecting values. */
export interface EvaluationSnapshot {
  id: string;
  title: string;
  /** The group the evaluation was imported in. */
  chatId: string;
  tenantKey?: string;
  startedAt: Date;
  /** The instant answers are due by: for a deadline date, the Shanghai midnight that ends it. */
  deadline: Date;
  settings: LadderSettings;
  /** Once the summary is out (complete, or an admin's 按现有数据汇总) nobody is chased any more. */
  summaryPosted?: boolean;
  owners: OwnerSnapshot[];
  admins: Person[];
}

export interface Person {
  openId: string;
  name: string;
}

export interface OwnerSnapshot extends Person {
  /** Indicators assigned to this owner that have no committed value yet. */
  pending: number;
  /** Names of the pending indicators, for the reminder text (may be cut short by the renderer). */
  pendingItems: string[];
  /** Ids of the same rows, in the same order (the reminder's 开始填写 opens the first). */
  pendingItemIds?: string[];
  /** On leave through this Shanghai date (inclusive): reminders pause until the day after. */
  leaveUntil?: DateKey | null;
  /** The owner's collection card, which 加急 buzzes. */
  cardMessageId?: string | null;
  /** The collection flow already sent (or queued) this owner a card, so the first-card step is moot. */
  contacted?: boolean;
}

export const STEPS = ['first_card', 'owner_dm', 'group_notice', 'urgent', 'admin_daily'] as const;
export type StepName = (typeof STEPS)[number];

interface StepBase {
  /** Outbox key: evaluation, person, step and (except for the first card) the day it is scheduled for. */
  key: string;
  evaluationId: string;
  person: string;
  step: StepName;
  day: DateKey | null;
  /** When it became due (after quiet hours). */
  dueAt: Date;
}

export type PlannedStep =
  | (StepBase & { step: 'first_card'; owner: OwnerSnapshot })
  | (StepBase & { step: 'owner_dm'; owner: OwnerSnapshot })
  | (StepBase & { step: 'group_notice'; chatId: string; mention: boolean; owners: OwnerSnapshot[] })
  | (StepBase & { step: 'urgent'; owner: OwnerSnapshot })
  | (StepBase & { step: 'admin_daily'; admin: Person; pendingOwners: OwnerSnapshot[] });

export function outboxKey(evaluationId: string, person: string, step: StepName, day: DateKey | null): string {
  return [evaluationId, person, step, ...(day ? [day] : [])].join('|');
}
