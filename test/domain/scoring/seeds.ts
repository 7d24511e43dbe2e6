import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluationInputSchema, type EvaluationInput } from '../../../src/domain/evaluation';

export const SEED_DIR = join(import.meta.dirname, '../../fixtures/seeds');

/** A seed table transcribed from shared/seeds/003_c0ead808851a3b9c.txt (T1–T7), validated by the input schema. */
export function seed(n: number): EvaluationInput {
  return evaluationInputSchema.parse(JSON.parse(readFileSync(join(SEED_DIR, `003-t${n}.json`), 'utf8')));
}
