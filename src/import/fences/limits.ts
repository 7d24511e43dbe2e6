/**
 * The ceilings an untrusted table is read inside. Every one is checked on the raw bytes or text before a
 * spreadsheet library or the layout reader sees them, so a hostile file costs at most a bounded scan.
 * The operator can change them through the JIXIAO_IMPORT_* variables (src/config.ts, README).
 */
export interface FileLimits {
  /** A file (xlsx, csv, json) larger than this is refused before it is opened. */
  maxFileBytes: number;
  /** The xlsx zip: the sum of its parts' uncompressed sizes, as declared and as actually inflated. */
  maxUnzippedBytes: number;
  /** The xlsx zip: how many parts (files inside the zip) it may hold. */
  maxZipEntries: number;
  /** One worksheet's XML, uncompressed. */
  maxSheetXmlBytes: number;
  /** The workbook's shared strings (xl/sharedStrings.xml, every text cell's text), uncompressed. */
  maxSharedStringsBytes: number;
  /** Rows of the used range (the last row holding a value), in a sheet, a CSV file or a pasted table. */
  maxRows: number;
  /** Columns of the used range. The grid a sheet becomes is at most maxRows × maxColumns cells. */
  maxColumns: number;
  /** Merged areas on one sheet (each is clipped to the used range first). */
  maxMerges: number;
  /** Characters in one cell. */
  maxCellChars: number;
}

const MB = 1024 * 1024;

export const DEFAULT_FILE_LIMITS: FileLimits = {
  maxFileBytes: 10 * MB,
  maxUnzippedBytes: 50 * MB,
  maxZipEntries: 1000,
  maxSheetXmlBytes: 20 * MB,
  maxSharedStringsBytes: 10 * MB,
  maxRows: 300,
  maxColumns: 50,
  maxMerges: 2000,
  maxCellChars: 2000,
};

/** `10 MB`, `1.5 MB`, `200 KB`: how a size is named in a Chinese message. */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${trim(bytes / MB)} MB`;
  return `${trim(bytes / 1024)} KB`;
}

function trim(n: number): string {
  return n >= 100 ? String(Math.round(n)) : String(Math.round(n * 10) / 10);
}
