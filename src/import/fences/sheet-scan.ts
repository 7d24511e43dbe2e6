import { columnLetter } from '../tables/grid';
import type { FileLimits } from './limits';
import { attribute, hasText, scanTags, type Tag } from './xml-tags';

/**
 * What one worksheet's XML holds, read by scanning it (never by building it): the used range (the last row
 * and column with a value), the first value outside the limits, and the merged areas.
 *
 * exceljs expands on load every cell a merge covers and every cell a data validation names, and loops over
 * every row and column up to the last one present, so `<mergeCell ref="A1:XFD1">` (a banner merged across the
 * whole row, as "select the row → 合并居中" makes it), a validation on whole columns, or one empty styled cell at
 * XFD1048576 costs it billions of cells. When the values sit inside the limits, such a sheet is cut to its
 * used range — rows and cells beyond it dropped, merges clipped, validations, column widths and
 * `<dimension>` removed — which is what the person meant; `trimmed` is the XML to hand to exceljs instead.
 */
export interface SheetScan {
  rows: number;
  cols: number;
  /** The first cell holding a value beyond the limits (`XFD1048576`), or null. */
  outside: { cell: string; row: number; col: number } | null;
  /** Merged areas declared (before clipping). */
  merges: number;
  /** The sheet cut to its used range, or null when nothing on it reaches past the limits. */
  trimmed: string | null;
}

export type SheetScanResult = ({ ok: true } & SheetScan) | { ok: false; problem: 'malformed' | 'dtd' };

/** Excel's own grid: 1 048 576 rows × 16 384 columns (XFD). */
const EXCEL_MAX_ROW = 1_048_576;
const EXCEL_MAX_COL = 16_384;

interface Ref {
  row: number;
  col: number;
}

/** `B12` → {row 12, col 2}; null when it is not an address inside Excel's grid. */
export function parseRef(ref: string): Ref | null {
  const m = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  return row >= 1 && row <= EXCEL_MAX_ROW && col <= EXCEL_MAX_COL ? { row, col } : null;
}

export function formatRef(row: number, col: number): string {
  return `${columnLetter(col - 1)}${row}`;
}

/** The column part of a cell's `r` (`XFD1048576` → 16384), or null. Rows come from the `<row>` element, as in exceljs. */
function refColumn(r: string | null): number | null {
  return r === null ? null : (parseRef(r)?.col ?? Infinity);
}

export function scanSheet(xml: string, limits: Pick<FileLimits, 'maxRows' | 'maxColumns' | 'maxMerges'>): SheetScanResult {
  let inSheetData = false;
  let row = 0;
  let col = 0;
  let cell: { col: number; valued: boolean } | null = null;
  let textFrom = -1;
  let rows = 0;
  let cols = 0;
  let reachRow = 0;
  let reachCol = 0;
  let colsAttrMax = 0;
  let validations = false;
  let outside: SheetScan['outside'] = null;
  const merges: string[] = [];

  const scanned = scanTags(xml, (tag) => {
    switch (tag.name) {
      case 'sheetData':
        inSheetData = tag.kind === 'open';
        return;
      case 'row':
        if (!inSheetData || tag.kind === 'close') return;
        row = rowNumber(xml, tag, row);
        col = 0;
        reachRow = Math.max(reachRow, row);
        return;
      case 'c':
        if (!inSheetData) return;
        if (tag.kind === 'close') {
          if (cell?.valued) {
            if (row > limits.maxRows || cell.col > limits.maxColumns) {
              outside = { cell: describe(row, cell.col), row, col: cell.col };
              return false;
            }
            rows = Math.max(rows, row);
            cols = Math.max(cols, cell.col);
          }
          cell = null;
          return;
        }
        col = refColumn(attribute(xml, tag, 'r')) ?? col + 1;
        reachCol = Math.max(reachCol, col);
        reachRow = Math.max(reachRow, row);
        cell = tag.kind === 'open' ? { col, valued: false } : null;
        return;
      case 'v':
      case 't':
        if (!cell) return;
        if (tag.kind === 'open') textFrom = tag.end;
        else if (tag.kind === 'close' && hasText(xml, textFrom, tag.start)) cell.valued = true;
        return;
      case 'mergeCell':
        if (tag.kind !== 'close') merges.push(attribute(xml, tag, 'ref') ?? '');
        // Counting stops at the limit: the sheet is refused or skipped either way.
        if (merges.length > limits.maxMerges) return false;
        return;
      case 'col':
        if (tag.kind !== 'close') colsAttrMax = Math.max(colsAttrMax, Number(attribute(xml, tag, 'max')) || Infinity);
        return;
      case 'dataValidations':
        validations = true;
        return;
      default:
        return;
    }
  });
  if (!scanned.ok) return scanned;
  const found = { rows, cols, outside: outside as SheetScan['outside'], merges: merges.length };
  if (found.outside || merges.length > limits.maxMerges) return { ok: true, ...found, trimmed: null };

  const reachesPast =
    reachRow > limits.maxRows ||
    reachCol > limits.maxColumns ||
    colsAttrMax > EXCEL_MAX_COL ||
    validations ||
    merges.some((m) => {
      const area = parseArea(m);
      return !area || area.bottom > limits.maxRows || area.right > limits.maxColumns;
    });
  return { ok: true, ...found, trimmed: reachesPast ? trimSheet(xml, rows, cols, merges) : null };
}

function rowNumber(xml: string, tag: Tag, previous: number): number {
  const r = attribute(xml, tag, 'r');
  if (r === null) return previous + 1;
  return /^[0-9]{1,7}$/.test(r) ? Number(r) : Infinity;
}

function describe(row: number, col: number): string {
  return Number.isFinite(row) && Number.isFinite(col) ? formatRef(row, col) : '表格范围以外的某个';
}

interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function parseArea(ref: string): Area | null {
  const [a, b] = ref.split(':');
  const from = a ? parseRef(a) : null;
  const to = b ? parseRef(b) : from;
  if (!from || !to) return null;
  return {
    top: Math.min(from.row, to.row),
    left: Math.min(from.col, to.col),
    bottom: Math.max(from.row, to.row),
    right: Math.max(from.col, to.col),
  };
}

/** Merges clipped to the used range; those left with one cell or none are dropped. */
function clipMerges(merges: string[], rows: number, cols: number): string[] {
  const out: string[] = [];
  for (const m of merges) {
    const area = parseArea(m);
    if (!area || area.top > rows || area.left > cols) continue;
    const bottom = Math.min(area.bottom, rows);
    const right = Math.min(area.right, cols);
    if (bottom === area.top && right === area.left) continue;
    out.push(`${formatRef(area.top, area.left)}:${formatRef(bottom, right)}`);
  }
  return out;
}

interface Edit {
  start: number;
  end: number;
  insert: string;
}

/** The second pass: the same XML with everything outside rows × cols cut (see `SheetScan`). */
function trimSheet(xml: string, rows: number, cols: number, merges: string[]): string {
  const clipped = clipMerges(merges, rows, cols);
  const mergeXml = clipped.length ? `<mergeCells count="${clipped.length}">${clipped.map((r) => `<mergeCell ref="${r}"/>`).join('')}</mergeCells>` : '';
  const edits: Edit[] = [];
  let cutting: { name: string; depth: number; start: number; insert: string } | null = null;
  let inSheetData = false;
  let row = 0;
  let col = 0;

  const cut = (tag: Tag, insert = '') => {
    if (tag.kind === 'empty') edits.push({ start: tag.start, end: tag.end, insert });
    else cutting = { name: tag.name, depth: tag.depth, start: tag.start, insert };
  };

  scanTags(xml, (tag) => {
    if (cutting) {
      if (tag.kind === 'close' && tag.name === cutting.name && tag.depth === cutting.depth) {
        edits.push({ start: cutting.start, end: tag.end, insert: cutting.insert });
        cutting = null;
      }
      return;
    }
    switch (tag.name) {
      case 'sheetData':
        inSheetData = tag.kind === 'open';
        return;
      case 'dimension':
      case 'cols':
      case 'dataValidations':
        if (tag.kind !== 'close') cut(tag);
        return;
      case 'mergeCells':
        if (tag.kind !== 'close') cut(tag, mergeXml);
        return;
      case 'row':
        if (!inSheetData || tag.kind === 'close') return;
        row = rowNumber(xml, tag, row);
        col = 0;
        if (row > rows) cut(tag);
        return;
      case 'c':
        if (!inSheetData || tag.kind === 'close') return;
        col = refColumn(attribute(xml, tag, 'r')) ?? col + 1;
        if (col > cols) cut(tag);
        return;
      default:
        return;
    }
  });

  const parts: string[] = [];
  let at = 0;
  for (const e of edits) {
    parts.push(xml.slice(at, e.start), e.insert);
    at = e.end;
  }
  parts.push(xml.slice(at));
  return parts.join('');
}

/** A worksheet with nothing on it: what a sheet that is skipped becomes, so exceljs reads no part of it. */
export const EMPTY_SHEET_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>';
