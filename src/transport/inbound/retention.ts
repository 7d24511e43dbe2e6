/**
 * How long processed event ids are kept. Lark retries a failed push for about 7.1 h (https://open.feishu.cn/document/event-subscription-guide/event-subscriptions/faq);
 * 48 h leaves room for clock skew and a long outage. Card actions are kept 15 days: a card JSON 2.0 message
 * takes clicks for 14 days ("卡片可交互和可更新时间统一为 14 天",
 * https://open.feishu.cn/document/feishu-cards/card-json-v2-breaking-changes-release-notes), and a click on an
 * old card state must be recognised for as long as one can arrive.
 */
export const EVENT_RETENTION_MS = 48 * 3_600_000;
export const CARD_ACTION_RETENTION_MS = 15 * 24 * 3_600_000;

export function pruneBefore(now: Date): Date {
  return new Date(now.getTime() - EVENT_RETENTION_MS);
}

export function pruneCardActionsBefore(now: Date): Date {
  return new Date(now.getTime() - CARD_ACTION_RETENTION_MS);
}
