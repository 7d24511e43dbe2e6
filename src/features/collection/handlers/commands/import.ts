import { tr } from '#cards/shared/i18n';
import { importIntoChat, type SheetSource } from '../import-flow';
import { recentFileFrom } from '../messages/recent-file';
import type { Command, CommandContext } from '../../../shared/router';
import { fileOf, looksLikePastedTable, messageText } from '../messages/text';

/**
 * 导入 in a group: the table pasted in the same message, the file (or pasted table) the message
 * replies to, or — with the read-all scope — the file the person just sent. In a DM, the sheet is
 * sent as a file and the bot asks for the group (`../messages/receive.ts`, then `../actions/choose-group.ts`).
 */
export const importCommand: Command = {
  words: ['导入', 'import'],
  where: 'both',
  help: { usage: '@我 导入', description: tr('回复一条表格文件消息，或在同一条消息里粘贴表格', 'reply to a sheet file message, or paste the table in the same message') },
  async run(ctx) {
    if (ctx.event.chatType === 'p2p') {
      await ctx.say('请直接把 .xlsx 或 .csv 表格文件发给我，我会问你导入到哪个群。', 'import-dm-help');
      return;
    }
    const source = await findSheet(ctx);
    if (!source) {
      await ctx.say(
        '没有找到要导入的表格。请先把 .xlsx/.csv 文件发到群里，再“回复”那条文件消息并 @我 导入；也可以直接粘贴从 Excel 复制的表格并 @我 导入，或私聊把文件发给我。',
        'import-nothing',
      );
      return;
    }
    await importIntoChat(ctx.deps, {
      tenantKey: ctx.event.tenantKey,
      chatId: ctx.event.chatId,
      importerOpenId: ctx.event.sender.openId,
      source,
      key: ctx.event.messageId,
    });
  },
};

async function findSheet(ctx: CommandContext): Promise<SheetSource | null> {
  const { deps, event } = ctx;
  if (looksLikePastedTable(ctx.args)) return { kind: 'pasted', text: ctx.args };
  if (event.parentId) {
    const parent = await deps.lark.getMessage(event.parentId);
    const file = fileOf(parent);
    if (file) return { kind: 'file', fileName: file.fileName, bytes: await deps.lark.downloadMessageResource(parent.messageId, file.fileKey, 'file') };
    const text = messageText({ messageType: parent.msgType, content: parent.content });
    if (text && looksLikePastedTable(text)) return { kind: 'pasted', text };
  }
  const recent = await recentFileFrom(deps.db, { tenantKey: event.tenantKey, chatId: event.chatId, senderOpenId: event.sender.openId, now: deps.clock.now() });
  if (recent) return { kind: 'file', fileName: recent.fileName, bytes: await deps.lark.downloadMessageResource(recent.messageId, recent.fileKey, 'file') };
  return null;
}
