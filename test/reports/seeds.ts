import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluationInputSchema, type EvaluationInput } from '../../src/domain/evaluation';
import { scoreEvaluation } from '../../src/domain/scoring/score-evaluation';
import type { ReportData } from '../../src/features/reports/model';

/** Seed 003's tables T1–T7 (T2 is seed 000's project), scored by the real engine. */
export const SEED_TABLES = ['t1', 't2', 't3', 't4', 't5', 't6', 't7'] as const;

export function seedInput(table: (typeof SEED_TABLES)[number]): EvaluationInput {
  const path = join(import.meta.dirname, '..', 'fixtures', 'seeds', `003-${table}.json`);
  return evaluationInputSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

export function seedReport(table: (typeof SEED_TABLES)[number]): ReportData {
  const input = seedInput(table);
  return { input, result: scoreEvaluation(input), generatedAt: new Date('2020-05-20T02:00:00Z') };
}
