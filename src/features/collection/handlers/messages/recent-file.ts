import type { Kysely } from 'kysely';
import type { Database } from '../../../../storage/database';
import { recentMessagePayloadsInChat } from '../../../../storage/repositories/transport/recent-events';
import type { InboundEnvelope } from '../../../../transport/inbound/envelope';
import { parseMessageEvent } from '../../../../transport/inbound/parse-message';
import { fileOf } from './text';

/**
 * Where the app holds the "read all group messages" scope, a file sent to the group reaches us as an
 * event of its own; `@bot 导入` right after it then means that file. The event inbox (kept ≥ 8 h by
 * the transport) is where it is: the newest file this person sent in this chat within the window.
 */
const WINDOW_MS = 30 * 60_000;
const SCAN = 50;

export async function recentFileFrom(
  db: Kysely<Database>,
  req: { tenantKey: string; chatId: string; senderOpenId: string; now: Date },
): Promise<{ messageId: string; fileKey: string; fileName: string } | null> {
  const since = new Date(req.now.getTime() - WINDOW_MS).toISOString();
  const payloads = await recentMessagePayloadsInChat(db, { tenantKey: req.tenantKey, chatId: req.chatId, since, limit: SCAN });
  for (const payload of payloads) {
    let envelope: InboundEnvelope;
    try {
      envelope = JSON.parse(payload) as InboundEnvelope;
    } catch {
      continue;
    }
    const event = parseMessageEvent(envelope.event, envelope);
    if (!event || event.chatId !== req.chatId || event.sender.openId !== req.senderOpenId) continue;
    const file = fileOf(event);
    if (file) return { messageId: event.messageId, ...file };
  }
  return null;
}
