import type { ColumnType, Generated } from 'kysely';

// Table interfaces for migrations/0002_transport.sql (and 0005_inbox_chat.sql).

export type InboundEventStatus = 'pending' | 'running' | 'done' | 'failed' | 'ignored';
export type CardActionStatus = 'running' | 'done';

export interface LarkInboundEventsTable {
  event_id: string;
  event_type: string;
  tenant_key: Generated<string>;
  /** The decrypted envelope JSON. */
  payload: string;
  status: Generated<InboundEventStatus>;
  attempts: Generated<number>;
  next_attempt_at: string | null;
  last_error: string | null;
  received_at: string;
  finished_at: string | null;
  /** The chat of a message or membership event (0005); null for other events and rows recorded before it. */
  chat_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface LarkCardActionsTable {
  dedupe_key: string;
  event_id: string;
  operator_open_id: string;
  open_message_id: string;
  action: string;
  status: CardActionStatus;
  /** The JSON answered to Lark, so a repeated click gets the same answer. */
  response: string | null;
  received_at: string;
  finished_at: string | null;
}

export interface TransportTables {
  lark_inbound_events: LarkInboundEventsTable;
  lark_card_actions: LarkCardActionsTable;
}
