import { z } from 'zod';
import type { CardAction } from '../contract';
import type { InboundEnvelope } from './envelope';

/** Lark may send an absent field as null; the contract has only absent. */
const opt = <T extends z.ZodType>(t: T) => t.nullish().transform((v) => v ?? undefined);

const cardEventSchema = z.object({
  operator: z.object({
    open_id: z.string().min(1),
    // `user_id` is null without the user-id scope (https://open.feishu.cn/document/feishu-cards/card-callback-communication)
    user_id: z.string().nullish().transform((v) => v || undefined),
    union_id: z.string().nullish().transform((v) => v || undefined),
    tenant_key: z.string().nullish().transform((v) => v || undefined),
  }),
  token: z.string().nullish().transform((v) => v ?? ''),
  action: z.object({
    value: z.unknown().optional(),
    tag: z.string().nullish().transform((v) => v ?? ''),
    name: opt(z.string()),
    form_value: opt(z.record(z.string(), z.unknown())),
    input_value: opt(z.string()),
    option: opt(z.string()),
    timezone: opt(z.string()),
  }),
  context: z.object({ open_message_id: z.string().min(1), open_chat_id: opt(z.string()) }),
});

/** `card.action.trigger` (v2 envelope, https://open.feishu.cn/document/feishu-cards/card-callback-communication) to the contract's `CardAction`; null if the shape is unknown. */
export function parseCardAction(envelope: InboundEnvelope): CardAction | null {
  const r = cardEventSchema.safeParse(envelope.event);
  if (!r.success) return null;
  const e = r.data;
  const value = e.action.value;
  return {
    eventId: envelope.eventId,
    tenantKey: envelope.tenantKey || e.operator.tenant_key || '',
    operator: { openId: e.operator.open_id, userId: e.operator.user_id, unionId: e.operator.union_id },
    token: e.token,
    openMessageId: e.context.open_message_id,
    openChatId: e.context.open_chat_id,
    tag: e.action.tag,
    name: e.action.name,
    // The SDK only supports object values; a string value (allowed by Lark) is kept under `raw`.
    value: value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { raw: value },
    formValue: e.action.form_value,
    inputValue: e.action.input_value,
    option: e.action.option,
    timezone: e.action.timezone,
    ...(envelope.legacy ? { legacy: true } : {}),
  };
}
