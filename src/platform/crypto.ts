/**
 * The few cryptographic primitives the Lark transport needs, behind one small interface so each entry
 * point picks the cheapest implementation: node:crypto on Node (a WebCrypto call there costs ~10x more,
 * measured in `npm run bench transport`) and WebCrypto on workerd. Portable code receives it as a dependency.
 */
export interface Crypto {
  /** Lowercase hex SHA-256 of the UTF-8 bytes of `text`. */
  sha256Hex(text: string): Promise<string>;
  /**
   * Lowercase hex SHA-1 of the UTF-8 bytes of `text`: only for verifying Lark's old card callbacks, which are
   * signed sha1(timestamp + nonce + Verification Token + body)
   * (https://open.feishu.cn/document/common-capabilities/message-card/add-card-interaction/message-card-security-verification).
   */
  sha1Hex(text: string): Promise<string>;
  /**
   * Lark's payload encryption: key = SHA-256(encryptKey), AES-256-CBC, PKCS#7, base64(iv ‖ ciphertext).
   * Throws on a bad key or malformed input.
   */
  decrypt(encryptKey: string, base64: string): Promise<string>;
  /** The inverse, used by the fake Lark and tests; `iv` is random unless given (16 bytes). */
  encrypt(encryptKey: string, plaintext: string, iv?: Uint8Array): Promise<string>;
  /** Equality in time independent of where the strings differ. */
  timingSafeEqual(a: string, b: string): boolean;
  randomUUID(): string;
}

/**
 * Constant-time string comparison in plain JS (workerd has no timingSafeEqual on strings). The loop always
 * runs over the longer input, so the time leaks only the length, which is public for tokens and hex digests.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const len = Math.max(a.length, b.length);
  let diff = a.length ^ b.length;
  for (let i = 0; i < len; i++) diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  return diff === 0;
}

export function bytesToHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

export function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}
