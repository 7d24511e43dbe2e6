import { tr } from '#cards/shared/i18n';
import { findEvaluationsInChat, setProgressMessage } from '../../service';
import { sendKey } from '../../../../platform/send-key';
import { progressCardFor } from '../views/progress';
import type { Command } from '../../../shared/router';

/**
 * 进度: posts the progress card anew at the bottom of the chat; that copy becomes the one patched
 * from now on, so the current card is always the easy one to find.
 */
export const progressCommand: Command = {
  words: ['进度', 'progress'],
  where: 'group',
  help: { usage: '@我 进度', description: tr('查看本群评价的填报进度', 'show how far this group’s evaluation is') },
  async run(ctx) {
    const { deps, event } = ctx;
    const [evaluation] = await findEvaluationsInChat(deps.db, { tenantKey: event.tenantKey, chatId: event.chatId, statuses: ['collecting', 'reviewing', 'final'] });
    if (!evaluation) {
      await ctx.say('本群还没有正在收集的评价。导入表格后点“开始收集”即可。', 'progress-none');
      return;
    }
    const sent = await deps.lark.sendMessage('chat_id', event.chatId, { msgType: 'interactive', content: progressCardFor(evaluation, deps.clock.now()) }, { uuid: sendKey('progress-cmd', event.messageId) });
    await setProgressMessage(deps, { evaluationId: evaluation.id, messageId: sent.messageId });
  },
};
