/**
 * The hostile and the innocent-but-huge files of the security review (F1, F2), built here rather than stored:
 * each is the seed table 003-t1.xlsx with one thing changed, or a zip crafted byte by byte. The zip code uses
 * node:zlib, independently of the reader under test, so a bug there cannot hide a bug in the fence.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

const SEEDS = join(import.meta.dirname, '../../fixtures/seeds');
export const MB = 1024 * 1024;

export interface Part {
  name: string;
  data: Buffer | string;
  /** Claim this uncompressed size in both headers instead of the real one (a lying zip). */
  declare?: number;
  /** Store instead of deflate. */
  store?: boolean;
  /** Use these compressed bytes as they are (a hand-made deflate stream). */
  raw?: Buffer;
}

export function zip(parts: Part[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const data = Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data, 'utf8');
    const body = p.raw ?? (p.store ? data : deflateRawSync(data));
    const name = Buffer.from(p.name, 'utf8');
    const size = p.declare ?? data.length;
    const crc = crc32(data);
    const method = p.store ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, dir, end]));
}

/** Every part of a zip (no data descriptors, as Excel and exceljs write them). */
export function unzip(bytes: Uint8Array): Part[] {
  const buf = Buffer.from(bytes);
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const parts: Part[] = [];
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const body = buf.subarray(start, start + csize);
    parts.push({ name, data: method === 0 ? Buffer.from(body) : inflateRawSync(body) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return parts;
}

export function seedBytes(name = '003-t1.xlsx'): Uint8Array {
  return new Uint8Array(readFileSync(join(SEEDS, name)));
}

/** The seed with its first worksheet's XML changed by `edit`. */
export function editedSeed(edit: (sheetXml: string) => string, name = '003-t1.xlsx'): Uint8Array {
  return zip(unzip(seedBytes(name)).map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { ...p, data: edit(p.data.toString()) } : p)));
}

const addMerge = (ref: string) => (xml: string) => xml.replace('</mergeCells>', `<mergeCell ref="${ref}"/></mergeCells>`);
const addRow = (row: string) => (xml: string) => xml.replace('</sheetData>', `${row}</sheetData>`);

/** The hostile files of review F1, each ~9 KB. */
export const hostile = {
  /** `select the row → 合并居中` on the title: A1:J1 becomes a whole-row merge. Innocent; must import. */
  bannerRowMerge: () => editedSeed((x) => x.replace('<mergeCell ref="A1:J1"/>', '<mergeCell ref="A1:XFD1"/>')),
  /** The review's row-merge.xlsx: a whole-row merge below the table. */
  rowMerge: () => editedSeed(addMerge('A60:XFD60')),
  /** The review's col-merge.xlsx: a whole-column merge. */
  columnMerge: () => editedSeed(addMerge('K1:K1048576')),
  /** The review's merge-bomb.xlsx. */
  mergeBomb: () => editedSeed(addMerge('A200:XFD1048576')),
  /** The review's far-cell.xlsx: one value at the last cell of the grid. */
  farCell: () => editedSeed(addRow('<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>')),
  /** An empty, styled cell at the last cell (a format brushed over the sheet): nothing to read there. */
  farEmptyCell: () => editedSeed(addRow('<row r="1048576"><c r="XFD1048576" s="1"/></row>')),
  /** A `<dimension>` claiming the whole grid on a small table (some generators write it). */
  hugeDimension: () => editedSeed((x) => x.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>')),
  /** A drop-down list (数据验证) on whole columns, as templates set for 完成档次. exceljs expands it per cell. */
  wholeColumnValidation: () =>
    editedSeed((x) =>
      x.replace('</mergeCells>', '</mergeCells><dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576"><formula1>"达成,部分达成,未达成"</formula1></dataValidation></dataValidations>'),
    ),
  /** Column widths claimed up to column 10⁹ (exceljs makes one object per column). */
  absurdColumns: () => editedSeed((x) => x.replace('</cols>', '<col min="11" max="1000000000" width="9"/></cols>')),
  /** A DTD in a worksheet (the shape of a "billion laughs" file). */
  doctype: () => editedSeed((x) => x.replace('<worksheet', '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">]><worksheet')),
  /** The review's zip bomb: xl/sharedStrings.xml declared as 200 MB (the bytes are not there). */
  sharedStringsClaim: () =>
    zip(unzip(seedBytes()).map((p) => (p.name === 'xl/sharedStrings.xml' ? { ...p, declare: 200 * MB } : p))),
  /** A real bomb: a part that inflates to 60 MB from ~60 KB, declared honestly. */
  honestBomb: () => zip([...unzip(seedBytes()), { name: 'xl/media/image1.png', data: Buffer.alloc(60 * MB) }]),
  /** A lying bomb of ~21 KB: the worksheet declares its true size is small and inflates to 21 MB of zeros. */
  lyingBomb: () =>
    zip(unzip(seedBytes()).map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { name: p.name, data: Buffer.alloc(21 * MB), declare: p.data.length } : p))),
  /** A worksheet of 21 MB (white space after the data), declared honestly: over the 20 MB a sheet may have. */
  hugeSheet: () => editedSeed((x) => x.replace('</sheetData>', `</sheetData>${' '.repeat(21 * MB)}`)),
  /** 2 000 tiny parts. */
  manyParts: () => zip([...unzip(seedBytes()), ...Array.from({ length: 2000 }, (_, i) => ({ name: `customXml/item${i}.xml`, data: '<a/>' }))]),
  /** A second sheet of 5 000 rows next to the indicator table. */
  bigSecondSheet: () => {
    const parts = unzip(seedBytes());
    const rows = Array.from({ length: 5000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
    const sheet2 = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
    const patch = (p: Part): Part => {
      const s = p.data.toString();
      if (p.name === 'xl/workbook.xml') return { ...p, data: s.replace('</sheets>', '<sheet name="明细" sheetId="2" r:id="rIdBig"/></sheets>') };
      if (p.name === 'xl/_rels/workbook.xml.rels')
        return { ...p, data: s.replace('</Relationships>', '<Relationship Id="rIdBig" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>') };
      if (p.name === '[Content_Types].xml')
        return { ...p, data: s.replace('</Types>', '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>') };
      return p;
    };
    return zip([...parts.map(patch), { name: 'xl/worksheets/sheet2.xml', data: sheet2 }]);
  },
  /** A legacy .xls or a password-protected .xlsx: a Compound File, not a zip. */
  oleFile: () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]),
};

/** The review's 1.2 MB CSV: 20 000 plain rows. */
export function bigCsv(rows = 20_000): Uint8Array {
  const lines = ['一级指标,二级指标,三级指标,年度指标值,分值'];
  for (let i = 0; i < rows; i++) lines.push(`产出指标,数量指标,指标${i},≥${i}次,1`);
  return new TextEncoder().encode(lines.join('\n'));
}

/** The review's pasted message: one 年度指标值 cell of `1,111,111,…,11次` (~100 KB) in an otherwise valid table. */
export function adversarialPaste(chars = 100_000): string {
  const cell = `1,${'111,'.repeat(Math.floor(chars / 4))}11次`;
  return ['项目名称\t测试项目', '全年预算数\t100', '一级指标\t二级指标\t三级指标\t年度指标值\t分值', `产出指标\t数量指标\t培训\t${cell}\t10`].join('\n');
}
