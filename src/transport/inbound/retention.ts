/**
 * How long processed event ids are kept. Lark retries a failed push for about 7.1 h (https://open.feishu.cn/document/event-subscription-guide/event-subscriptions/faq);
 * 48 h leaves room for clock skew and a long outage. Card actions are kept 31 days: a card stays
 * clickable for 30 days, and a click on an old card state must still be recognised.
 */
export const EVENT_RETENTION_MS = 48 * 3_600_000;
export const CARD_ACTION_RETENTION_MS = 31 * 24 * 3_600_000;

export function pruneBefore(now: Date): Date {
  return new Date(now.getTime() - EVENT_RETENTION_MS);
}

export function pruneCardActionsBefore(now: Date): Date {
  return new Date(now.getTime() - CARD_ACTION_RETENTION_MS);
}
