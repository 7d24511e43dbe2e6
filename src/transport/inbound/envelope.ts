import { z } from 'zod';

/**
 * Lark's two event envelopes (https://open.feishu.cn/document/server-docs/event-subscription-guide/overview). v2 (`schema: "2.0"`) is what the bot subscribes to; v1
 * (`type: "event_callback"`) is accepted so an app that still has a v1 subscription is deduplicated too.
 */
const v2Schema = z.object({
  schema: z.literal('2.0'),
  header: z.object({
    event_id: z.string().min(1),
    event_type: z.string().min(1),
    token: z.string().optional(),
    create_time: z.union([z.string(), z.number()]).optional(),
    tenant_key: z.string().optional(),
    app_id: z.string().optional(),
  }),
  event: z.record(z.string(), z.unknown()),
});

const v1Schema = z.object({
  type: z.literal('event_callback'),
  uuid: z.string().min(1),
  token: z.string().optional(),
  ts: z.union([z.string(), z.number()]).optional(),
  event: z.record(z.string(), z.unknown()).and(z.object({ type: z.string().min(1) })),
});

/** An event or callback after decryption, before token check and dispatch. */
export interface InboundEnvelope {
  eventId: string;
  eventType: string;
  /** The Verification Token carried inside the body. */
  token?: string;
  tenantKey: string;
  appId?: string;
  createTime?: string;
  event: Record<string, unknown>;
  /** An old-format card callback, rewritten into the v2 event shape (legacy-card.ts). */
  legacy?: boolean;
}

export function parseEnvelope(body: unknown): InboundEnvelope | null {
  const v2 = v2Schema.safeParse(body);
  if (v2.success) {
    const h = v2.data.header;
    return {
      eventId: h.event_id,
      eventType: h.event_type,
      token: h.token,
      tenantKey: h.tenant_key ?? '',
      appId: h.app_id,
      createTime: h.create_time === undefined ? undefined : String(h.create_time),
      event: v2.data.event,
    };
  }
  const v1 = v1Schema.safeParse(body);
  if (v1.success) {
    const e = v1.data.event as Record<string, unknown> & { type: string };
    return {
      eventId: v1.data.uuid,
      eventType: e.type,
      token: v1.data.token,
      tenantKey: typeof e.tenant_key === 'string' ? e.tenant_key : '',
      appId: typeof e.app_id === 'string' ? e.app_id : undefined,
      createTime: v1.data.ts === undefined ? undefined : String(v1.data.ts),
      event: e,
    };
  }
  return null;
}

/** `create_time` in ms: Lark sends seconds, ms or µs depending on the event (https://open.feishu.cn/document/uAjLw4CM/ukTMukTMukTM/reference/im-v1/message/events/receive). */
export function createTimeMs(createTime: string | undefined): number | undefined {
  if (!createTime || !/^\d+$/.test(createTime)) return undefined;
  const n = Number(createTime);
  if (createTime.length >= 16) return Math.floor(n / 1000);
  if (createTime.length >= 13) return n;
  return n * 1000;
}
