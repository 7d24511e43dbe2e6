import { tr } from '#cards/shared/i18n';
import { findEvaluationsInChat } from '../../service';
import { overviewCardFor } from '../views/overview';
import type { Command } from '../../../shared/router';

/**
 * 总览 (admins): every row, the running total and grade, and lock / reopen. (`汇总` posts the formal
 * summary with its files — the summary feature's row in the command table.)
 */
export const overviewCommand: Command = {
  words: ['总览', '锁定', 'overview'],
  where: 'group',
  help: { usage: '@我 总览', description: tr('查看各项填报、当前总分，锁定或重新开放', 'see every entry and the running total; lock or reopen'), adminOnly: true },
  async run(ctx) {
    const { deps, event } = ctx;
    const [evaluation] = await findEvaluationsInChat(deps.db, { tenantKey: event.tenantKey, chatId: event.chatId });
    if (!evaluation) {
      await ctx.say('本群还没有导入评价。', 'overview-none');
      return;
    }
    if (!evaluation.admins.includes(event.sender.openId)) {
      await ctx.say('只有导入人和管理员可以查看总览。需要的话请导入人在预览卡片上把你加为管理员。', 'overview-forbidden');
      return;
    }
    await ctx.reply({ msgType: 'interactive', content: overviewCardFor(evaluation) }, 'overview');
  },
};
