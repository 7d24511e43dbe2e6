import { helpCard } from '#cards/shared/help';
import type { BotMembershipEvent, EventMeta } from '../../../../transport/event-types';
import type { CollectionHandlerDeps } from '../../../shared/deps';
import { sendCard } from '../../../shared/send';
import { sendUuid } from '../../../../platform/send-key';
import { COMMANDS } from '../../../commands';

/** Added to a group: say once what the bot does there, with the group's commands. */
export function createBotAddedHandler(deps: CollectionHandlerDeps) {
  return async function onBotAdded(event: BotMembershipEvent, meta: EventMeta): Promise<void> {
    const commands = COMMANDS.filter((c) => c.where !== 'p2p').map((c) => c.help);
    await sendCard(deps, { type: 'chat_id', id: event.chatId, tenantKey: meta.tenantKey }, helpCard({ where: 'group', commands }), sendUuid('welcome', event.chatId));
  };
}
