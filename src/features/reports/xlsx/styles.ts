import type ExcelJS from 'exceljs';

/** The look of a printed 自评表: thin black grid, 宋体-like CJK font, centred headers, wrapped text. */
export const FONT = { name: '宋体', size: 10 } as const;
export const TITLE_FONT = { name: '宋体', size: 16, bold: true } as const;
/** 未完成（草稿）: bold and dark red, still legible on a black-and-white printer. */
export const DRAFT_FONT = { name: '宋体', size: 11, bold: true, color: { argb: 'FFC00000' } } as const;

const THIN = { style: 'thin', color: { argb: 'FF000000' } } as const;
export const GRID: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export const CENTER: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };
export const LEFT: Partial<ExcelJS.Alignment> = { horizontal: 'left', vertical: 'middle', wrapText: true };
export const RIGHT: Partial<ExcelJS.Alignment> = { horizontal: 'right', vertical: 'middle', wrapText: true };

/** Below-full rows get a pale fill on screen; it prints light enough for a black-and-white printer. */
export const SHORTFALL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
