/**
 * Lark drops a second send with the same `uuid` within an hour (≤ 50 chars). Our sends derive it from
 * what they are about — purpose plus the ids and versions involved — so a retried event or a repeated
 * follow-up cannot post the same card twice. FNV-1a 64 keeps it short and synchronous on every runtime.
 */
export function sendUuid(purpose: string, ...parts: Array<string | number>): string {
  let hash = 0xcbf29ce484222325n;
  const text = parts.join('\u0000');
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return `${purpose.slice(0, 30)}-${hash.toString(16).padStart(16, '0')}`;
}
