import ExcelJS from 'exceljs';
import SSF from 'ssf';

/**
 * What Excel prints in each cell of a workbook, rendered the way Excel renders it: numbers through SheetJS's
 * `ssf`, the number-format engine SheetJS uses to match Excel (“0.##” on 10 → “10.”, which LibreOffice would hide).
 */
export interface RenderedCell {
  sheet: string;
  ref: string;
  row: number;
  col: number;
  value: unknown;
  numFmt: string;
  text: string;
}

export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

export function visibleSheets(wb: ExcelJS.Workbook): ExcelJS.Worksheet[] {
  return wb.worksheets.filter((ws) => ws.state !== 'hidden' && ws.state !== 'veryHidden');
}

export function renderCell(value: unknown, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return SSF.format(numFmt || 'General', value);
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value && 'richText' in value) return (value as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
  return String(value);
}

/** Every cell that holds a value (merged ranges by their master cell), with the text Excel prints. */
export function renderedCells(wb: ExcelJS.Workbook): RenderedCell[] {
  const out: RenderedCell[] = [];
  for (const ws of visibleSheets(wb)) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (c) => {
        if (c.isMerged && c.master !== c) return;
        out.push({ sheet: ws.name, ref: c.address, row: Number(c.row), col: Number(c.col), value: c.value, numFmt: c.numFmt ?? '', text: renderCell(c.value, c.numFmt) });
      });
    });
  }
  return out;
}

/** The printed text of one cell. */
export function textAt(wb: ExcelJS.Workbook, sheet: string, ref: string): string {
  const ws = wb.getWorksheet(sheet)!;
  const c = ws.getCell(ref);
  return renderCell(c.value, c.numFmt);
}
