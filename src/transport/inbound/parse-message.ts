import { z } from 'zod';
import type { MessageEvent } from '../contract';
import type { BotMembershipEvent } from '../event-types';
import { readMessageBody } from './message-body';

/**
 * Every id is nullish: without the contact:user.employee_id:readonly scope Lark sends `"user_id": null`, not an
 * absent key, and external users have no user_id or union_id at all
 * (https://open.feishu.cn/document/server-docs/im-v1/message/events/receive).
 */
const nullishId = z.string().nullish().transform((v) => v || undefined);
const idSchema = z.object({ open_id: nullishId, user_id: nullishId, union_id: nullishId });

const messageSchema = z.object({
  sender: z.object({ sender_id: idSchema.nullish(), sender_type: z.string().nullish().transform((v) => v || 'user'), tenant_key: nullishId }),
  message: z.object({
    message_id: z.string().min(1),
    root_id: nullishId,
    parent_id: nullishId,
    thread_id: nullishId,
    create_time: z.union([z.string(), z.number()]).optional(),
    chat_id: z.string().min(1),
    chat_type: z.string(),
    message_type: z.string(),
    content: z.string(),
    // `@_all` comes with an empty id; the bot's own mention has no user_id (mentioned_type "bot")
    mentions: z
      .array(
        z.object({
          key: z.string(),
          id: idSchema.nullish(),
          name: z.string().nullish().transform((v) => v ?? ''),
          mentioned_type: nullishId,
        }),
      )
      .nullish(),
  }),
});

/** Flattens `im.message.receive_v1`; returns null when Lark's shape is not what we know (logged by the caller). */
export function parseMessageEvent(event: Record<string, unknown>, meta: { eventId: string; tenantKey: string }): MessageEvent | null {
  const r = messageSchema.safeParse(event);
  if (!r.success) return null;
  const { sender, message: m } = r.data;
  return {
    eventId: meta.eventId,
    tenantKey: meta.tenantKey || sender.tenant_key || '',
    createTime: Number(m.create_time ?? 0) || 0,
    sender: {
      openId: sender.sender_id?.open_id ?? '',
      userId: sender.sender_id?.user_id,
      unionId: sender.sender_id?.union_id,
      senderType: sender.sender_type,
    },
    messageId: m.message_id,
    rootId: m.root_id,
    parentId: m.parent_id,
    threadId: m.thread_id,
    chatId: m.chat_id,
    chatType: m.chat_type,
    messageType: m.message_type,
    content: m.content,
    body: readMessageBody(m.message_type, m.content),
    mentions: (m.mentions ?? []).map((x) => ({
      key: x.key,
      openId: x.id?.open_id,
      userId: x.id?.user_id,
      unionId: x.id?.union_id,
      name: x.name,
      mentionedType: x.mentioned_type,
    })),
  };
}

const botMembershipSchema = z.object({
  chat_id: z.string().min(1),
  // operator_id.user_id is null without the user-id scope (https://open.feishu.cn/document/server-docs/group/chat-member/event/added-2)
  operator_id: idSchema.nullish(),
  name: z.string().nullish().transform((v) => v ?? undefined),
  external: z.boolean().nullish().transform((v) => v ?? undefined),
});

export function parseBotMembership(event: Record<string, unknown>): BotMembershipEvent | null {
  const r = botMembershipSchema.safeParse(event);
  if (!r.success) return null;
  return { chatId: r.data.chat_id, operatorOpenId: r.data.operator_id?.open_id, name: r.data.name, external: r.data.external };
}
