import type { Crypto } from '../../platform/crypto';
import { parseEnvelope, type InboundEnvelope } from './envelope';
import { isLegacyCardCallback, legacyCardEnvelope } from './legacy-card';

export interface VerifySettings {
  verificationToken?: string;
  encryptKey?: string;
  maxClockSkewSeconds: number;
}

export interface SignatureHeaders {
  timestamp?: string;
  nonce?: string;
  signature?: string;
}

export type Verified =
  | { kind: 'challenge'; challenge: string }
  | { kind: 'event'; envelope: InboundEnvelope };

/** Why a request was refused. Only logged: the HTTP answer carries no detail (401 / 400). */
export type Rejection =
  | 'malformed-json'
  | 'not-an-object'
  | 'cannot-decrypt'
  | 'encrypted-without-key'
  | 'missing-signature'
  | 'bad-signature'
  | 'bad-timestamp'
  | 'stale-timestamp'
  | 'bad-token'
  | 'unknown-envelope';

export type VerifyResult = ({ ok: true } & Verified) | { ok: false; status: 400 | 401; reason: Rejection };

const reject = (status: 400 | 401, reason: Rejection): VerifyResult => ({ ok: false, status, reason });

/** A SHA-1 hex digest: how the old card callback's signature looks (SHA-256 ones have 64 digits). */
const SHA1_HEX = /^[0-9a-f]{40}$/i;

/**
 * Verifies one webhook request on its raw bytes (https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/encrypt-key-encryption-configuration-case). A signed request has its signature
 * checked over the exact bytes received before anything parses or decrypts them; only the url_verification
 * challenge comes unsigned (Lark leaves it out of the signature scheme), and it is answered on its token
 * alone. Then freshness and the Verification Token. All comparisons are constant-time.
 *
 * Two signatures exist. Events and v2 card callbacks: sha256(timestamp + nonce + Encrypt Key + body). The old
 * card callback: sha1(timestamp + nonce + Verification Token + body), plain JSON even when an Encrypt Key is
 * set (https://open.feishu.cn/document/common-capabilities/message-card/add-card-interaction/message-card-security-verification;
 * the official SDK checks it the same way, larksuite/node-sdk dispatcher/request-handle.ts
 * `checkIsCardEventValidated`). Its body carries no Verification Token, so the signature is what authenticates it.
 */
export async function verifyRequest(
  raw: string,
  headers: SignatureHeaders,
  settings: VerifySettings,
  crypto: Crypto,
  now: Date,
): Promise<VerifyResult> {
  let signed = false;
  let legacySigned = false;
  if (settings.verificationToken && headers.signature !== undefined && SHA1_HEX.test(headers.signature)) {
    const { timestamp, nonce, signature } = headers;
    if (!timestamp || nonce === undefined) return reject(401, 'missing-signature');
    const expected = await crypto.sha1Hex(timestamp + nonce + settings.verificationToken + raw);
    if (!crypto.timingSafeEqual(expected, signature.toLowerCase())) return reject(401, 'bad-signature');
    signed = legacySigned = true;
  } else if (settings.encryptKey && (headers.signature !== undefined || headers.timestamp !== undefined)) {
    const { timestamp, nonce, signature } = headers;
    if (!timestamp || nonce === undefined || !signature) return reject(401, 'missing-signature');
    const expected = await crypto.sha256Hex(timestamp + nonce + settings.encryptKey + raw);
    if (!crypto.timingSafeEqual(expected, signature.toLowerCase())) return reject(401, 'bad-signature');
    signed = true;
  }

  let outer: unknown;
  try {
    outer = JSON.parse(raw);
  } catch {
    return reject(400, 'malformed-json');
  }
  if (!outer || typeof outer !== 'object' || Array.isArray(outer)) return reject(400, 'not-an-object');

  let body = outer as Record<string, unknown>;
  if (typeof body.encrypt === 'string') {
    if (!settings.encryptKey) return reject(401, 'encrypted-without-key');
    try {
      const plain = JSON.parse(await crypto.decrypt(settings.encryptKey, body.encrypt));
      if (!plain || typeof plain !== 'object' || Array.isArray(plain)) return reject(401, 'cannot-decrypt');
      body = plain as Record<string, unknown>;
    } catch {
      // A wrong Encrypt Key shows up as a padding error or as bytes that are not JSON.
      return reject(401, 'cannot-decrypt');
    }
  }

  if (body.type === 'url_verification') {
    // The SDK answers any challenge; we insist on the token so nobody else can bind our URL.
    if (!tokenMatches(body.token, settings.verificationToken, crypto)) return reject(401, 'bad-token');
    if (typeof body.challenge !== 'string') return reject(400, 'unknown-envelope');
    return { ok: true, kind: 'challenge', challenge: body.challenge };
  }

  // Everything but the challenge must have been signed when an Encrypt Key is configured.
  if (settings.encryptKey && !signed) return reject(401, 'missing-signature');
  if (headers.timestamp !== undefined) {
    const sentAt = parseTimestamp(headers.timestamp);
    if (sentAt === null) return reject(401, 'bad-timestamp');
    if (Math.abs(now.getTime() - sentAt) > settings.maxClockSkewSeconds * 1000) return reject(401, 'stale-timestamp');
  }

  if (isLegacyCardCallback(body)) {
    // Without a Verification Token configured (explicit local development only) nothing can be checked.
    if (settings.verificationToken && !legacySigned) return reject(401, 'missing-signature');
    // No event id in this format: the digest of the exact bytes names the delivery in logs and the dedupe row.
    return { ok: true, kind: 'event', envelope: legacyCardEnvelope(body, `legacy_${(await crypto.sha256Hex(raw)).slice(0, 32)}`) };
  }
  const envelope = parseEnvelope(body);
  if (!envelope) return reject(400, 'unknown-envelope');
  if (!tokenMatches(envelope.token, settings.verificationToken, crypto)) return reject(401, 'bad-token');
  return { ok: true, kind: 'event', envelope };
}

function tokenMatches(sent: unknown, configured: string | undefined, crypto: Crypto): boolean {
  // No token configured is only possible with the explicit local-development switch (see config.ts).
  if (configured === undefined) return true;
  return typeof sent === 'string' && crypto.timingSafeEqual(sent, configured);
}

/**
 * X-Lark-Request-Timestamp is Unix seconds for events and new-style callbacks; the Go SDK's old-callback
 * sample sends an HTTP date ("Monday, 14-Nov-22 15:53:37 CST"), so a date string is read too. Anything
 * else yields null (the request is refused), never an exception.
 */
export function parseTimestamp(value: string): number | null {
  const s = value.trim();
  if (/^\d{1,13}$/.test(s)) {
    const n = Number(s);
    return s.length >= 13 ? n : n * 1000;
  }
  const ms = Date.parse(s);
  return Number.isFinite(ms) ? ms : null;
}
