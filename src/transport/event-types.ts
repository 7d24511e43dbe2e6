import type { MessageEvent } from './contract';

/**
 * The closed list of Lark event types the bot may subscribe to, spelt as Lark spells them. Registering a
 * handler under any other name throws at start-up, so a typo cannot silently drop events.
 */
export const EVENT_TYPES = [
  'im.message.receive_v1',
  'im.message.message_read_v1',
  'im.message.recalled_v1',
  'im.message.reaction.created_v1',
  'im.message.reaction.deleted_v1',
  'im.chat.member.bot.added_v1',
  'im.chat.member.bot.deleted_v1',
  'im.chat.member.user.added_v1',
  'im.chat.member.user.deleted_v1',
  'im.chat.member.user.withdrawn_v1',
  'im.chat.updated_v1',
  'im.chat.disbanded_v1',
  'im.chat.access_event.bot_p2p_chat_entered_v1',
  'application.bot.menu_v6',
  'contact.user.updated_v3',
  'contact.user.deleted_v3',
  'card.action.trigger',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** Card callbacks are answered synchronously and go through `onAction`, not `onEvent`. */
export type SubscribableEventType = Exclude<EventType, 'card.action.trigger'>;

export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}

/** `im.chat.member.bot.added_v1` / `deleted_v1`, flattened. */
export interface BotMembershipEvent {
  chatId: string;
  operatorOpenId?: string;
  name?: string;
  external?: boolean;
}

/** What a handler receives per event type; types without a flattened shape get Lark's raw `event` object. */
export interface EventPayloads {
  'im.message.receive_v1': MessageEvent;
  'im.chat.member.bot.added_v1': BotMembershipEvent;
  'im.chat.member.bot.deleted_v1': BotMembershipEvent;
}

export type EventPayload<T extends SubscribableEventType> = T extends keyof EventPayloads ? EventPayloads[T] : Record<string, unknown>;

/** Envelope facts every handler may want (ids for logs, the tenant for multi-tenant apps). */
export interface EventMeta {
  eventId: string;
  eventType: string;
  tenantKey: string;
  appId?: string;
  /** As sent by Lark: µs or ms depending on the event, so treat it as opaque (https://open.feishu.cn/document/uAjLw4CM/ukTMukTMukTM/reference/im-v1/message/events/receive). */
  createTime?: string;
}
