import { base64ToBytes, bytesToBase64, bytesToHex, constantTimeEqual, type Crypto } from './crypto';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** WebCrypto implementation: workerd (where `crypto.subtle` runs synchronously) and any Fetch runtime. */
export function createWebCrypto(subtle: SubtleCrypto = crypto.subtle): Crypto {
  // Derived AES keys are cached per Encrypt Key: importKey per request would double the cost.
  const keys = new Map<string, Promise<CryptoKey>>();
  const aesKey = (encryptKey: string): Promise<CryptoKey> => {
    let key = keys.get(encryptKey);
    if (!key) {
      key = subtle
        .digest('SHA-256', encoder.encode(encryptKey))
        .then((raw) => subtle.importKey('raw', raw, { name: 'AES-CBC' }, false, ['encrypt', 'decrypt']));
      keys.set(encryptKey, key);
    }
    return key;
  };

  return {
    async sha256Hex(text) {
      return bytesToHex(new Uint8Array(await subtle.digest('SHA-256', encoder.encode(text))));
    },
    async sha1Hex(text) {
      return bytesToHex(new Uint8Array(await subtle.digest('SHA-1', encoder.encode(text))));
    },
    async decrypt(encryptKey, base64) {
      const buf = base64ToBytes(base64);
      if (buf.length < 32 || buf.length % 16 !== 0) throw new Error('ciphertext has a wrong length');
      const plain = await subtle.decrypt({ name: 'AES-CBC', iv: buf.slice(0, 16) }, await aesKey(encryptKey), buf.slice(16));
      return decoder.decode(plain);
    },
    async encrypt(encryptKey, plaintext, iv) {
      const vector = iv ? new Uint8Array(iv) : crypto.getRandomValues(new Uint8Array(16));
      const cipher = new Uint8Array(
        await subtle.encrypt({ name: 'AES-CBC', iv: vector }, await aesKey(encryptKey), encoder.encode(plaintext)),
      );
      const out = new Uint8Array(16 + cipher.length);
      out.set(vector, 0);
      out.set(cipher, 16);
      return bytesToBase64(out);
    },
    timingSafeEqual: constantTimeEqual,
    randomUUID: () => crypto.randomUUID(),
  };
}
