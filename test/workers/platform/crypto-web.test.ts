import { describe, expect, it } from 'vitest';
import { createWebCrypto } from '../../../src/platform/crypto-web';

// Lark's published vectors (https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/encrypt-key-encryption-configuration-case), run by workerd's own WebCrypto.
const crypto = createWebCrypto();

describe('WebCrypto implementation inside workerd', () => {
  it('hashes like sha256sum', async () => {
    expect(await crypto.sha256Hex('test key')).toBe('fa2bdca424f01f01ffb48df93acc35d439c7fd331a1a7fba6ac2fd83aa9ab31a');
  });

  it("decrypts Lark's published vector", async () => {
    expect(await crypto.decrypt('test key', 'P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=')).toBe('hello world');
  });

  it('encrypts with a fixed IV to the openssl-checked vector, and round-trips', async () => {
    const iv = Uint8Array.from({ length: 16 }, (_, i) => i);
    const plain = '{"challenge":"abc","token":"tok","type":"url_verification"}';
    const sealed = await crypto.encrypt('test key', plain, iv);
    expect(sealed).toBe('AAECAwQFBgcICQoLDA0OD6alpwIsMFbSsWTHppjb1mF1g3fSG1j6ixO5Wwk/tA9VD80LJtkVgGA/sICTcBkE4I3h4EEoG7JS2demHHi+NA0=');
    expect(await crypto.decrypt('test key', await crypto.encrypt('test key', '中文 payload'))).toBe('中文 payload');
  });

  it('rejects a wrong key instead of returning garbage', async () => {
    await expect(crypto.decrypt('other key', 'P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=')).rejects.toThrow();
  });
});
