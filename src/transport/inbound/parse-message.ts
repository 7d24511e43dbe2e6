import { z } from 'zod';
import type { MessageEvent } from '../contract';
import type { BotMembershipEvent } from '../event-types';

/**
 * Every id is nullish: without the contact:user.employee_id:readonly scope Lark sends `"user_id": null`, not an
 * absent key, and external users have no user_id or union_id at all
 * (https://open.feishu.cn/document/server-docs/im-v1/message/events/receive).
 */
const nullishId = z.string().nullish().transform((v) => v || undefined);
const idSchema = z.object({ open_id: nullishId, user_id: nullishId, union_id: nullishId });

const messageSchema = z.object({
  sender: z.object({ sender_id: idSchema, sender_type: z.string().default('user'), tenant_key: nullishId }),
  message: z.object({
    message_id: z.string().min(1),
    root_id: nullishId,
    parent_id: nullishId,
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
