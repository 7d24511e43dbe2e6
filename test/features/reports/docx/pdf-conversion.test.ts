import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildSelfEvaluationReport } from '../../../../src/features/reports/docx/self-evaluation-report';
import { seedReport } from '../../../fixtures';

function findSoffice(): string | null {
  for (const bin of ['soffice', 'libreoffice']) {
    try {
      execFileSync('sh', ['-c', `command -v ${bin}`], { stdio: 'pipe' });
      return bin;
    } catch {
      // not on PATH
    }
  }
  return null;
}

const soffice = findSoffice();
const title = 'the 自评报告 converts to PDF with LibreOffice (headless)';

describe('自评报告 opens in LibreOffice', () => {
  if (!soffice) {
    it.skip(`${title} — skipped: soffice not found; install libreoffice-writer-nogui (CI does)`, () => {});
    return;
  }
  it(title, { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-pdf-'));
    try {
      const docx = join(dir, 'report.docx');
      writeFileSync(docx, await buildSelfEvaluationReport(seedReport('t2')));
      // a private profile so a LibreOffice already running on the machine cannot take the job over
      const profile = pathToFileURL(join(dir, 'profile')).href;
      execFileSync(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], {
        stdio: 'pipe',
        timeout: 170_000,
      });
      const pdf = readFileSync(join(dir, 'report.pdf'));
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // a five-section report of seven indicators does not fit on one page
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pages).toBeGreaterThan(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
