import { helpCommand } from './shared/help-command';
import { importCommand } from './collection/handlers/commands/import';
import { mineCommand } from './collection/handlers/commands/mine';
import { overviewCommand } from './collection/handlers/commands/overview';
import { progressCommand } from './collection/handlers/commands/progress';
import { templateCommand } from './collection/handlers/commands/template';
import type { Command } from './shared/router';
import { REMINDER_COMMANDS } from './reminders/handlers/commands';
import { summaryCommand, unitRollupCommand } from './summary/chat-commands';

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
