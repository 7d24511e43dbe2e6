import type { Command } from '../../messages/router';
import { handoverCommand } from './handover';
import { cancelLeaveCommand, leaveCommand } from './leave';
import { reminderSettingsCommand } from './settings';

/** The reminder feature's chat commands, for the command router's `COMMANDS` list. */
export const REMINDER_COMMANDS: Command[] = [leaveCommand, cancelLeaveCommand, handoverCommand, reminderSettingsCommand];
