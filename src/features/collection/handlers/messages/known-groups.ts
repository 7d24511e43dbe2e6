import type { Kysely } from 'kysely';
import type { Database } from '../../../../storage/database';
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
  const rows = await db
    .selectFrom('evaluations')
    .select(['evaluations.chat_id', 'evaluations.project_name'])
    .where('evaluations.tenant_key', '=', req.tenantKey)
    .where('evaluations.chat_id', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('evaluations.importer_open_id', '=', req.openId),
        eb.exists(eb.selectFrom('evaluation_admins').select('evaluation_admins.open_id').whereRef('evaluation_admins.evaluation_id', '=', 'evaluations.id').where('evaluation_admins.open_id', '=', req.openId)),
        eb.exists(eb.selectFrom('indicators').select('indicators.id').whereRef('indicators.evaluation_id', '=', 'evaluations.id').where('indicators.owner_open_id', '=', req.openId)),
      ]),
    )
    .orderBy('evaluations.created_at', 'desc')
    .limit(MAX_GROUPS)
    .execute();
  return rows.map((r) => ({ chatId: r.chat_id!, name: `「${r.project_name}」所在群` }));
}

async function recentGroups(db: Kysely<Database>, req: { tenantKey: string; openId: string }) {
  const rows = await db
    .selectFrom('lark_inbound_events')
    .select(['event_type', 'payload'])
    .where('tenant_key', '=', req.tenantKey)
    .where('event_type', 'in', ['im.message.receive_v1', 'im.chat.member.bot.added_v1'])
    .orderBy('received_at', 'desc')
    .limit(SCAN)
    .execute();
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
