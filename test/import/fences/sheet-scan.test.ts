import { describe, expect, it } from 'vitest';
import { DEFAULT_FILE_LIMITS } from '../../../src/import/fences/limits';
import { sheetNames } from '../../../src/import/fences/sheet-names';
import { parseRef, scanSheet } from '../../../src/import/fences/sheet-scan';
import { attribute, scanTags, type Tag } from '../../../src/import/fences/xml-tags';

const limits = { ...DEFAULT_FILE_LIMITS, maxRows: 10, maxColumns: 5, maxMerges: 3 };
const sheet = (data: string, after = '') => `<?xml version="1.0"?><worksheet xmlns="m"><dimension ref="A1:XFD1048576"/><cols><col min="1" max="16384"/></cols><sheetData>${data}</sheetData>${after}</worksheet>`;
const cell = (ref: string, text?: string) => (text === undefined ? `<c r="${ref}" s="1"/>` : `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`);

describe('scanTags', () => {
  it('sees tags as the XML parser does: comments, CDATA and declarations skipped, `>` inside quotes kept', () => {
    const seen: string[] = [];
    const xml = `<?xml version="1.0"?><!-- <row r="9"/> --><a x="1>2" y='<'><![CDATA[<c r="Z9"/>]]><b/></a>`;
    expect(scanTags(xml, (t) => void seen.push(`${t.kind}:${t.name}@${t.depth}`))).toEqual({ ok: true });
    expect(seen).toEqual(['open:a@1', 'empty:b@2', 'close:a@1']);
  });

  it('reports what is not well-formed, and any DTD', () => {
    expect(scanTags('<a><b></a>', () => undefined)).toEqual({ ok: false, problem: 'malformed' });
    expect(scanTags('<a x="1>', () => undefined)).toEqual({ ok: false, problem: 'malformed' });
    expect(scanTags('<a>', () => undefined)).toEqual({ ok: false, problem: 'malformed' });
    expect(scanTags('<!DOCTYPE a [<!ENTITY x "y">]><a/>', () => undefined)).toEqual({ ok: false, problem: 'dtd' });
  });

  it('reads attributes with either quote, spaces around =, and entities', () => {
    let tag: Tag | null = null;
    const xml = `<c  r = 'B2'  title="a &amp; b &#x4E2D;" s="1"/>`;
    scanTags(xml, (t) => void (tag = t));
    expect([attribute(xml, tag!, 'r'), attribute(xml, tag!, 'title'), attribute(xml, tag!, 'x')]).toEqual(['B2', 'a & b 中', null]);
  });
});

describe('parseRef', () => {
  it('reads addresses inside Excel’s grid only', () => {
    expect([parseRef('A1'), parseRef('$XFD$1048576'), parseRef('xfd1')]).toEqual([{ row: 1, col: 1 }, { row: 1048576, col: 16384 }, { row: 1, col: 16384 }]);
    expect([parseRef('XFE1'), parseRef('A1048577'), parseRef('A0'), parseRef('1A'), parseRef('AAAA1')]).toEqual([null, null, null, null, null]);
  });
});

describe('scanSheet', () => {
  it('finds the used range from cells holding a value, ignoring empty styled cells', () => {
    const scan = scanSheet(sheet(`<row r="1">${cell('A1', '标题')}${cell('E1')}</row><row r="3">${cell('C3', ' ')}${cell('B3', 'x')}</row><row r="4"><c r="D4"><v>5</v></c></row>`), limits);
    expect(scan).toMatchObject({ ok: true, rows: 4, cols: 4, outside: null, merges: 0 });
  });

  it('counts cells and rows without `r` from their position', () => {
    expect(scanSheet(sheet(`<row>${cell('A1', 'a')}<c><v>1</v></c></row><row><c/><c/><c><v>1</v></c></row>`).replace(/ r="A1"/, ''), limits)).toMatchObject({ rows: 2, cols: 3 });
  });

  it('names the first value outside the limits and stops there', () => {
    expect(scanSheet(sheet(`<row r="1">${cell('A1', 'a')}</row><row r="11">${cell('B11', 'x')}</row><row r="1048576">${cell('XFD1048576', 'y')}</row>`), limits)).toMatchObject({
      outside: { cell: 'B11', row: 11, col: 2 },
    });
    expect(scanSheet(sheet(`<row r="2">${cell('F2', 'x')}</row>`), limits)).toMatchObject({ outside: { cell: 'F2' } });
  });

  it('leaves a sheet that stays inside the limits untouched', () => {
    expect(scanSheet(sheet(`<row r="1">${cell('A1', 'a')}${cell('E1')}</row>`, '<mergeCells count="1"><mergeCell ref="A1:E1"/></mergeCells>'), limits)).toMatchObject({ trimmed: null });
  });

  it('cuts a sheet reaching past the limits to its used range: rows, cells, merges clipped, validations and widths dropped', () => {
    const xml = sheet(
      `<row r="1">${cell('A1', '项目支出绩效自评表')}${cell('B1')}${cell('XFD1')}</row><row r="2">${cell('A2', 'a')}${cell('C2', 'c')}</row><row r="1048576">${cell('XFD1048576')}</row>`,
      '<mergeCells count="3"><mergeCell ref="A1:XFD1"/><mergeCell ref="A200:XFD1048576"/><mergeCell ref="B2:B1048576"/></mergeCells><dataValidations count="1"><dataValidation sqref="A1:XFD1048576"/></dataValidations><pageMargins left="0.7"/>',
    );
    const scan = scanSheet(xml, limits);
    expect(scan).toMatchObject({ ok: true, rows: 2, cols: 3, merges: 3 });
    expect(scan.ok && scan.trimmed).toBe(
      '<?xml version="1.0"?><worksheet xmlns="m"><sheetData>' +
        `<row r="1">${cell('A1', '项目支出绩效自评表')}${cell('B1')}</row><row r="2">${cell('A2', 'a')}${cell('C2', 'c')}</row>` +
        // A1:XFD1 → A1:C1; A200:… lies below the table; B2:B1048576 leaves one cell, no merge.
        '</sheetData><mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells><pageMargins left="0.7"/></worksheet>',
    );
  });

  it('stops counting merges past the limit', () => {
    const merges = Array.from({ length: 10 }, (_, i) => `<mergeCell ref="A${i + 1}:B${i + 1}"/>`).join('');
    expect(scanSheet(sheet(`<row r="1">${cell('A1', 'a')}</row>`, `<mergeCells>${merges}</mergeCells>`), limits)).toMatchObject({ merges: 4, trimmed: null });
  });

  it('reports a malformed sheet instead of guessing', () => {
    expect(scanSheet('<worksheet><sheetData><row></sheetData></worksheet>', limits)).toEqual({ ok: false, problem: 'malformed' });
  });
});

describe('sheetNames', () => {
  it('maps worksheet parts to the names on their tabs, through the workbook relationships', () => {
    const workbook = `<workbook><sheets><sheet name="指标表" sheetId="1" r:id="rId1"/><sheet name="R&amp;D" sheetId="2" r:id="rId2"/></sheets></workbook>`;
    const rels = `<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/></Relationships>`;
    expect(Object.fromEntries(sheetNames(workbook, rels))).toEqual({ 'xl/worksheets/sheet1.xml': '指标表', 'xl/worksheets/sheet2.xml': 'R&D' });
    expect(sheetNames(null, rels).size).toBe(0);
  });
});
