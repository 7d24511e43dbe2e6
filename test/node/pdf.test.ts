import { describe, expect, it } from 'vitest';
import { convertToPdf, findSoffice, INSTALL_LIBREOFFICE, pdfName, PdfUnavailableError } from '../../src/node/pdf';
import { buildReports } from '../../src/features/reports/build-reports';
import { seedReport } from '../fixtures';

const soffice = await findSoffice(process.env.JIXIAO_SOFFICE);
const pages = (pdf: Uint8Array) => (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

describe('PDF through LibreOffice (src/node/pdf.ts)', () => {
  it('without LibreOffice it says how to get one', async () => {
    expect(await findSoffice('/nonexistent/soffice')).toBeNull();
    expect(await findSoffice(undefined, '/nonexistent')).toBe(process.platform === 'darwin' ? expect.any(String) : null);
    await expect(convertToPdf('a.docx', new Uint8Array(), { soffice: null })).rejects.toThrow(PdfUnavailableError);
    expect(INSTALL_LIBREOFFICE).toMatch(/apt-get install[^\n]*libreoffice-writer-nogui libreoffice-calc-nogui/);
    expect(pdfName('2019年度X-绩效自评表（草稿）.xlsx')).toBe('2019年度X-绩效自评表（草稿）.pdf');
  });

  if (!soffice) {
    it.skip('converts the 自评表 and the 自评报告 — skipped: soffice not found (CI installs libreoffice-calc-nogui and libreoffice-writer-nogui)', () => {});
    return;
  }

  it('003-t1, the longest seed table, prints on one page; its report on several', { timeout: 240_000 }, async () => {
    const files = await buildReports(seedReport('t1'));
    const [sheet, report] = await Promise.all([convertToPdf(files.xlsx.name, files.xlsx.data, { soffice }), convertToPdf(files.docx.name, files.docx.data, { soffice })]);
    expect(Buffer.from(sheet.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(pages(sheet)).toBe(1);
    expect(pages(report)).toBeGreaterThan(3);
  });
});
