import { helpCard } from '#cards/shared/help';
import type { BotMembershipEvent, EventMeta } from '../../../../transport/event-types';
import type { FeatureDeps } from '../../../shared/feature';
import { sendCard } from '../../../shared/send';
import { sendKey } from '../../../../platform/send-key';
import type { Command } from '../../../shared/router';

/** Added to a group: say once what the bot does there, with the group's commands. */
export function createBotAddedHandler(deps: FeatureDeps, commands: readonly Command[]) {
  return async function onBotAdded(event: BotMembershipEvent, meta: EventMeta): Promise<void> {
    const groupCommands = commands.filter((c) => c.where !== 'p2p').map((c) => c.help);
    await sendCard(deps, { type: 'chat_id', id: event.chatId, tenantKey: meta.tenantKey }, helpCard({ where: 'group', commands: groupCommands }), sendKey('welcome', event.chatId));
  };
}
