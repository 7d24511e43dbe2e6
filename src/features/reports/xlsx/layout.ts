/**
 * Page geometry of the printed 自评表, computed rather than left to the printer driver: column widths in Excel's
 * units, the text each cell must hold, row heights that hold it, and the scale at which the whole table fits one
 * A4 landscape page. Excel measures a column in “characters” of the workbook's default font (Calibri 11 in the
 * files exceljs writes: a maximum digit width of 7 px at 96 dpi), so a width w is trunc((256·w + trunc(128/7)) /
 * 256 · 7) px — the formula of ECMA-376 Part 1 §18.3.1.13 (col/@width) — and 0.75 pt per px.
 */

/** A4 landscape in points, and the margins the sheet sets (inches → 72 pt). */
export const PAGE = { width: 841.89, height: 595.28 } as const;
export const MARGINS_IN = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 } as const;
export const PRINTABLE = {
  width: PAGE.width - (MARGINS_IN.left + MARGINS_IN.right) * 72,
  height: PAGE.height - (MARGINS_IN.top + MARGINS_IN.bottom) * 72,
} as const;

/** Body text of the sheet: 宋体 10 pt. One wrapped line takes 14 pt (宋体 10 pt is 13.5 pt in Excel; the margin covers the CJK fonts LibreOffice and WPS substitute); a cell adds 4 pt of padding. */
export const FONT_PT = 10;
export const LINE_PT = 14;
export const PADDING_PT = 4;
export const MIN_ROW_PT = 18;
/** Excel's limit for a row height. */
export const MAX_ROW_PT = 409;

const MAX_DIGIT_PX = 7;

/** A column's printed width in points. */
export function columnPoints(width: number): number {
  const px = Math.trunc(((256 * width + Math.trunc(128 / MAX_DIGIT_PX)) / 256) * MAX_DIGIT_PX);
  return px * 0.75;
}

/**
 * Width of a text in em of the cell font: a CJK character or full-width form is 1 em, anything else (digits,
 * Latin, ASCII punctuation) counts 0.55 em — 宋体's half-width glyphs are 0.5 em, and the margin covers fonts a
 * reader's machine may substitute.
 */
export function textEm(text: string): number {
  let em = 0;
  for (const ch of text) em += isWide(ch) ? 1 : 0.55;
  return em;
}

function isWide(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000 || c === 0x2014 || c === 0x2026 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019;
}

/**
 * Lines a wrapped text takes in a cell `points` wide, wrapped the way Excel and WPS wrap it: a line holds whole
 * characters (CJK breaks between any two), a run of Latin letters or digits stays together, and a closing
 * punctuation mark never starts a line — it takes the character before it along. A cell keeps about 3 pt clear
 * on each side.
 */
export function wrappedLines(text: string, points: number, fontPt = FONT_PT): number {
  const usable = Math.max(1, (points - 6) / fontPt);
  return text.split('\n').reduce((sum, para) => sum + paragraphLines(para, usable), 0);
}

const NO_LINE_START = /^[，。、；：？！）》」』】”’%,.;:?!)\]]$/u;

function paragraphLines(para: string, usable: number): number {
  const tokens = para.match(/[A-Za-z0-9.%+\-/]+|./gsu) ?? [];
  let lines = 1;
  let x = 0;
  let last = 0;
  for (const token of tokens) {
    const w = textEm(token);
    if (x + w <= usable + 1e-9) {
      x += w;
      last = w;
      continue;
    }
    if (w > usable) {
      // a run longer than a line breaks anywhere
      const total = x + w;
      lines += Math.ceil(total / usable - 1e-9) - 1;
      x = total - (Math.ceil(total / usable - 1e-9) - 1) * usable;
      last = 0;
      continue;
    }
    lines++;
    x = NO_LINE_START.test(token) ? last + w : w;
    last = w;
  }
  return lines;
}

/** Height in points that prints `lines` lines whole. */
export function linesHeight(lines: number, fontPt = FONT_PT): number {
  const line = (LINE_PT * fontPt) / FONT_PT;
  return Math.min(MAX_ROW_PT, Math.max(MIN_ROW_PT, Math.ceil(lines * line + PADDING_PT)));
}

/** Height a cell needs for its text. Empty text needs nothing. */
export function cellHeight(text: string, points: number, fontPt = FONT_PT): number {
  if (!text) return 0;
  return linesHeight(wrappedLines(text, points, fontPt), fontPt);
}

/** The scale (fraction) at which a table of the given printed size fits the printable area. */
export function fitScale(widthPt: number, heightPt: number, pages: { wide: number; tall: number | null }): number {
  const byWidth = (PRINTABLE.width * pages.wide) / widthPt;
  const byHeight = pages.tall === null ? Infinity : (PRINTABLE.height * pages.tall) / heightPt;
  return Math.min(1, byWidth, byHeight);
}
