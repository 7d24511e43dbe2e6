import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluationInputSchema, type EvaluationInput } from '../../src/domain/evaluation';
import { scoreEvaluation } from '../../src/domain/scoring/score-evaluation';
import { DEMO_ANSWERS, DEMO_BUDGET_ANSWER, SEED_000_SHEET } from '../../src/node/demo-seed';
import type { ReportData } from '../../src/reports/model';

/** Seed 003's tables T1–T7 (T2 is seed 000's project), scored by the real engine. */
export const SEED_TABLES = ['t1', 't2', 't3', 't4', 't5', 't6', 't7'] as const;
export type SeedTable = (typeof SEED_TABLES)[number];

/** The totals the seeds must keep (the engine's, not the seeds' printed ones). */
export const SEED_TOTALS: Record<SeedTable, number> = { t1: 94, t2: 98.13, t3: 98.64, t4: 100, t5: 100, t6: 100, t7: 96.8 };

const DATE = new Date('2020-05-20T02:00:00Z');

export function seedInput(table: SeedTable): EvaluationInput {
  const path = join(import.meta.dirname, '..', 'fixtures', 'seeds', `003-${table}.json`);
  return evaluationInputSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

export function seedReport(table: SeedTable, opts: { profile?: string } = {}): ReportData {
  const input = seedInput(table);
  return { input, result: scoreEvaluation(input, opts), generatedAt: DATE };
}

/** What `npm run demo` collects in chat for seed 000: the clerk's sheet and each owner's answers, all approved. */
export function demoReport(): ReportData {
  const input: EvaluationInput = {
    ...SEED_000_SHEET,
    budget: { ...SEED_000_SHEET.budget, executed: DEMO_BUDGET_ANSWER.actual, deviationReason: DEMO_BUDGET_ANSWER.reason },
    indicators: SEED_000_SHEET.indicators.map((row) => {
      const form = DEMO_ANSWERS[row.name]!.form;
      return { ...row, actual: form.actual ?? null, band: (form.band as '达成' | undefined) ?? null };
    }),
  };
  return { input, result: scoreEvaluation(input), generatedAt: DATE, collection: { respondents: 4, reviewed: true, completedAt: DATE } };
}

/**
 * 按现有数据汇总 half-way: seed 000's table with no 全年执行数, two 实际完成值 blank and no 实际完成情况 — the case
 * the review ran with missing actuals.
 */
export function halfFilledReport(): ReportData {
  const seed = seedInput('t2');
  const input: EvaluationInput = {
    ...seed,
    budget: { ...seed.budget, executed: null, printedScore: null, printedRate: null, sources: { ...seed.budget.sources, currentYear: { initial: 30, fullYear: 30, executed: null }, carryOver: { initial: 36.19, fullYear: 36.19, executed: null } } },
    goals: { expected: seed.goals?.expected ?? null, actual: null },
    indicators: seed.indicators.map((row, i) => ({ ...row, printedScore: null, ...(i === 1 || i === 5 ? { actual: null, band: null, score: null } : {}) })),
    printedTotal: null,
  };
  return { input, result: scoreEvaluation(input), generatedAt: DATE, collection: { respondents: 3, reviewed: false } };
}

/** Every evaluation the report tests run over: the demo, T1–T7, T1 under the regional profile and a half-filled one. */
export function allReports(): Array<[string, ReportData]> {
  return [
    ['demo', demoReport()],
    ...SEED_TABLES.map((t): [string, ReportData] => [`003-${t}`, seedReport(t)]),
    ['003-t1 yitihua', seedReport('t1', { profile: 'yitihua' })],
    ['half-filled', halfFilledReport()],
  ];
}
