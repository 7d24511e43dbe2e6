import { adminOverdueCard } from '#cards/reminders/admin-overdue';
import { reminderDmCard } from '#cards/reminders/reminder-dm';
import { reminderGroupCard } from '#cards/reminders/reminder-group';
import type { CardJson, ReceiveIdType } from '../../../transport/contract';
import { addDays, shanghaiDate } from '../../../platform/time';
import type { WorkCalendar } from './calendar/work-calendar';
import type { EvaluationSnapshot, PlannedStep } from './ladder/types';

/** What goes into the outbox row of a step: a card to send, or a buzz on an existing card. */
export type StepMessage =
  | { msgType: 'interactive'; receiveIdType: ReceiveIdType; receiveId: string; content: CardJson }
  | { msgType: typeof URGENT_MSG_TYPE; receiveIdType: 'open_id'; receiveId: string; content: UrgentContent };

/** Outbox rows of this type are not messages: the drainer calls `urgentApp` on `messageId`. */
export const URGENT_MSG_TYPE = 'urgent_app';

export interface UrgentContent {
  /** The owner's card to buzz; when unknown, `fallback` is sent first (same uuid) and buzzed. */
  messageId: string | null;
  openId: string;
  fallback: CardJson;
}

export function renderStep(step: PlannedStep, evaluation: EvaluationSnapshot, calendar: WorkCalendar): StepMessage {
  // The stored deadline is the midnight that ends the last day; people think in that last day.
  const deadline = addDays(shanghaiDate(evaluation.deadline), -1);
  switch (step.step) {
    case 'first_card':
    case 'owner_dm':
      return {
        msgType: 'interactive',
        receiveIdType: 'open_id',
        receiveId: step.owner.openId,
        content: reminderDmCard({
          project: evaluation.title,
          deadline,
          pendingItems: step.owner.pendingItems,
          pendingCount: step.owner.pending,
          stage: 'due',
          open: openFirst(evaluation.id, step.owner.pendingItemIds),
        }),
      };
    case 'group_notice':
      return {
        msgType: 'interactive',
        receiveIdType: 'chat_id',
        receiveId: step.chatId,
        content: reminderGroupCard({
          project: evaluation.title,
          deadline,
          ...(step.day ? { sentOn: step.day } : {}),
          mention: step.mention,
          owners: step.owners.map((o) => ({ openId: o.openId, name: o.name, pending: o.pending })),
        }),
      };
    case 'urgent':
      return {
        msgType: URGENT_MSG_TYPE,
        receiveIdType: 'open_id',
        receiveId: step.owner.openId,
        content: {
          messageId: step.owner.cardMessageId ?? null,
          openId: step.owner.openId,
          fallback: reminderDmCard({
            project: evaluation.title,
            deadline,
            pendingItems: step.owner.pendingItems,
            pendingCount: step.owner.pending,
            stage: 'last_day',
            ...(step.day ? { sentOn: step.day } : {}),
            open: openFirst(evaluation.id, step.owner.pendingItemIds),
          }),
        },
      };
    case 'admin_daily': {
      const today = step.day ?? shanghaiDate(step.dueAt);
      return {
        msgType: 'interactive',
        receiveIdType: 'open_id',
        receiveId: step.admin.openId,
        content: adminOverdueCard({
          evaluationId: evaluation.id,
          project: evaluation.title,
          deadline,
          suggestedDeadline: nextWorkingDays(today, 3, calendar),
          owners: step.pendingOwners.map((o) => ({ name: o.name, pending: o.pending, leaveUntil: o.leaveUntil ?? null })),
        }),
      };
    }
  }
}

function openFirst(evaluationId: string, itemIds: string[] | undefined) {
  const first = itemIds?.[0];
  return first ? { evaluationId, indicatorId: first } : null;
}

function nextWorkingDays(from: string, n: number, calendar: WorkCalendar): string {
  let day = from;
  for (let i = 0; i < n; i++) day = calendar.nextWorkingDay(day);
  return day;
}
