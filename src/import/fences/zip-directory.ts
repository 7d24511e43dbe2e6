/**
 * Reads a zip's central directory (the table of contents at the end of the file) without inflating anything,
 * so an .xlsx's part count and declared sizes are known before a byte is decompressed. Format:
 * https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT (4.3.12 central directory header, 4.3.16 end of
 * central directory, 4.3.14-15 and 4.5.3 the ZIP64 forms).
 */

export interface ZipEntry {
  /** The part name as stored, with a leading `/` removed (JSZip, and so exceljs, does the same). */
  name: string;
  /** 0 stored, 8 deflate; nothing else occurs in an .xlsx. */
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  /** As declared in the directory; the inflater checks it. */
  uncompressedSize: number;
  /** Where the local header starts. */
  localOffset: number;
  /** Where the compressed bytes start (after the local header's name and extra field). */
  dataOffset: number;
}

export type ZipDirectory =
  | { ok: true; entries: ZipEntry[]; declaredBytes: number }
  | { ok: false; problem: 'not-zip' | 'encrypted' | 'unsupported' }
  | { ok: false; problem: 'too-many-entries'; entries: number };

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;
const decoder = new TextDecoder('utf-8');

/** `declaredBytes` is the sum of the parts' declared uncompressed sizes, for the caller to hold to its limit. */
export function readZipDirectory(bytes: Uint8Array, limits: { maxZipEntries: number }): ZipDirectory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfDirectory(view);
  if (eocd < 0) return { ok: false, problem: 'not-zip' };
  let count = view.getUint16(eocd + 10, true);
  let dirSize = view.getUint32(eocd + 12, true);
  let dirOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
    const zip64 = readZip64End(view, eocd);
    if (!zip64) return { ok: false, problem: 'not-zip' };
    ({ count, dirSize, dirOffset } = zip64);
  }
  // Checked before the directory is walked, so a zip claiming millions of parts costs nothing.
  if (count > limits.maxZipEntries) return { ok: false, problem: 'too-many-entries', entries: count };
  if (dirOffset + dirSize > bytes.byteLength) return { ok: false, problem: 'not-zip' };

  const entries: ZipEntry[] = [];
  let declaredBytes = 0;
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.byteLength || view.getUint32(p, true) !== CENTRAL) return { ok: false, problem: 'not-zip' };
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const crc32 = view.getUint32(p + 16, true);
    let compressedSize = view.getUint32(p + 20, true);
    let uncompressedSize = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    let localOffset = view.getUint32(p + 42, true);
    const end = p + 46 + nameLength + extraLength + commentLength;
    if (end > bytes.byteLength) return { ok: false, problem: 'not-zip' };
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)).replace(/^\//, '');
    const wide = readZip64Extra(view, p + 46 + nameLength, extraLength, {
      uncompressed: uncompressedSize === 0xffffffff,
      compressed: compressedSize === 0xffffffff,
      offset: localOffset === 0xffffffff,
    });
    if (!wide) return { ok: false, problem: 'not-zip' };
    uncompressedSize = wide.uncompressed ?? uncompressedSize;
    compressedSize = wide.compressed ?? compressedSize;
    localOffset = wide.offset ?? localOffset;
    if (flags & 0x1) return { ok: false, problem: 'encrypted' };
    if (method !== 0 && method !== 8) return { ok: false, problem: 'unsupported' };
    if (method === 0 && compressedSize !== uncompressedSize) return { ok: false, problem: 'not-zip' };
    declaredBytes += uncompressedSize;

    if (localOffset + 30 > bytes.byteLength || view.getUint32(localOffset, true) !== LOCAL) return { ok: false, problem: 'not-zip' };
    const dataOffset = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    if (dataOffset + compressedSize > bytes.byteLength) return { ok: false, problem: 'not-zip' };
    entries.push({ name, method, flags, crc32, compressedSize, uncompressedSize, localOffset, dataOffset });
    p = end;
  }
  return { ok: true, entries, declaredBytes };
}

/** The end-of-central-directory record: searched backwards over at most the longest possible comment. */
function findEndOfDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let p = last; p >= first; p--) {
    if (view.getUint32(p, true) === EOCD && p + 22 + view.getUint16(p + 20, true) === view.byteLength) return p;
  }
  return -1;
}

function readZip64End(view: DataView, eocd: number): { count: number; dirSize: number; dirOffset: number } | null {
  const locator = eocd - 20;
  if (locator < 0 || view.getUint32(locator, true) !== EOCD64_LOCATOR) return null;
  const record = safeNumber(view.getBigUint64(locator + 8, true));
  if (record === null || record + 56 > view.byteLength || view.getUint32(record, true) !== EOCD64) return null;
  const count = safeNumber(view.getBigUint64(record + 32, true));
  const dirSize = safeNumber(view.getBigUint64(record + 40, true));
  const dirOffset = safeNumber(view.getBigUint64(record + 48, true));
  return count === null || dirSize === null || dirOffset === null ? null : { count, dirSize, dirOffset };
}

/** The ZIP64 extra field (id 1) holds, in this order, only the sizes and offset whose 32-bit field is 0xFFFFFFFF. */
function readZip64Extra(
  view: DataView,
  start: number,
  length: number,
  wanted: { uncompressed: boolean; compressed: boolean; offset: boolean },
): { uncompressed?: number; compressed?: number; offset?: number } | null {
  if (!wanted.uncompressed && !wanted.compressed && !wanted.offset) return {};
  for (let p = start; p + 4 <= start + length; ) {
    const id = view.getUint16(p, true);
    const size = view.getUint16(p + 2, true);
    if (id === 1) {
      const out: { uncompressed?: number; compressed?: number; offset?: number } = {};
      let q = p + 4;
      for (const key of ['uncompressed', 'compressed', 'offset'] as const) {
        if (!wanted[key]) continue;
        if (q + 8 > p + 4 + size) return null;
        const n = safeNumber(view.getBigUint64(q, true));
        if (n === null) return null;
        out[key] = n;
        q += 8;
      }
      return out;
    }
    p += 4 + size;
  }
  return null;
}

function safeNumber(n: bigint): number | null {
  return n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : null;
}
