import type { Kysely } from 'kysely';
import type { Database } from '../../database';

/**
 * Read-only questions the chat handlers ask of the event inbox, which the transport keeps for about a day
 * (Lark retries an event for ~7 h). Payloads are the envelopes as recorded; callers parse them with the
 * transport's own parsers.
 */

/** Message events of one chat since `since`, newest first. */
export async function recentMessagePayloadsInChat(
  db: Kysely<Database>,
  req: { tenantKey: string; chatId: string; since: string; limit: number },
): Promise<string[]> {
  const rows = await db
    .selectFrom('lark_inbound_events')
    .select('payload')
    .where('event_type', '=', 'im.message.receive_v1')
    .where('tenant_key', '=', req.tenantKey)
    .where('received_at', '>=', req.since)
    .where('chat_id', '=', req.chatId)
    .orderBy('received_at', 'desc')
    .limit(req.limit)
    .execute();
  return rows.map((r) => r.payload);
}

/** A tenant's newest message and bot-added events, newest first. */
export function recentMessageAndMembershipEvents(
  db: Kysely<Database>,
  req: { tenantKey: string; limit: number },
): Promise<Array<{ event_type: string; payload: string }>> {
  return db
    .selectFrom('lark_inbound_events')
    .select(['event_type', 'payload'])
    .where('tenant_key', '=', req.tenantKey)
    .where('event_type', 'in', ['im.message.receive_v1', 'im.chat.member.bot.added_v1'])
    .orderBy('received_at', 'desc')
    .limit(req.limit)
    .execute();
}
