import { env } from 'cloudflare:workers';
import { createWebCrypto } from '../../src/platform/crypto-web';

const crypto = createWebCrypto();

/**
 * A webhook request exactly as Lark sends it with an Encrypt Key configured: the body encrypted
 * (AES-256-CBC, base64(iv ‖ ciphertext)) and signed over the raw bytes,
 * X-Lark-Signature = sha256(timestamp + nonce + encryptKey + body) (https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/encrypt-key-encryption-configuration-case).
 */
export async function larkRequest(
  path: '/webhook/event' | '/webhook/card',
  payload: unknown,
  opts: { encryptKey?: string; at?: Date; tamper?: boolean } = {},
): Promise<Request> {
  const key = opts.encryptKey ?? env.LARK_ENCRYPT_KEY;
  const body = JSON.stringify({ encrypt: await crypto.encrypt(key, JSON.stringify(payload)) });
  const timestamp = String(Math.floor((opts.at ?? new Date()).getTime() / 1000));
  const nonce = crypto.randomUUID();
  const signature = await crypto.sha256Hex(timestamp + nonce + key + body);
  return new Request(`https://jixiao.example.workers.dev${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-lark-request-timestamp': timestamp,
      'x-lark-request-nonce': nonce,
      'x-lark-signature': opts.tamper ? signature.replace(/^./, (c) => (c === '0' ? '1' : '0')) : signature,
    },
    body,
  });
}

/** A v2 event envelope carrying this app's Verification Token. */
export function v2Event(eventType: string, event: Record<string, unknown>, eventId = crypto.randomUUID()) {
  return {
    schema: '2.0',
    header: {
      event_id: eventId,
      event_type: eventType,
      token: env.LARK_VERIFICATION_TOKEN,
      create_time: String(Date.now()),
      tenant_key: 'tenant-workerd',
      app_id: env.LARK_APP_ID,
    },
    event,
  };
}
