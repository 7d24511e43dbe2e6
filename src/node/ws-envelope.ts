import { createTimeMs, type InboundEnvelope } from '../transport/inbound/envelope';

const HEADER_KEYS = new Set(['schema', 'event_id', 'token', 'create_time', 'event_type', 'tenant_key', 'app_id', 'ts', 'uuid', 'type']);

/**
 * The SDK's EventDispatcher hands handlers `{schema, ...header, ...event}` (larksuite/node-sdk
 * `dispatcher/request-handle.ts`, `parse`): rebuild our envelope from it. For card callbacks the event's
 * `token` (the delayed-update token) has overwritten the header's, which is what we want there; the long
 * connection authenticates once at connect, so no Verification Token is checked on this path.
 */
export function envelopeFromSdk(data: Record<string, unknown>): InboundEnvelope | null {
  const eventType = typeof data.event_type === 'string' ? data.event_type : undefined;
  const eventId = typeof data.event_id === 'string' ? data.event_id : undefined;
  if (!eventType || !eventId) return null;
  const event: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) if (!HEADER_KEYS.has(k)) event[k] = v;
  if (eventType === 'card.action.trigger' && typeof data.token === 'string') event.token = data.token;
  return {
    eventId,
    eventType,
    tenantKey: typeof data.tenant_key === 'string' ? data.tenant_key : '',
    appId: typeof data.app_id === 'string' ? data.app_id : undefined,
    createTime: data.create_time === undefined ? undefined : String(data.create_time),
    event,
  };
}

/**
 * After a reconnect Lark re-pushes what it could not deliver; events older than the configured age are
 * dropped (a reminder from yesterday must not be acted on now). Events without a readable time pass.
 */
export function isTooOld(envelope: InboundEnvelope, now: Date, maxAgeSeconds: number): boolean {
  const at = createTimeMs(envelope.createTime);
  return at !== undefined && now.getTime() - at > maxAgeSeconds * 1000;
}
