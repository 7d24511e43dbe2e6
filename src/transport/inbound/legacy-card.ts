import { z } from 'zod';
import type { InboundEnvelope } from './envelope';

const nullish = z.string().nullish().transform((v) => v || undefined);

/**
 * The old card callback (消息卡片回传交互（旧）, still sent to tenants that kept the bot's 消息卡片请求网址):
 * no `schema` or `header`, the operator's ids and the update token at the top level
 * (https://open.feishu.cn/document/deprecated-guide/message-card/configuring-card-callbacks/card-callback-structure).
 * `token` here is the `c-…` delayed-update token, not the Verification Token: the request is authenticated by
 * its SHA-1 signature instead (see verify.ts).
 */
const legacySchema = z.object({
  open_id: z.string().min(1),
  user_id: nullish,
  union_id: nullish,
  tenant_key: nullish,
  open_message_id: z.string().min(1),
  open_chat_id: nullish,
  token: nullish,
  action: z.record(z.string(), z.unknown()),
});

export function isLegacyCardCallback(body: Record<string, unknown>): boolean {
  return !('schema' in body) && !('header' in body) && typeof body.action === 'object' && body.action !== null && 'open_message_id' in body;
}

/**
 * The old callback rewritten into the v2 `card.action.trigger` event shape, so one parser reads both. One it
 * cannot read keeps an empty event: the card-action parser then refuses it and the click is answered with a
 * toast, not a 400.
 */
export function legacyCardEnvelope(body: Record<string, unknown>, eventId: string): InboundEnvelope {
  const r = legacySchema.safeParse(body);
  if (!r.success) return { eventId, eventType: 'card.action.trigger', tenantKey: '', legacy: true, event: {} };
  const b = r.data;
  return {
    eventId,
    eventType: 'card.action.trigger',
    tenantKey: b.tenant_key ?? '',
    legacy: true,
    event: {
      operator: { open_id: b.open_id, user_id: b.user_id, union_id: b.union_id, tenant_key: b.tenant_key },
      token: b.token ?? '',
      action: b.action,
      host: 'im_message',
      context: { open_message_id: b.open_message_id, open_chat_id: b.open_chat_id },
    },
  };
}
