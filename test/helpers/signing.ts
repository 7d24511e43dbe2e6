import { createNodeCrypto } from '../../src/node/crypto-node';
import { signLarkRequest, signLegacyCardCallback, type SignedRequest } from '../../src/fake-lark/sign';

export const testCrypto = createNodeCrypto();

export const TEST_KEYS = { verificationToken: 'test-verification-token', encryptKey: 'test-encrypt-key' };

/** Signs (and by default encrypts) a payload exactly as Lark does, for hand-built rejection tests. */
export function signed(
  payload: unknown,
  opts: { encryptKey?: string; encrypt?: boolean; nowMs?: number; nonce?: string; timestampHeader?: string } = {},
): Promise<SignedRequest> {
  return signLarkRequest(payload, {
    crypto: testCrypto,
    encryptKey: opts.encryptKey ?? TEST_KEYS.encryptKey,
    encrypt: opts.encrypt ?? true,
    nowMs: opts.nowMs ?? Date.now(),
    nonce: opts.nonce,
    timestampHeader: opts.timestampHeader,
  });
}

/** Signs an old-format card callback as Lark does: plain JSON, sha1 with the Verification Token. */
export function signedLegacy(payload: unknown, opts: { verificationToken?: string; nowMs?: number; nonce?: string; timestampHeader?: string } = {}): Promise<SignedRequest> {
  return signLegacyCardCallback(payload, {
    crypto: testCrypto,
    verificationToken: opts.verificationToken ?? TEST_KEYS.verificationToken,
    nowMs: opts.nowMs ?? Date.now(),
    nonce: opts.nonce,
    timestampHeader: opts.timestampHeader,
  });
}

/** A v2 envelope with the test Verification Token. */
export function envelope(eventType: string, event: Record<string, unknown>, over: { eventId?: string; token?: string } = {}) {
  return {
    schema: '2.0',
    header: {
      event_id: over.eventId ?? `ev_${Math.random().toString(36).slice(2)}`,
      token: over.token ?? TEST_KEYS.verificationToken,
      create_time: String(Date.now()),
      event_type: eventType,
      tenant_key: 'tenant_test',
      app_id: 'cli_test',
    },
    event,
  };
}

export function post(path: string, req: SignedRequest): [string, RequestInit] {
  return [`http://app.local${path}`, { method: 'POST', headers: req.headers, body: req.body }];
}
