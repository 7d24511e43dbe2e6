import type { CardJson, LarkClient, ReceiveIdType } from '../../transport/contract';

/** One card to one person or chat, with the uuid that makes a repeat a no-op at Lark. */
export async function sendCard(
  deps: { lark: LarkClient },
  to: { type: ReceiveIdType; id: string; tenantKey?: string },
  card: CardJson,
  uuid: string,
): Promise<string> {
  const sent = await deps.lark.sendMessage(to.type, to.id, { msgType: 'interactive', content: card }, { uuid, ...(to.tenantKey ? { tenantKey: to.tenantKey } : {}) });
  return sent.messageId;
}

export async function sendText(
  deps: { lark: LarkClient },
  to: { type: ReceiveIdType; id: string; tenantKey?: string },
  text: string,
  uuid: string,
): Promise<string> {
  const sent = await deps.lark.sendMessage(to.type, to.id, { msgType: 'text', content: { text } }, { uuid, ...(to.tenantKey ? { tenantKey: to.tenantKey } : {}) });
  return sent.messageId;
}
