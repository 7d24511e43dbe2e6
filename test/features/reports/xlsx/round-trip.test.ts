import { describe, expect, it } from 'vitest';
import { scoreEvaluation } from '../../../../src/domain/scoring/score-evaluation';
import { readTable } from '../../../../src/import/tables/read-table';
import { buildSelfEvaluationWorkbook } from '../../../../src/features/reports/xlsx/self-evaluation-workbook';
import { SEED_TABLES, seedReport } from '../../../fixtures';

describe('自评表 round trip', () => {
  it.each(SEED_TABLES)('003-%s: the workbook we write is read back by the importer and scores the same', async (table) => {
    const data = seedReport(table);
    const read = await readTable(await buildSelfEvaluationWorkbook(data), 'roundtrip.xlsx');
    if (!read.ok) throw new Error(read.errors.map((e) => e.message).join('\n'));
    const again = scoreEvaluation(read.evaluation);
    expect(again.total).toBe(data.result.total);
    expect(again.indicators.map((r) => [r.name, r.target, r.weight, r.score])).toEqual(data.result.indicators.map((r) => [r.name, r.target, r.weight, r.score]));
    expect(read.evaluation.project).toMatchObject({ name: data.input.project.name, department: data.input.project.department });
  });
});
