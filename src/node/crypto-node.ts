import { createCipheriv, createDecipheriv, createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Crypto } from '../platform/crypto';

/**
 * node:crypto implementation. On Node 20 every `crypto.subtle` call is handed to the thread pool
 * (~35-45 µs) while these synchronous calls take ~3-10 µs, which matters on the card-callback hot path.
 */
const utf8 = new TextDecoder('utf-8', { fatal: true });

export function createNodeCrypto(): Crypto {
  const keys = new Map<string, Buffer>();
  const aesKey = (encryptKey: string): Buffer => {
    let key = keys.get(encryptKey);
    if (!key) {
      key = createHash('sha256').update(encryptKey, 'utf8').digest();
      keys.set(encryptKey, key);
    }
    return key;
  };
  return {
    async sha256Hex(text) {
      return createHash('sha256').update(text, 'utf8').digest('hex');
    },
    async sha1Hex(text) {
      return createHash('sha1').update(text, 'utf8').digest('hex');
    },
    async decrypt(encryptKey, base64) {
      const buf = Buffer.from(base64, 'base64');
      if (buf.length < 32 || buf.length % 16 !== 0) throw new Error('ciphertext has a wrong length');
      const decipher = createDecipheriv('aes-256-cbc', aesKey(encryptKey), buf.subarray(0, 16));
      const plain = Buffer.concat([decipher.update(buf.subarray(16)), decipher.final()]);
      return utf8.decode(plain);
    },
    async encrypt(encryptKey, plaintext, iv) {
      const vector = iv ? Buffer.from(iv) : randomBytes(16);
      const cipher = createCipheriv('aes-256-cbc', aesKey(encryptKey), vector);
      return Buffer.concat([vector, cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64');
    },
    timingSafeEqual(a, b) {
      const ba = Buffer.from(a, 'utf8');
      const bb = Buffer.from(b, 'utf8');
      // timingSafeEqual needs equal lengths; compare against itself to keep the time flat, then fail.
      if (ba.length !== bb.length) return timingSafeEqual(ba, ba) && false;
      return timingSafeEqual(ba, bb);
    },
    randomUUID: () => randomUUID(),
  };
}
