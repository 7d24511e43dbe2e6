import type { Kysely } from 'kysely';
import type { Database } from '../../../../storage/database';
import { listGroupsOfPerson } from '../../../../storage/repositories/collection/evaluations';
import { recentMessageAndMembershipEvents } from '../../../../storage/repositories/transport/recent-events';
import type { InboundEnvelope } from '../../../../transport/inbound/envelope';
import { parseBotMembership, parseMessageEvent } from '../../../../transport/inbound/parse-message';

/**
 * The groups a person is known to share with the bot, to offer a choice when they send a sheet by DM
 * (Lark has no cheap "chats we share" call; membership is checked again when they choose): the chats
 * of evaluations they imported, administer or answer in, then groups where they recently @mentioned
 * the bot (the event inbox keeps ≥ 8 h), named from the bot-added event when it is still there.
 */
const MAX_GROUPS = 30;
const SCAN = 200;

export async function knownGroupsOf(db: Kysely<Database>, req: { tenantKey: string; openId: string }): Promise<Array<{ chatId: string; name: string }>> {
  const groups = new Map<string, string>();
  for (const g of await evaluationGroups(db, req)) if (!groups.has(g.chatId)) groups.set(g.chatId, g.name);
  for (const g of await recentGroups(db, req)) if (!groups.has(g.chatId)) groups.set(g.chatId, g.name);
  return [...groups].slice(0, MAX_GROUPS).map(([chatId, name]) => ({ chatId, name }));
}

async function evaluationGroups(db: Kysely<Database>, req: { tenantKey: string; openId: string }) {
  const rows = await listGroupsOfPerson(db, { ...req, limit: MAX_GROUPS });
  return rows.map((r) => ({ chatId: r.chat_id!, name: `「${r.project_name}」所在群` }));
}

async function recentGroups(db: Kysely<Database>, req: { tenantKey: string; openId: string }) {
  const rows = await recentMessageAndMembershipEvents(db, { tenantKey: req.tenantKey, limit: SCAN });
  const names = new Map<string, string>();
  const mine: string[] = [];
  for (const row of rows) {
    let envelope: InboundEnvelope;
    try {
      envelope = JSON.parse(row.payload) as InboundEnvelope;
    } catch {
      continue;
    }
    if (row.event_type === 'im.chat.member.bot.added_v1') {
      const added = parseBotMembership(envelope.event);
      if (added?.name) names.set(added.chatId, added.name);
      continue;
    }
    const message = parseMessageEvent(envelope.event, envelope);
    if (message && message.chatType === 'group' && message.sender.openId === req.openId && !mine.includes(message.chatId)) mine.push(message.chatId);
  }
  return mine.map((chatId) => ({ chatId, name: names.get(chatId) ?? `最近 @我 的群（…${chatId.slice(-6)}）` }));
}
