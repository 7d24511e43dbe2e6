/**
 * The `value.action` names of the reminders feature's cards (the admins' overdue DM: 延期, 关闭收集,
 * 按现有数据汇总). `src/features/reminders/feature.ts` maps each one to a handler with
 * `satisfies Record<ReminderAction, …>`. Cards already in chats carry these strings: never rename one.
 */
export const REMINDER_ACTIONS = {
  extend: 'reminder.extend',
  close: 'reminder.close',
  summarize: 'reminder.summarize',
} as const;

export type ReminderAction = (typeof REMINDER_ACTIONS)[keyof typeof REMINDER_ACTIONS];
