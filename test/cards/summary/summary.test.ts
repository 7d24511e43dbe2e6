import { describe, expect, it } from 'vitest';
import { checkCardLimits } from '#cards/shared/limits';
import { gradeTemplate, summaryCard } from '#cards/summary/summary';
import type { EvaluationInput } from '../../../src/domain/evaluation';
import { scoreEvaluation } from '../../../src/domain/scoring/score-evaluation';
import { type SEED_TABLES, seed } from '../../fixtures';

type Node = Record<string, unknown> & { tag?: string };

function allNodes(card: Record<string, unknown>): Node[] {
  const out: Node[] = [];
  const visit = (n: Node) => {
    out.push(n);
    for (const key of ['elements', 'columns']) {
      const list = n[key];
      if (Array.isArray(list)) (list as Node[]).forEach(visit);
    }
  };
  ((card.body as { elements: Node[] }).elements ?? []).forEach(visit);
  return out;
}

function markdownText(card: Record<string, unknown>): string {
  return allNodes(card)
    .flatMap((n) => {
      if (n.tag === 'markdown') return [String(n.content)];
      // a collapsible panel's title is markdown in its header
      if (n.tag === 'collapsible_panel') return [String((n.header as { title: { content: string } }).title.content)];
      return [];
    })
    .join('\n');
}

function cardFor(table: (typeof SEED_TABLES)[number]) {
  const input = seed(table);
  const result = scoreEvaluation(input);
  return { input, result, card: summaryCard({ input, result }) };
}

describe('summary card', () => {
  it('003-t2 (seed 000): shows 98.13 and 优 in a green header, within card limits', () => {
    const { card } = cardFor('t2');
    const header = card.header as { template: string; title: { content: string }; subtitle: { content: string } };
    expect(header.template).toBe('green');
    expect(header.title.content).toContain('防范和处置非法集资专项业务经费');
    expect(header.subtitle.content).toContain('98.13 分 · 优');
    expect(markdownText(card)).toContain('**总分 98.13 分 · 优**');
    expect(markdownText(card)).toContain('预算执行率 81.34%');
    expect(checkCardLimits(card)).toEqual([]);
  });

  it('003-t2: subtotals per level and every row with target, actual, weight and score', () => {
    const { card, result } = cardFor('t2');
    expect(markdownText(card)).toContain('产出指标 **50** / 50 · 效益指标 **30** / 30 · 满意度指标 **10** / 10');
    const table = allNodes(card).find((n) => n.tag === 'table') as { rows: Array<Record<string, unknown>> };
    expect(table.rows).toHaveLength(result.indicators.length);
    expect(table.rows[1]).toEqual({ name: '宣传品数量', target: '≥15000份', actual: '16000', weight: 10, score: '10' });
  });

  it('003-t7: rows below full marks are highlighted with their deviation reason, and the warnings are shown', () => {
    const { card, result } = cardFor('t7');
    const text = markdownText(card);
    const table = allNodes(card).find((n) => n.tag === 'table') as { rows: Array<Record<string, string>> };
    const financing = table.rows.find((r) => r.name!.includes('为中小企业实现融资'))!;
    expect(financing.name!.startsWith('⚠️')).toBe(true);
    expect(financing.score).toBe("<font color='red'>**7.71**</font>");
    expect(text).toContain('受经济下行影响疆内中小企业整体经营状况欠佳');
    expect(result.warnings.length).toBeGreaterThan(0);
    for (const w of result.warnings) expect(text).toContain(w.message.replace(/([\\`*_~[\]#|])/g, '\\$1'));
    expect(text).toContain(`核查提示（${result.warnings.length}）`);
    expect(checkCardLimits(card)).toEqual([]);
  });

  it('charts score against weight for the budget line and every applicable indicator', () => {
    const { card, result } = cardFor('t7');
    const chart = allNodes(card).find((n) => n.tag === 'chart') as { chart_spec: { data: Array<{ values: Array<{ series: string; value: number }> }> } };
    const values = chart.chart_spec.data[0]!.values;
    expect(values.filter((v) => v.series === '得分').map((v) => v.value)).toEqual([result.budget.score, ...result.indicators.map((r) => r.score)]);
    expect(values.filter((v) => v.series === '分值').map((v) => v.value)).toEqual([result.budget.weight, ...result.indicators.map((r) => r.weight)]);
  });

  it('colours the header by grade: 优 green, 良 blue, 中 orange, 差 red', () => {
    expect(['优', '良', '中', '差'].map(gradeTemplate)).toEqual(['green', 'blue', 'orange', 'red']);
  });

  it('says how many rows are missing when an admin summarises with the data so far', () => {
    const input = seed('t2');
    const partial: EvaluationInput = { ...input, indicators: input.indicators.map((r, i) => (i < 2 ? { ...r, actual: null } : r)) };
    const result = scoreEvaluation(partial);
    const card = summaryCard({ input: partial, result, missing: 2 });
    expect(markdownText(card)).toContain('尚有 2 项未填报');
    const table = allNodes(card).find((n) => n.tag === 'table') as { rows: Array<Record<string, string>> };
    expect(table.rows[0]!.score).toContain('未填');
  });

  it('a 300-row table still fits Lark’s limits, and the card says where the rest is', () => {
    const input = seed('t7');
    const rows = Array.from({ length: 300 }, (_, i) => ({
      ...input.indicators[i % input.indicators.length]!,
      name: `第${i + 1}项：对全区非法集资工作督导检查，互联网金融行业五大领域摸排检查、督导整改`,
      deviationReason: '2019年主题教育和巡视整改两个活动期间无法组织培训，待合适时机再行组织。'.repeat(3),
    }));
    const big: EvaluationInput = { ...input, indicators: rows };
    const card = summaryCard({ input: big, result: scoreEvaluation(big) });
    expect(checkCardLimits(card)).toEqual([]);
    expect(markdownText(card)).toMatch(/表格显示前 \d+ 项，共 300 项/);
  });
});
