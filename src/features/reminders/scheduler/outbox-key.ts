/**
 * The outbox key of a ladder step, which is also its Lark `uuid` (≤ 50 chars). It is a digest of the
 * readable step key (evaluation|person|step|day), so it is the same on every instance and every retry:
 * Lark sends at most one message per uuid within an hour, which covers a crash between send and mark.
 */
export const REMINDER_KEY_PREFIX = 'rm-';

export async function reminderOutboxKey(stepKey: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(stepKey));
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${REMINDER_KEY_PREFIX}${hex.slice(0, 40)}`;
}

export function isReminderKey(dedupeKey: string): boolean {
  return dedupeKey.startsWith(REMINDER_KEY_PREFIX);
}
