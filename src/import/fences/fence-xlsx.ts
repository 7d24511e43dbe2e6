import { inflateRaw } from './inflate';
import { formatBytes, type FileLimits } from './limits';
import { refusals } from './messages';
import { sheetNames } from './sheet-names';
import { EMPTY_SHEET_XML, scanSheet } from './sheet-scan';
import { readZipDirectory, type ZipEntry } from './zip-directory';
import { rebuildZip } from './zip-rebuild';

export type FencedFile = { ok: true; bytes: Uint8Array; notes: string[] } | { ok: false; message: string };

/** The parts exceljs loads as worksheets (its own test, node_modules/exceljs/lib/xlsx/xlsx.js), so both see the same sheets. */
const EXCELJS_WORKSHEET = /xl\/worksheets\/sheet(\d+)[.]xml/;
const SHARED_STRINGS = 'xl/sharedStrings.xml';
/** Compound File Binary: an encrypted .xlsx or a legacy .xls, never a zip. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Checks an .xlsx before exceljs sees it and returns the bytes exceljs may load: the original, or a rebuilt
 * zip whose worksheets are cut to their used range (see `scanSheet`). The file size is held by `readTable`
 * for every format; then each step is bounded by the one before: the zip directory (part count, then the
 * declared sizes: no inflating); every part inflated as a stream that stops the moment it passes its declared
 * size; each worksheet scanned for its used range. A sheet over the row, column, merge or size limits is
 * skipped with a note when another sheet has content, and refuses the file otherwise.
 */
export async function fenceXlsx(data: Uint8Array, limits: FileLimits): Promise<FencedFile> {
  const refuse = (message: string): FencedFile => ({ ok: false, message });
  if (OLE_SIGNATURE.every((b, i) => data[i] === b)) return refuse(refusals.oleFile());
  const dir = readZipDirectory(data, limits);
  if (!dir.ok) {
    if (dir.problem === 'too-many-entries') return refuse(refusals.tooManyParts(dir.entries, limits.maxZipEntries));
    if (dir.problem === 'encrypted') return refuse(refusals.oleFile());
    return refuse(refusals.notXlsx());
  }
  const shared = dir.entries.find((e) => e.name === SHARED_STRINGS);
  if (shared && shared.uncompressedSize > limits.maxSharedStringsBytes) return refuse(refusals.sharedStringsTooLarge(limits.maxSharedStringsBytes));
  if (dir.declaredBytes > limits.maxUnzippedBytes) return refuse(refusals.unzippedTooLarge(limits.maxUnzippedBytes));

  const read = await inflateAll(data, dir.entries, limits);
  if (!read.ok) return read;
  const names = sheetNames(text(read.kept.get('xl/workbook.xml')), text(read.kept.get('xl/_rels/workbook.xml.rels')));
  const nameOf = (part: string) => names.get(part) ?? part.replace(/^.*\//, '').replace(/\.xml$/, '');

  const replaced = new Map<string, Uint8Array>();
  const over: { part: string; refusal: string; note: string }[] = [];
  let readable = 0;
  for (const e of dir.entries.filter((x) => EXCELJS_WORKSHEET.test(x.name))) {
    const sheet = nameOf(e.name);
    const xml = read.kept.get(e.name);
    if (!xml) {
      over.push({ part: e.name, refusal: refusals.sheetTooLarge(sheet, limits.maxSheetXmlBytes), note: refusals.sheetSkipped(sheet, `的数据超过 ${formatBytes(limits.maxSheetXmlBytes)} 的上限`) });
      continue;
    }
    const scan = scanSheet(text(xml)!, limits);
    if (!scan.ok) return refuse(refusals.notXlsx());
    if (scan.outside) {
      const where = refusals.valueOutside(sheet, scan.outside.cell);
      const rows = scan.outside.row > limits.maxRows;
      const what = rows ? `超过 ${limits.maxRows} 行` : `超过 ${limits.maxColumns} 列`;
      over.push({
        part: e.name,
        refusal: rows ? refusals.tooManyRows(limits.maxRows, where) : refusals.tooManyColumns(limits.maxColumns, where),
        note: refusals.sheetSkipped(sheet, `${what}（${scan.outside.cell} 单元格有内容）`),
      });
    } else if (scan.merges > limits.maxMerges) {
      over.push({ part: e.name, refusal: refusals.tooManyMerges(sheet, limits.maxMerges), note: refusals.sheetSkipped(sheet, `的合并单元格超过 ${limits.maxMerges} 处的上限`) });
    } else {
      if (scan.rows > 0) readable++;
      if (scan.trimmed !== null) replaced.set(e.name, new TextEncoder().encode(scan.trimmed));
    }
  }
  if (over.length && readable === 0) return refuse(over[0]!.refusal);
  for (const o of over) replaced.set(o.part, new TextEncoder().encode(EMPTY_SHEET_XML));
  return { ok: true, bytes: replaced.size ? rebuildZip(data, dir.entries, replaced) : data, notes: over.map((o) => o.note) };
}

type Inflation = { ok: true; kept: Map<string, Uint8Array> } | { ok: false; message: string };

/**
 * Inflates every part (exceljs inflates every part it finds), keeping the worksheets and the workbook's sheet
 * list. Declared sizes are already within the limits (a worksheet over its own is not inflated at all), so a
 * part is cut off the moment it inflates past what it declared: a lying zip costs at most its declared size.
 */
async function inflateAll(data: Uint8Array, entries: readonly ZipEntry[], limits: FileLimits): Promise<Inflation> {
  const kept = new Map<string, Uint8Array>();
  for (const e of entries) {
    const sheet = EXCELJS_WORKSHEET.test(e.name);
    if (sheet && e.uncompressedSize > limits.maxSheetXmlBytes) continue;
    const keep = sheet || e.name === 'xl/workbook.xml' || e.name === 'xl/_rels/workbook.xml.rels';
    const compressed = data.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    // Stored parts hold exactly their declared size (checked with the directory).
    const out = e.method === 0 ? ({ ok: true, bytes: compressed, size: compressed.byteLength } as const) : await inflateRaw(compressed, e.uncompressedSize, keep);
    if (!out.ok) return { ok: false, message: out.problem === 'too-large' ? refusals.sizeMismatch(e.name, e.uncompressedSize) : refusals.notXlsx() };
    // JSZip would stop at the same mismatch ("uncompressed data size mismatch"), after inflating all of it.
    if (out.size !== e.uncompressedSize) return { ok: false, message: refusals.notXlsx() };
    if (keep && out.bytes) kept.set(e.name, out.bytes);
  }
  return { ok: true, kept };
}

function text(bytes: Uint8Array | undefined): string | null {
  return bytes ? new TextDecoder('utf-8').decode(bytes) : null;
}
