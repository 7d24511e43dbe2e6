/**
 * The one deterministic key of a send. Lark drops a second message with the same `uuid` within an hour
 * (at most 50 characters: https://open.feishu.cn/document/server-docs/im-v1/message/create), and the
 * outbox keys a queued message by the same string. Each key is derived from what the send is about —
 * its purpose plus the ids, versions or content involved — so a retried event, a repeated follow-up or a
 * second scheduler instance cannot post the same thing twice.
 *
 * `purpose-` (≤ 30 characters) then FNV-1a 64 of the parts as 16 hex digits: short, synchronous and the
 * same on every runtime. (Keys written before this module existed — `rm-` + 40 hex of SHA-256 for
 * reminders already queued — stay valid: the outbox sends a row under whatever key it was stored with.)
 */
export function sendKey(purpose: string, ...parts: Array<string | number>): string {
  let hash = 0xcbf29ce484222325n;
  const text = parts.join('\u0000');
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return `${purpose.slice(0, 30)}-${hash.toString(16).padStart(16, '0')}`;
}
