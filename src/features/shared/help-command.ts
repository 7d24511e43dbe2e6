import { helpCard } from '#cards/shared/help';
import { tr } from '#cards/shared/i18n';
import type { Command } from './router';

/** 帮助: the commands that work here, read from the router's own table. */
export function helpCommand(all: () => readonly Command[]): Command {
  return {
    words: ['帮助', 'help', '?', '？'],
    where: 'both',
    help: { usage: '@我 帮助', description: tr('显示这份说明', 'show this help') },
    async run(ctx) {
      const where = ctx.event.chatType === 'p2p' ? 'p2p' : 'group';
      const commands = all()
        .filter((c) => c.where === 'both' || c.where === where)
        .map((c) => (where === 'p2p' ? { ...c.help, usage: c.help.usage.replace(/^@我\s*/, '') } : c.help));
      await ctx.reply({ msgType: 'interactive', content: helpCard({ where, commands }) }, 'help');
    },
  };
}
