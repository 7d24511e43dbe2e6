import type { Crypto } from '../platform/crypto';

export interface SignOptions {
  crypto: Crypto;
  /** When set, the body is signed (and encrypted if `encrypt`), exactly as Lark does (https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/encrypt-key-encryption-configuration-case). */
  encryptKey?: string;
  encrypt?: boolean;
  /** Unix ms; the header carries seconds. */
  nowMs: number;
  nonce?: string;
  /** Overrides for rejection tests. */
  timestampHeader?: string;
}

export interface SignedRequest {
  body: string;
  headers: Record<string, string>;
}

/** Serialises (and optionally encrypts) a payload and adds Lark's X-Lark-* headers. */
export async function signLarkRequest(payload: unknown, opts: SignOptions): Promise<SignedRequest> {
  const plain = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const body = opts.encrypt && opts.encryptKey ? JSON.stringify({ encrypt: await opts.crypto.encrypt(opts.encryptKey, plain) }) : plain;
  const timestamp = opts.timestampHeader ?? String(Math.floor(opts.nowMs / 1000));
  const nonce = opts.nonce ?? opts.crypto.randomUUID().replace(/-/g, '').slice(0, 16);
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  if (opts.encryptKey) {
    headers['x-lark-request-timestamp'] = timestamp;
    headers['x-lark-request-nonce'] = nonce;
    headers['x-lark-signature'] = await opts.crypto.sha256Hex(timestamp + nonce + opts.encryptKey + body);
  }
  return { body, headers };
}

/**
 * An old-format card callback as Lark sends it to the bot's 消息卡片请求网址: plain JSON (never encrypted,
 * whatever the Encrypt Key) and X-Lark-Signature = sha1(timestamp + nonce + Verification Token + body)
 * (https://open.feishu.cn/document/common-capabilities/message-card/add-card-interaction/message-card-security-verification).
 */
export async function signLegacyCardCallback(
  payload: unknown,
  opts: { crypto: Crypto; verificationToken: string; nowMs: number; nonce?: string; timestampHeader?: string },
): Promise<SignedRequest> {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const timestamp = opts.timestampHeader ?? String(Math.floor(opts.nowMs / 1000));
  const nonce = opts.nonce ?? opts.crypto.randomUUID().replace(/-/g, '').slice(0, 16);
  return {
    body,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'x-lark-request-timestamp': timestamp,
      'x-lark-request-nonce': nonce,
      'x-lark-signature': await opts.crypto.sha1Hex(timestamp + nonce + opts.verificationToken + body),
    },
  };
}
