import { helpCommand } from './commands/help';
import { importCommand } from './commands/import';
import { mineCommand } from './commands/mine';
import { overviewCommand } from './commands/overview';
import { progressCommand } from './commands/progress';
import { templateCommand } from './commands/template';
import type { Command } from './router';
import { REMINDER_COMMANDS } from '../reminders/commands';
import { summaryCommand, unitRollupCommand } from '../../summary/chat-commands';

/**
 * Every chat command, one row each. To add one, write `commands/<name>.ts` exporting a `Command` and
 * add its row here; 帮助 lists the rows in this order.
 */
export const COMMANDS: Command[] = [
  importCommand,
  templateCommand,
  progressCommand,
  summaryCommand,
  unitRollupCommand,
  overviewCommand,
  mineCommand,
  ...REMINDER_COMMANDS,
  helpCommand(() => COMMANDS),
];
