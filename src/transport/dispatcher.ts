import type { CardAction, CardActionResponse } from './contract';
import {
  EVENT_TYPES,
  isEventType,
  type EventMeta,
  type EventPayload,
  type SubscribableEventType,
} from './event-types';
import { createDropCounter, type DropCounter } from './inbound/drops';
import type { InboundEnvelope } from './inbound/envelope';
import { parseBotMembership, parseMessageEvent } from './inbound/parse-message';

export type EventHandler<T extends SubscribableEventType> = (event: EventPayload<T>, meta: EventMeta) => Promise<void>;
export type ActionHandler = (action: CardAction) => Promise<CardActionResponse>;

export type DispatchOutcome = 'handled' | 'unhandled' | 'malformed';

export interface Dispatcher<A extends string = string> {
  /** Handlers of one event type run in registration order. */
  onEvent<T extends SubscribableEventType>(type: T, handler: EventHandler<T>): void;
  /** One handler per action name; the name is `action.value.action` in the card's button/form value. */
  onAction(name: A, handler: ActionHandler): void;
  readonly actionNames: readonly A[];
  /** Event types with at least one handler (what the long connection subscribes to). */
  subscribedEventTypes(): SubscribableEventType[];
  dispatchEvent(envelope: InboundEnvelope): Promise<DispatchOutcome>;
  /** Null when no handler is registered for the action (the caller answers with a toast). */
  actionHandler(action: CardAction): ActionHandler | null;
  /**
   * Every request or event that reached no handler, by reason and event type. It lives here because every
   * inbound path (webhook, long connection, the queue's sweep) shares the dispatcher.
   */
  readonly drops: DropCounter;
}

/**
 * Routes verified Lark events and card actions to feature handlers. Names are checked at registration,
 * so a misspelt event type or action name fails at start-up rather than dropping traffic in production.
 */
export function createDispatcher<A extends string>(actionNames: readonly A[]): Dispatcher<A> {
  const known = new Set<string>(actionNames);
  if (known.size !== actionNames.length) throw new Error('createDispatcher: duplicate action names');
  const events = new Map<string, Array<EventHandler<any>>>();
  const actions = new Map<string, ActionHandler>();
  const drops = createDropCounter();

  return {
    actionNames,
    drops,
    onEvent(type, handler) {
      if (!isEventType(type)) {
        throw new Error(`Unknown Lark event type "${type}". Known types: ${EVENT_TYPES.join(', ')}`);
      }
      if ((type as string) === 'card.action.trigger') {
        throw new Error('card.action.trigger is answered synchronously: register it with onAction(name, handler)');
      }
      const list = events.get(type) ?? [];
      list.push(handler as EventHandler<any>);
      events.set(type, list);
    },
    onAction(name, handler) {
      if (!known.has(name)) {
        throw new Error(`Unknown card action "${name}". Declared actions: ${actionNames.join(', ')}`);
      }
      if (actions.has(name)) throw new Error(`Card action "${name}" already has a handler`);
      actions.set(name, handler);
    },
    subscribedEventTypes() {
      return [...events.keys()] as SubscribableEventType[];
    },
    async dispatchEvent(envelope) {
      const handlers = events.get(envelope.eventType);
      if (!handlers || handlers.length === 0) {
        drops.count('no-handler', envelope.eventType);
        return 'unhandled';
      }
      const meta: EventMeta = {
        eventId: envelope.eventId,
        eventType: envelope.eventType,
        tenantKey: envelope.tenantKey,
        appId: envelope.appId,
        createTime: envelope.createTime,
      };
      const payload = flatten(envelope);
      if (payload === null) {
        drops.count('malformed', envelope.eventType);
        return 'malformed';
      }
      for (const handler of handlers) await handler(payload, meta);
      return 'handled';
    },
    actionHandler(action) {
      const name = action.value.action;
      return typeof name === 'string' ? (actions.get(name) ?? null) : null;
    },
  };
}

function flatten(envelope: InboundEnvelope): unknown {
  switch (envelope.eventType) {
    case 'im.message.receive_v1':
      return parseMessageEvent(envelope.event, envelope);
    case 'im.chat.member.bot.added_v1':
    case 'im.chat.member.bot.deleted_v1':
      return parseBotMembership(envelope.event);
    default:
      return envelope.event;
  }
}
