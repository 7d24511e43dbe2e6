import { ADMIN_OVERDUE_ACTIONS } from '#cards/reminders/admin-overdue';
import { HANDOVER_ACTIONS } from '#cards/collection/handover-confirm';
import type { CardAction, CardActionResponse } from '../../transport/contract';
import type { Dispatcher } from '../../transport/dispatcher';
import { HANDOVER_HANDLERS } from '../collection/handlers/actions/handover';
import { OVERDUE_HANDLERS } from './handlers/overdue';
import type { ReminderHandlerDeps } from './handlers/deps';

export { REMINDER_COMMANDS } from './handlers/commands';
export type { ReminderHandlerDeps } from './handlers/deps';

/** The card actions of the reminder feature: pass these to `createDispatcher` with the others. */
export const REMINDER_ACTION_NAMES = [...Object.values(ADMIN_OVERDUE_ACTIONS), ...Object.values(HANDOVER_ACTIONS)];

type Handler = (deps: ReminderHandlerDeps, action: CardAction) => Promise<CardActionResponse>;
const HANDLERS: Record<string, Handler> = { ...OVERDUE_HANDLERS, ...HANDOVER_HANDLERS };

/**
 * Wires the admin's overdue buttons (延期 / 关闭收集 / 按现有数据汇总) and the hand-over confirmation.
 * The text commands (请假至, 取消请假, 转交, 提醒设置) join the router through `REMINDER_COMMANDS`.
 */
export function registerReminderHandlers(dispatcher: Dispatcher<string>, deps: ReminderHandlerDeps): void {
  for (const name of REMINDER_ACTION_NAMES) {
    const handler = HANDLERS[name]!;
    dispatcher.onAction(name, (action) => handler(deps, action));
  }
}
