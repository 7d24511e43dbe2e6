/**
 * Streamed raw-deflate with a byte cap: the output is counted as it comes and the stream is cancelled the
 * moment it passes the cap, so a zip bomb costs at most `maxBytes` of work, never its full size.
 * `DecompressionStream('deflate-raw')` is the same API on Node and workerd.
 */
export type Inflated = { ok: true; bytes: Uint8Array | null; size: number } | { ok: false; problem: 'too-large' | 'corrupt' };

const CHUNK = 64 * 1024;

/** `keep: false` only measures (the bytes are dropped as they come). */
export async function inflateRaw(data: Uint8Array, maxBytes: number, keep: boolean): Promise<Inflated> {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  // Fed in chunks while reading, so the inflater never holds more than one chunk of input ahead of the cap.
  const feeding = (async () => {
    for (let i = 0; i < data.length; i += CHUNK) await writer.write(data.subarray(i, i + CHUNK) as Uint8Array<ArrayBuffer>);
    await writer.close();
  })().catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, problem: 'too-large' };
      }
      if (keep) chunks.push(value);
    }
  } catch {
    return { ok: false, problem: 'corrupt' };
  }
  await feeding;
  return { ok: true, bytes: keep ? concat(chunks, size) : null, size };
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.byteLength;
  }
  return out;
}
