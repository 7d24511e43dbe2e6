import { describe, expect, it } from 'vitest';
import { checkCardLimits } from '#cards/shared/limits';
import { unitRollupCard } from '#cards/summary/unit-rollup';
import { scoreEvaluation } from '../../../src/domain/scoring/score-evaluation';
import { SEED_TABLES, seed } from '../../fixtures';

describe('unit roll-up card', () => {
  const projects = SEED_TABLES.map((t) => {
    const input = seed(t);
    const r = scoreEvaluation(input);
    return { name: input.project.name, fullYear: r.budget.fullYear, executed: r.budget.executed, rate: r.budget.rate, total: r.total, grade: r.grade, complete: true };
  });

  it('lists every project with budget, executed, rate, score and grade, and a 合计 row (seed 002 shape)', () => {
    const card = unitRollupCard({ unit: '自治区地方金融监督管理局', year: '2019', projects });
    const table = (card.body as { elements: Array<Record<string, unknown>> }).elements.find((e) => e.tag === 'table') as {
      columns: Array<{ display_name: string }>;
      rows: Array<Record<string, string | number>>;
    };
    expect(table.columns.map((c) => c.display_name)).toEqual(['项目名称', '全年预算数', '全年执行数', '执行率', '得分', '等级']);
    expect(table.rows).toHaveLength(projects.length + 1);
    expect(table.rows[1]).toMatchObject({ name: '防范和处置非法集资专项业务经费', budget: 66.19, executed: 53.84, rate: '81.34%', score: 98.13, grade: '优' });
    const budget = projects.reduce((s, p) => s + p.fullYear, 0);
    const spent = projects.reduce((s, p) => s + (p.executed ?? 0), 0);
    expect(table.rows.at(-1)).toMatchObject({ name: '**合计**', budget: Math.round(budget * 100) / 100, executed: Math.round(spent * 100) / 100 });
    expect(checkCardLimits(card)).toEqual([]);
  });

  it('marks projects still collecting as provisional', () => {
    const card = unitRollupCard({ unit: '单位', year: '2019', projects: [{ ...projects[0]!, complete: false }] });
    expect(JSON.stringify(card)).toContain('收集中');
    expect(JSON.stringify(card)).toContain('尚未完成填报');
  });
});
