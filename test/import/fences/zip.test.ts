import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inflateRaw } from '../../../src/import/fences/inflate';
import { readZipDirectory } from '../../../src/import/fences/zip-directory';
import { crc32, rebuildZip } from '../../../src/import/fences/zip-rebuild';
import { MB, unzip, zip } from './hostile-files';

const limits = { maxZipEntries: 1000 };

/** One stored part `a.txt` written the ZIP64 way: 0xFFFFFFFF in the 32-bit fields, the real values in extra field 1. */
function zip64(content: string): Uint8Array {
  const data = Buffer.from(content);
  const name = Buffer.from('a.txt');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(name.length, 26);
  const extra = Buffer.alloc(4 + 24);
  extra.writeUInt16LE(1, 0);
  extra.writeUInt16LE(24, 2);
  extra.writeBigUInt64LE(BigInt(data.length), 4);
  extra.writeBigUInt64LE(BigInt(data.length), 12);
  extra.writeBigUInt64LE(0n, 20);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt32LE(0xffffffff, 20);
  central.writeUInt32LE(0xffffffff, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt16LE(extra.length, 30);
  central.writeUInt32LE(0xffffffff, 42);
  const dirOffset = 30 + name.length + data.length;
  const dir = Buffer.concat([central, name, extra]);
  const end64 = Buffer.alloc(56);
  end64.writeUInt32LE(0x06064b50, 0);
  end64.writeBigUInt64LE(1n, 24);
  end64.writeBigUInt64LE(1n, 32);
  end64.writeBigUInt64LE(BigInt(dir.length), 40);
  end64.writeBigUInt64LE(BigInt(dirOffset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(dirOffset + dir.length), 8);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return new Uint8Array(Buffer.concat([local, name, data, dir, end64, locator, end]));
}

describe('readZipDirectory', () => {
  it('lists the parts with their declared sizes, without inflating', () => {
    const dir = readZipDirectory(zip([{ name: '/xl/a.xml', data: 'hello' }, { name: 'b', data: Buffer.alloc(1000), store: true }]), limits);
    expect(dir).toMatchObject({ ok: true, declaredBytes: 1005, entries: [{ name: 'xl/a.xml', method: 8, uncompressedSize: 5 }, { name: 'b', method: 0, compressedSize: 1000 }] });
  });

  it('reads the ZIP64 forms of the end record and of the sizes', () => {
    const dir = readZipDirectory(zip64('hello'), limits);
    expect(dir).toMatchObject({ ok: true, entries: [{ name: 'a.txt', method: 0, uncompressedSize: 5, compressedSize: 5, localOffset: 0, dataOffset: 35 }] });
  });

  it('refuses too many parts from the end record alone, before reading the directory', () => {
    const bytes = zip(Array.from({ length: 20 }, (_, i) => ({ name: `p${i}`, data: '' })));
    expect(readZipDirectory(bytes, { maxZipEntries: 10 })).toEqual({ ok: false, problem: 'too-many-entries', entries: 20 });
  });

  it('tells not-a-zip, encryption and unknown methods apart', () => {
    expect(readZipDirectory(new TextEncoder().encode('name,value\n'), limits)).toEqual({ ok: false, problem: 'not-zip' });
    const good = zip([{ name: 'a', data: 'x' }]);
    expect(readZipDirectory(good.subarray(0, good.length - 5), limits)).toEqual({ ok: false, problem: 'not-zip' });
    const encrypted = Buffer.from(good);
    encrypted.writeUInt16LE(1, encrypted.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 8);
    expect(readZipDirectory(new Uint8Array(encrypted), limits)).toEqual({ ok: false, problem: 'encrypted' });
    const bzip = Buffer.from(good);
    bzip.writeUInt16LE(12, bzip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 10);
    expect(readZipDirectory(new Uint8Array(bzip), limits)).toEqual({ ok: false, problem: 'unsupported' });
  });

  it('refuses a directory pointing outside the file', () => {
    const bytes = Buffer.from(zip([{ name: 'a', data: 'x' }]));
    bytes.writeUInt32LE(0xfffff, bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 42);
    expect(readZipDirectory(new Uint8Array(bytes), limits)).toEqual({ ok: false, problem: 'not-zip' });
  });
});

describe('inflateRaw', () => {
  it('inflates, or only measures', async () => {
    const data = new Uint8Array(deflateRawSync(Buffer.from('表格'.repeat(10_000))));
    const kept = await inflateRaw(data, 1 * MB, true);
    expect(kept.ok && new TextDecoder().decode(kept.bytes!)).toBe('表格'.repeat(10_000));
    expect(await inflateRaw(data, 1 * MB, false)).toEqual({ ok: true, bytes: null, size: 60_000 });
  });

  it('stops at the cap instead of inflating a bomb to the end', async () => {
    const bomb = new Uint8Array(deflateRawSync(Buffer.alloc(64 * MB)));
    expect(bomb.length).toBeLessThan(100_000);
    expect(await inflateRaw(bomb, 1 * MB, false)).toEqual({ ok: false, problem: 'too-large' });
  });

  it('reports a damaged stream', async () => {
    expect(await inflateRaw(new Uint8Array([0xff, 0xff, 0xff, 0xff]), MB, false)).toEqual({ ok: false, problem: 'corrupt' });
    const truncated = new Uint8Array(deflateRawSync(Buffer.from('x'.repeat(1000)))).subarray(0, 3);
    expect(await inflateRaw(truncated, MB, false)).toEqual({ ok: false, problem: 'corrupt' });
  });
});

describe('rebuildZip', () => {
  it('keeps untouched parts byte for byte and stores replaced ones, readable by an independent reader', () => {
    const source = zip([
      { name: 'keep.xml', data: '<a>keep</a>' },
      { name: 'stored.bin', data: Buffer.from([1, 2, 3]), store: true },
      { name: 'xl/worksheets/sheet1.xml', data: '<old/>' },
    ]);
    const dir = readZipDirectory(source, limits);
    if (!dir.ok) throw new Error('fixture');
    const rebuilt = rebuildZip(source, dir.entries, new Map([['xl/worksheets/sheet1.xml', new TextEncoder().encode('<new/>')]]));
    expect(unzip(rebuilt).map((p) => [p.name, p.data.toString('latin1')])).toEqual([
      ['keep.xml', '<a>keep</a>'],
      ['stored.bin', '\x01\x02\x03'],
      ['xl/worksheets/sheet1.xml', '<new/>'],
    ]);
    const again = readZipDirectory(rebuilt, limits);
    expect(again.ok && again.entries.map((e) => [e.name, e.method, e.crc32])).toEqual([
      ['keep.xml', 8, dir.entries[0]!.crc32],
      ['stored.bin', 0, dir.entries[1]!.crc32],
      ['xl/worksheets/sheet1.xml', 0, crc32(new TextEncoder().encode('<new/>'))],
    ]);
  });

  it('computes CRC-32 as zip does', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});
