import { z } from 'zod';
import type { MessageEvent } from '../contract';
import type { BotMembershipEvent } from '../event-types';

const idSchema = z.object({ open_id: z.string().optional(), user_id: z.string().optional(), union_id: z.string().optional() });

const messageSchema = z.object({
  sender: z.object({ sender_id: idSchema, sender_type: z.string().default('user'), tenant_key: z.string().optional() }),
  message: z.object({
    message_id: z.string().min(1),
    root_id: z.string().optional(),
    parent_id: z.string().optional(),
    create_time: z.union([z.string(), z.number()]).optional(),
    chat_id: z.string().min(1),
    chat_type: z.string(),
    message_type: z.string(),
    content: z.string(),
    mentions: z
      .array(z.object({ key: z.string(), id: idSchema.optional(), name: z.string().default('') }))
      .optional(),
  }),
});

/** Flattens `im.message.receive_v1`; returns null when Lark's shape is not what we know (logged by the caller). */
export function parseMessageEvent(event: Record<string, unknown>, meta: { eventId: string; tenantKey: string }): MessageEvent | null {
  const r = messageSchema.safeParse(event);
  if (!r.success) return null;
  const { sender, message: m } = r.data;
  return {
    eventId: meta.eventId,
    tenantKey: meta.tenantKey,
    createTime: Number(m.create_time ?? 0),
    sender: {
      openId: sender.sender_id.open_id ?? '',
      userId: sender.sender_id.user_id,
      unionId: sender.sender_id.union_id,
      senderType: sender.sender_type,
    },
    messageId: m.message_id,
    rootId: m.root_id || undefined,
    parentId: m.parent_id || undefined,
    chatId: m.chat_id,
    chatType: m.chat_type,
    messageType: m.message_type,
    content: m.content,
    mentions: (m.mentions ?? []).map((x) => ({ key: x.key, openId: x.id?.open_id, name: x.name })),
  };
}

const botMembershipSchema = z.object({
  chat_id: z.string().min(1),
  operator_id: idSchema.optional(),
  name: z.string().optional(),
  external: z.boolean().optional(),
});

export function parseBotMembership(event: Record<string, unknown>): BotMembershipEvent | null {
  const r = botMembershipSchema.safeParse(event);
  if (!r.success) return null;
  return { chatId: r.data.chat_id, operatorOpenId: r.data.operator_id?.open_id, name: r.data.name, external: r.data.external };
}
