import { REMINDER_ACTIONS as A, type ReminderAction } from '#cards/reminders/actions';
import type { ActionHandler, Feature } from '../shared/feature';
import { cancelLeaveCommand, leaveCommand } from './handlers/leave';
import { closeCollection, extendDeadline, summarizeNow } from './handlers/overdue';
import { reminderSettingsCommand } from './handlers/reminder-settings';

/**
 * Reminders: the ladder the scheduler runs every minute on Chinese working days (`scheduler/`), the
 * owners' 请假至 / 取消请假, the admins' 提醒设置, and the three ways out of the overdue DM (延期,
 * 关闭收集, 按现有数据汇总).
 */
export const remindersFeature = {
  name: 'reminders',
  actions: {
    [A.extend]: extendDeadline,
    [A.close]: closeCollection,
    [A.summarize]: summarizeNow,
  } satisfies Record<ReminderAction, ActionHandler>,
  commands: [leaveCommand, cancelLeaveCommand, reminderSettingsCommand],
} satisfies Feature;
