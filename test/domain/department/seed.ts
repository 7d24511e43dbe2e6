import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { departmentEvaluationSchema, type DepartmentEvaluation } from '../../../src/domain/department/evaluation';

export const DEPARTMENT_FIXTURES = join(import.meta.dirname, '../../fixtures/department');

/** Seed 004 (万州区金融办 2019 部门整体支出绩效评价) transcribed from shared/seeds/004_539f36357271d81d.txt. */
export function seed004(): DepartmentEvaluation {
  return departmentEvaluationSchema.parse(JSON.parse(readFileSync(join(DEPARTMENT_FIXTURES, '004-wanzhou.json'), 'utf8')));
}

/** A deep copy to change one thing in. */
export function copy<T>(value: T): T {
  return structuredClone(value);
}
