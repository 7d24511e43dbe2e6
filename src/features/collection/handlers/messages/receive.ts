import { chooseGroupCard } from '#cards/collection/choose-group';
import type { MessageEvent, OutgoingMessage } from '../../../../transport/contract';
import { errorFields } from '../../../../platform/log';
import type { FeatureDeps } from '../../../shared/feature';
import { sendKey } from '../../../../platform/send-key';
import { importCommand } from '../commands/import';
import { knownGroupsOf } from './known-groups';
import { findCommand, type Command, type CommandContext } from '../../../shared/router';
import { fileOf, looksLikePastedTable, mentionsBot, messageText } from './text';

/**
 * `im.message.receive_v1`: group messages that @mention the bot and every DM. A command runs; a table
 * pasted with an @mention is imported; a sheet sent by DM gets the choose-a-group card; anything else
 * gets a short pointer to 帮助. Failures are answered in the chat, never dropped silently.
 */
export function createMessageHandler(deps: FeatureDeps, commands: readonly Command[]) {
  return async function onMessage(event: MessageEvent): Promise<void> {
    if (event.sender.senderType !== 'user' || !event.sender.openId) return;
    const isGroup = event.chatType !== 'p2p';
    // with the read-all scope we also see files and chatter: act only when addressed
    if (isGroup && !mentionsBot(event, deps.botOpenId)) return;

    const reply = async (message: OutgoingMessage, key: string) => {
      const uuid = sendKey(`re-${key}`, event.messageId);
      if (deps.lark.replyMessage) await deps.lark.replyMessage(event.messageId, message, { uuid });
      else await deps.lark.sendMessage('chat_id', event.chatId, message, { uuid, tenantKey: event.tenantKey });
    };
    const say = (text: string, key: string) => reply({ msgType: 'text', content: { text } }, key);

    try {
      if (!isGroup && event.messageType === 'file') {
        const file = fileOf(event);
        if (!file) return say('没能读出这个文件，请重新发送 .xlsx 或 .csv 文件。', 'file-unreadable');
        const groups = await knownGroupsOf(deps.db, { tenantKey: event.tenantKey, openId: event.sender.openId });
        return reply({ msgType: 'interactive', content: chooseGroupCard({ ...file, messageId: event.messageId, sender: event.sender.openId, groups }) }, 'choose-group');
      }
      const text = messageText(event);
      if (text === null) return say('我能读文字消息和 .xlsx/.csv 表格文件。发送「帮助」查看可以做什么。', 'unsupported');

      const ctx = (args: string): CommandContext => ({ deps, event, text, args, reply, say });
      const found = findCommand(commands, text, event.chatType);
      if (found) return await found.command.run(ctx(found.args));
      if (looksLikePastedTable(text)) {
        if (isGroup) return await importCommand.run(ctx(text));
        return say('粘贴的表格请发到项目群里并 @我；私聊时请把 .xlsx 或 .csv 文件发给我，我会问你导入到哪个群。', 'pasted-dm');
      }
      const shown = text.length > 20 ? `${text.slice(0, 20)}…` : text;
      return say(text ? `没听懂“${shown}”。发送「帮助」查看可以做什么。` : '在的。发送「帮助」查看可以做什么。', 'unknown');
    } catch (error) {
      deps.log.error('message handler failed', { messageId: event.messageId, ...errorFields(error) });
      await say('处理这条消息时出错了，什么都没有改动。请稍后再试一次。', 'failed').catch(() => undefined);
    }
  };
}
