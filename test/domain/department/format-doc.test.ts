import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { departmentEvaluationSchema } from '../../../src/domain/department/evaluation';
import { scoreDepartment } from '../../../src/domain/department/score-department';

const DOC = readFileSync(join(import.meta.dirname, '../../../src/domain/department/README.md'), 'utf8');

describe('the documented 部门整体 JSON format', () => {
  it('the example parses and scores', () => {
    const block = /```json\n([\s\S]*?)```/.exec(DOC)![1]!;
    const example = JSON.parse(block.replace(/"…[^"]*"/g, '"x"'));
    const parsed = departmentEvaluationSchema.parse(example);
    const r = scoreDepartment(parsed);
    expect(r.total).toBe(8);
    expect(r.warnings.map((w) => w.code)).toContain('figure-conflict');
  });
});
