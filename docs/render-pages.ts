/**
 * Regenerates the README's pictures of what jixiao hands out: page 1 of the 自评表, the 自评报告, the 评分说明与核查
 * and the unit's roll-up report, for seed 000's project (test/fixtures/seeds/003-t2.json) and the seven seed tables.
 * Each document is built by the same code as the bot's, printed to PDF by LibreOffice (src/node/pdf.ts) and
 * rasterised by pdftoppm (poppler-utils). Run: `npm run docs:pages` (CI runs it after the tests).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluationInputSchema } from '../src/domain/evaluation';
import { scoreEvaluation } from '../src/domain/scoring/score-evaluation';
import { convertToPdf } from '../src/node/pdf';
import { buildReports } from '../src/features/reports/build-reports';
import type { ReportData } from '../src/features/reports/model';
import { buildUnitReport } from '../src/features/reports/unit/unit-report';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'docs', 'images');
const DATE = new Date('2020-05-20T02:00:00Z');

function seed(table: string): ReportData {
  const input = evaluationInputSchema.parse(JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'seeds', `003-${table}.json`), 'utf8')));
  return { input, result: scoreEvaluation(input), generatedAt: DATE };
}

async function page(name: string, bytes: Uint8Array, png: string, dpi: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-docs-'));
  try {
    const pdf = join(dir, 'page.pdf');
    writeFileSync(pdf, await convertToPdf(name, bytes));
    execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', pdf, join(OUT, png.replace(/\.png$/, ''))]);
    process.stdout.write(`docs/images/${png} ← ${name}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const files = await buildReports(seed('t2'));
const unit = await buildUnitReport(['t1', 't2', 't3', 't4', 't5', 't6', 't7'].map(seed), { unit: '自治区地方金融监督管理局', generatedAt: DATE });
await page(files.xlsx.name, files.xlsx.data, 'self-evaluation-sheet.png', 90);
await page(files.docx.name, files.docx.data, 'self-evaluation-report.png', 60);
await page(files.explanations.name, files.explanations.data, 'explanations.png', 70);
await page(unit.docx.name, unit.docx.data, 'unit-report.png', 60);
