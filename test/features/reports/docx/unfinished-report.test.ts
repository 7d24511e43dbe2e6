import { describe, expect, it } from 'vitest';
import { composeReport, reportText } from '../../../../src/features/reports/docx/compose';
import { scoreEvaluation } from '../../../../src/domain/scoring/score-evaluation';
import { seed } from '../../../fixtures';

/** 按现有数据汇总 before anyone answered: the seed's table with no 全年执行数 and no 实际完成值. */
function unansweredReport(): string {
  const table = seed('t2');
  const input = {
    ...table,
    budget: { ...table.budget, executed: null, deviationReason: null },
    indicators: table.indicators.map((row) => ({ ...row, actual: null, band: null, deviationReason: null })),
  };
  const result = scoreEvaluation(input);
  expect(result.indicators.filter((r) => r.applicable && r.score === null).length).toBeGreaterThan(0);
  return reportText(composeReport({ input, result, generatedAt: new Date('2026-10-12T02:00:00Z') }));
}

describe('自评报告 of an evaluation summarised with values missing', () => {
  it('does not claim the budget was fully spent and every indicator met', () => {
    const text = unansweredReport();
    const problems = text.slice(text.indexOf('五、存在的问题及原因分析'), text.indexOf('六、有关建议'));
    const suggestions = text.slice(text.indexOf('六、有关建议'));
    expect(problems).not.toContain('全部执行');
    expect(problems).not.toContain('均已达成');
    expect(problems).toContain('尚未填报');
    expect(suggestions).not.toContain('全部执行');
    expect(suggestions).not.toContain('均已完成');
  });
});
