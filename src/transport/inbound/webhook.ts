import type { Clock } from '../../platform/clock';
import type { Crypto } from '../../platform/crypto';
import type { InboundEventsRepository } from '../../storage/repositories/transport/inbound-events';
import type { Dispatcher } from '../dispatcher';
import type { Logger } from '../../platform/log';
import { answerCardAction, TOASTS, type CardAnswer, type CardCallbackDeps } from './card-callback';
import type { InboundEnvelope } from './envelope';
import { parseCardAction } from './parse-card-action';
import type { EventProcessor } from './process-event';
import { verifyRequest, type SignatureHeaders, type VerifySettings } from './verify';

export interface WebhookDeps {
  settings: VerifySettings;
  crypto: Crypto;
  clock: Clock;
  log: Logger;
  inbox: InboundEventsRepository;
  dispatcher: Dispatcher<string>;
  processor: EventProcessor;
  card: Omit<CardCallbackDeps, 'later'>;
}

/** `json` is the answer's body, already serialised. */
export type WebhookAnswer = { status: 200; json: string } | { status: 400 | 401; json: '' };

/**
 * One webhook request, from raw bytes to the answer. Events and card callbacks share it (an app may point
 * both URLs at one path): card callbacks are answered with the handler's result, events with 200 once
 * recorded — their handlers run afterwards through `later`.
 */
export async function handleWebhook(
  raw: string,
  headers: SignatureHeaders,
  deps: WebhookDeps,
  later: (work: () => Promise<void>) => void,
): Promise<WebhookAnswer> {
  const verified = await verifyRequest(raw, headers, deps.settings, deps.crypto, deps.clock.now());
  if (!verified.ok) {
    // Nothing in a refused request can be trusted, its type included: counted by the reason.
    deps.log.warn('webhook request refused', { reason: verified.reason, status: verified.status });
    deps.dispatcher.drops.count(verified.reason === 'unknown-envelope' ? 'unknown-envelope' : 'refused', verified.reason);
    return { status: verified.status, json: '' };
  }
  if (verified.kind === 'challenge') return { status: 200, json: JSON.stringify({ challenge: verified.challenge }) };
  const envelope = verified.envelope;
  if (envelope.eventType === 'card.action.trigger') {
    return { status: 200, json: (await answerCard(envelope, deps, later)).json };
  }
  await acceptEvent(envelope, deps, later);
  return { status: 200, json: '{}' };
}

async function answerCard(envelope: InboundEnvelope, deps: WebhookDeps, later: (work: () => Promise<void>) => void): Promise<CardAnswer> {
  const action = parseCardAction(envelope);
  if (!action) {
    deps.log.warn('card callback shape not understood', { eventId: envelope.eventId, eventType: envelope.eventType, legacy: envelope.legacy === true });
    deps.dispatcher.drops.count('card-malformed', envelope.legacy ? 'card.action.trigger_v1' : envelope.eventType);
    return { response: { toast: TOASTS.malformed }, json: JSON.stringify({ toast: TOASTS.malformed }) };
  }
  return answerCardAction(action, { ...deps.card, later });
}

/**
 * Records the event (the dedupe check and the durable enqueue are one INSERT) and schedules its handlers.
 * An event type nobody handles is recorded as ignored (so its retries are absorbed too) and logged.
 */
export async function acceptEvent(envelope: InboundEnvelope, deps: Pick<WebhookDeps, 'inbox' | 'dispatcher' | 'processor' | 'clock' | 'log'>, later: (work: () => Promise<void>) => void): Promise<'accepted' | 'duplicate' | 'ignored'> {
  const handled = deps.dispatcher.subscribedEventTypes().includes(envelope.eventType as never);
  const fresh = await deps.inbox.record(
    {
      eventId: envelope.eventId,
      eventType: envelope.eventType,
      tenantKey: envelope.tenantKey,
      payload: JSON.stringify(envelope),
      chatId: chatIdOf(envelope),
      status: handled ? 'pending' : 'ignored',
    },
    deps.clock.now(),
  );
  if (!fresh) {
    deps.log.info('duplicate event absorbed', { eventId: envelope.eventId, eventType: envelope.eventType });
    return 'duplicate';
  }
  if (!handled) {
    deps.log.warn('event type without a handler; acknowledged and ignored', { eventId: envelope.eventId, eventType: envelope.eventType });
    deps.dispatcher.drops.count('no-handler', envelope.eventType);
    return 'ignored';
  }
  later(() => deps.processor.process(envelope.eventId));
  return 'accepted';
}

/** The chat a message (`event.message.chat_id`) or membership event (`event.chat_id`) belongs to, kept as a column. */
function chatIdOf(envelope: InboundEnvelope): string | null {
  const message = envelope.event.message as { chat_id?: unknown } | undefined;
  const chatId = message?.chat_id ?? envelope.event.chat_id;
  return typeof chatId === 'string' ? chatId : null;
}
