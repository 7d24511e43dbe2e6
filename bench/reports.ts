/**
 * Summary and reports benchmark: how long the summary card, the .xlsx 自评表 and the .docx
 * 自评报告 take to build for seed 000 (7 rows) and for a large 200-row table, and how big they are.
 * A card callback has 3 s and a summary is posted once per evaluation, so the figure to watch is the
 * large table's total against that budget; the card's size is shown against Lark's 30 KB.
 *
 *   npm run bench reports
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { summaryCard } from '#cards/summary/summary';
import { cardBytes } from '#cards/shared/limits';
import { evaluationInputSchema, type EvaluationInput } from '../src/domain/evaluation';
import { scoreEvaluation } from '../src/domain/scoring/score-evaluation';
import { buildSelfEvaluationReport } from '../src/features/reports';
import { buildSelfEvaluationWorkbook } from '../src/features/reports';

const ROUNDS = Number(process.env.JIXIAO_BENCH_REPORT_ROUNDS ?? 20);

function seed(name: string): EvaluationInput {
  return evaluationInputSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, '..', 'test', 'fixtures', 'seeds', `${name}.json`), 'utf8')));
}

/** 003-T7's rows repeated to 200, each a distinct indicator, with reasons on the shortfalls. */
function large(): EvaluationInput {
  const base = seed('003-t7');
  const indicators = Array.from({ length: 200 }, (_, i) => ({ ...base.indicators[i % base.indicators.length]!, name: `第${i + 1}项 ${base.indicators[i % base.indicators.length]!.name}`, weight: 0.45 }));
  return { ...base, indicators };
}

async function time<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  let value!: T;
  const start = performance.now();
  for (let i = 0; i < ROUNDS; i++) value = await fn();
  return { ms: (performance.now() - start) / ROUNDS, value };
}

export async function run(): Promise<void> {
  console.log(`\n== reports: summary card, .xlsx, .docx (mean of ${ROUNDS} builds) ==`);
  console.log(['table', 'rows', 'score ms', 'card ms', 'card KB', 'xlsx ms', 'xlsx KB', 'docx ms', 'docx KB', 'total ms'].map((h) => h.padStart(9)).join(' '));
  for (const [label, input] of [['seed 000', seed('003-t2')], ['200 rows', large()]] as const) {
    const scored = await time(() => scoreEvaluation(input));
    const result = scored.value;
    const data = { input, result, generatedAt: new Date() };
    const card = await time(() => summaryCard({ input, result }));
    const xlsx = await time(() => buildSelfEvaluationWorkbook(data));
    const docx = await time(() => buildSelfEvaluationReport(data));
    const total = scored.ms + card.ms + xlsx.ms + docx.ms;
    const cells = [
      label,
      String(input.indicators.length),
      scored.ms.toFixed(2),
      card.ms.toFixed(2),
      (cardBytes(card.value) / 1024).toFixed(1),
      xlsx.ms.toFixed(1),
      (xlsx.value.length / 1024).toFixed(1),
      docx.ms.toFixed(1),
      (docx.value.length / 1024).toFixed(1),
      total.toFixed(1),
    ];
    console.log(cells.map((c) => c.padStart(9)).join(' '));
  }
  console.log('card KB against Lark’s 30 KB limit; total ms against the 3,000 ms a card callback may take.');
}
