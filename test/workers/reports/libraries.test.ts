import { Document, Packer, Paragraph, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

// The report libraries themselves load and write inside workerd (no fs): the guard for the Worker
// bundle; the project's own report builders are exercised in generate-reports.test.ts.
describe('report libraries inside workerd', () => {
  it('exceljs writes a workbook to a buffer and reads it back', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('自评表');
    ws.addRow(['指标', '得分']);
    ws.addRow(['验收合格率', 9.5]);
    ws.mergeCells('A3:B3');
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(bytes.length).toBeGreaterThan(1000);

    const back = new ExcelJS.Workbook();
    await back.xlsx.load(bytes.buffer as ArrayBuffer);
    const sheet = back.getWorksheet('自评表')!;
    expect(sheet.getCell('A2').value).toBe('验收合格率');
    expect(sheet.getCell('B2').value).toBe(9.5);
    expect(sheet.getCell('B3').isMerged).toBe(true);
  });

  it('docx packs a document', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun('自评报告')] })] }] });
    const blob = await Packer.toBlob(doc);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]); // "PK": a zip container
    expect(bytes.length).toBeGreaterThan(1000);
  });
});
