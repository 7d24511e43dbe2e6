import type { Command } from '../../shared/router';
import { handoverCommand } from '../../collection/handlers/commands/handover';
import { cancelLeaveCommand, leaveCommand } from './leave';
import { reminderSettingsCommand } from './reminder-settings';

/** The reminder feature's chat commands, for the command router's `COMMANDS` list. */
export const REMINDER_COMMANDS: Command[] = [leaveCommand, cancelLeaveCommand, handoverCommand, reminderSettingsCommand];
