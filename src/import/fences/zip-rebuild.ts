import type { ZipEntry } from './zip-directory';

/**
 * A new zip from the parts of a checked one: parts listed in `replaced` are stored (uncompressed) with their
 * new content; every other part keeps its compressed bytes, method and CRC, with fresh headers that carry the
 * sizes the fence verified (no data descriptors, no ZIP64: the limits keep every size far below 4 GB).
 * Format: https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT 4.3.7 and 4.3.12.
 */
export function rebuildZip(source: Uint8Array, entries: readonly ZipEntry[], replaced: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const encoder = new TextEncoder();
  const parts = entries.map((e) => {
    const content = replaced.get(e.name);
    return {
      name: encoder.encode(e.name),
      method: content ? 0 : e.method,
      crc32: content ? crc32(content) : e.crc32,
      uncompressedSize: content ? content.byteLength : e.uncompressedSize,
      data: content ?? source.subarray(e.dataOffset, e.dataOffset + e.compressedSize),
      offset: 0,
    };
  });
  const localSize = parts.reduce((n, p) => n + 30 + p.name.byteLength + p.data.byteLength, 0);
  const centralSize = parts.reduce((n, p) => n + 46 + p.name.byteLength, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  const UTF8_NAMES = 0x0800;
  let p = 0;
  for (const part of parts) {
    part.offset = p;
    view.setUint32(p, 0x04034b50, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, UTF8_NAMES, true);
    view.setUint16(p + 8, part.method, true);
    view.setUint32(p + 14, part.crc32, true);
    view.setUint32(p + 18, part.data.byteLength, true);
    view.setUint32(p + 22, part.uncompressedSize, true);
    view.setUint16(p + 26, part.name.byteLength, true);
    out.set(part.name, p + 30);
    out.set(part.data, p + 30 + part.name.byteLength);
    p += 30 + part.name.byteLength + part.data.byteLength;
  }
  const centralStart = p;
  for (const part of parts) {
    view.setUint32(p, 0x02014b50, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 20, true);
    view.setUint16(p + 8, UTF8_NAMES, true);
    view.setUint16(p + 10, part.method, true);
    view.setUint32(p + 16, part.crc32, true);
    view.setUint32(p + 20, part.data.byteLength, true);
    view.setUint32(p + 24, part.uncompressedSize, true);
    view.setUint16(p + 28, part.name.byteLength, true);
    view.setUint32(p + 42, part.offset, true);
    out.set(part.name, p + 46);
    p += 46 + part.name.byteLength;
  }
  view.setUint32(p, 0x06054b50, true);
  view.setUint16(p + 8, parts.length, true);
  view.setUint16(p + 10, parts.length, true);
  view.setUint32(p + 12, p - centralStart, true);
  view.setUint32(p + 16, centralStart, true);
  return out;
}

let table: Uint32Array | null = null;

/** CRC-32 (IEEE 802.3), as zip stores it. */
export function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = table[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
