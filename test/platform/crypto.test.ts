import { describe, expect, it } from 'vitest';
import { createNodeCrypto } from '../../src/node/crypto-node';
import { createWebCrypto } from '../../src/platform/crypto-web';
import { constantTimeEqual } from '../../src/platform/crypto';

// Vectors from https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/encrypt-key-encryption-configuration-case: the official docs' one, the node-sdk challenge one,
// a fixed-IV one checked with openssl, and the two signature vectors.
const SDK_CHALLENGE =
  'tT1xP+ovuc0T3b/rnZX3ax76exqAn0ANQ6/U45GcciC0mgNBc8JtvqOJGNAPMKpgRs2dVU1NYk9VDeqS8T4SYtU0hzNU54aS84WnxvZ3VFfDcy/RyABlNqlUiGyLDzFI0yxdCMT4KR/YEQXlt6nZi50KwRlZ+A75r645KesZuLMljezYyY8VeeXEVjPw35+e';
const FIXED_IV_CIPHER = 'AAECAwQFBgcICQoLDA0OD6alpwIsMFbSsWTHppjb1mF1g3fSG1j6ixO5Wwk/tA9VD80LJtkVgGA/sICTcBkE4I3h4EEoG7JS2demHHi+NA0=';
const FIXED_IV_PLAIN = '{"challenge":"abc","token":"tok","type":"url_verification"}';

describe.each([
  ['node:crypto', createNodeCrypto()],
  ['WebCrypto', createWebCrypto()],
])('%s', (_name, crypto) => {
  it('decrypts the official vector', async () => {
    expect(await crypto.decrypt('test key', 'P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=')).toBe('hello world');
  });

  it('decrypts the SDK challenge vector', async () => {
    expect(JSON.parse(await crypto.decrypt('mazhe.nerd', SDK_CHALLENGE))).toEqual({
      challenge: '5634b122-c042-4634-bc7f-b07a3c3e77ad',
      token: 'iRdCP2WwXNBXRM3mGLqhrgch3cn0gbT6',
      type: 'url_verification',
    });
  });

  it('encrypts the fixed-IV vector byte for byte and round-trips random IVs', async () => {
    const iv = Uint8Array.from({ length: 16 }, (_, i) => i);
    expect(await crypto.encrypt('test key', FIXED_IV_PLAIN, iv)).toBe(FIXED_IV_CIPHER);
    expect(await crypto.decrypt('test key', FIXED_IV_CIPHER)).toBe(FIXED_IV_PLAIN);
    const a = await crypto.encrypt('k', '数据 ✓');
    const b = await crypto.encrypt('k', '数据 ✓');
    expect(a).not.toBe(b);
    expect(await crypto.decrypt('k', a)).toBe('数据 ✓');
  });

  it('refuses a wrong key or a malformed ciphertext', async () => {
    await expect(crypto.decrypt('wrong key', 'P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=')).rejects.toThrow();
    await expect(crypto.decrypt('test key', 'AAAA')).rejects.toThrow();
  });

  it('computes SHA-256 and the two signature vectors', async () => {
    expect(await crypto.sha256Hex('test key')).toBe('fa2bdca424f01f01ffb48df93acc35d439c7fd331a1a7fba6ac2fd83aa9ab31a');
    expect(await crypto.sha256Hex('1700000000nonce-123test key{"encrypt":"P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk="}')).toBe(
      '52548f4f20dde17246606993fb478dd311c7de7de12dafc34a32996f8430d29b',
    );
    expect(
      await crypto.sha256Hex(
        '1700000000nonce-123test key{"schema":"2.0","header":{"event_id":"e1","event_type":"card.action.trigger"},"event":{"action":{"value":{"k":"<v>"}}}}',
      ),
    ).toBe('9855d8d63ddc371f651c338a01996406de678cdfaa51dc17828f43e79bbcec68');
  });

  it('computes SHA-1 for the old card-callback signature (vectors from sha1sum)', async () => {
    expect(await crypto.sha1Hex('abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(await crypto.sha1Hex('1700000000nonce-123tok{"open_id":"ou_1"}')).toBe('3bb7bd8505ec4503bc16785965ee3e785f8ef2e9');
  });

  it('compares strings exactly', () => {
    expect(crypto.timingSafeEqual('abc', 'abc')).toBe(true);
    expect(crypto.timingSafeEqual('abc', 'abd')).toBe(false);
    expect(crypto.timingSafeEqual('abc', 'abcd')).toBe(false);
    expect(crypto.timingSafeEqual('', '')).toBe(true);
    expect(crypto.randomUUID()).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('constantTimeEqual', () => {
  it('differs on any position and on length', () => {
    expect(constantTimeEqual('0123', '0123')).toBe(true);
    for (let i = 0; i < 4; i++) expect(constantTimeEqual('0123', '0123'.slice(0, i) + 'x' + '0123'.slice(i + 1))).toBe(false);
    expect(constantTimeEqual('0123', '012')).toBe(false);
    expect(constantTimeEqual('012', '0123')).toBe(false);
  });
});
