/**
 * The scoring engine and the table readers: one row scored live after a card submit, a whole 60-row table scored
 * with its audit, a seed .xlsx read, and the template built. Figures only, beside the 2 s budget the card callback
 * has for its answer (Lark waits 3 s).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evaluationInputSchema, type EvaluationInput } from '../src/domain/evaluation';
import { scoreEvaluation } from '../src/domain/scoring/score-evaluation';
import { scoreIndicator } from '../src/domain/scoring/score-indicator';
import { readTable } from '../src/import/tables/read-table';
import { buildTemplateWorkbook } from '../src/import/tables/template';

const seedFile = (name: string) => fileURLToPath(new URL(`../test/fixtures/seeds/${name}`, import.meta.url));

function sixtyRows(): EvaluationInput {
  const seed = evaluationInputSchema.parse(JSON.parse(readFileSync(seedFile('003-t7.json'), 'utf8')));
  const indicators = Array.from({ length: 60 }, (_, i) => ({ ...seed.indicators[i % seed.indicators.length]!, name: `指标${i + 1}` }));
  return { ...seed, indicators };
}

async function time(label: string, runs: number, fn: () => unknown | Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < Math.min(20, runs); i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  const f = (n: number) => (n < 1 ? `${(n * 1000).toFixed(0)} µs` : `${n.toFixed(2)} ms`);
  console.log(`  ${label.padEnd(44)} n=${String(runs).padStart(5)}  p50 ${f(at(0.5)).padStart(9)}  p99 ${f(at(0.99)).padStart(9)}  max ${f(samples[samples.length - 1]!).padStart(9)}`);
  return samples;
}

export async function run(): Promise<void> {
  console.log('\nscoring engine and table readers (card callback budget: 2000 ms)');
  const table = sixtyRows();
  const row = table.indicators[5]!;
  await time('scoreIndicator (one row, live after a submit)', 20_000, () => scoreIndicator(row));
  await time('scoreEvaluation (60 rows + audit)', 2_000, () => scoreEvaluation(table));
  const xlsx = new Uint8Array(readFileSync(seedFile('003-t1.xlsx')));
  await time('readTable 003-t1.xlsx (exceljs, merged cells)', 100, () => readTable(xlsx, '003-t1.xlsx'));
  const json = new Uint8Array(readFileSync(seedFile('003-t1.json')));
  await time('readTable 003-t1.json', 2_000, () => readTable(json, '003-t1.json'));
  await time('buildTemplateWorkbook', 50, () => buildTemplateWorkbook());
}

if (process.argv[1] && import.meta.filename === process.argv[1]) await run();
