import type { CardJson } from '../../src/transport/contract';
import { card, markdown, table, type Element } from '../shared/elements';
import { tr } from '../shared/i18n';
import { clip, escapeMd, num } from '../shared/markdown';

/**
 * 年度汇总 (group): one unit's projects of a year in the shape of seed 002's project table —
 * budget, executed, rate, score, grade per project, with a 合计 row for the money.
 */
export interface UnitRollupProject {
  name: string;
  fullYear: number;
  executed: number | null;
  /** executed ÷ fullYear, a fraction. */
  rate: number | null;
  total: number;
  grade: string;
  /** False while the project's collection is still open: its score is provisional. */
  complete: boolean;
}

export interface UnitRollupView {
  unit: string;
  year: string;
  projects: UnitRollupProject[];
}

const MAX_ROWS = 100;

export function unitRollupCard(view: UnitRollupView): CardJson {
  const projects = view.projects.slice(0, MAX_ROWS);
  const budget = sum(view.projects.map((p) => p.fullYear));
  const executed = sum(view.projects.map((p) => p.executed ?? 0));
  const overall = budget > 0 ? executed / budget : null;
  const grades = ['优', '良', '中', '差']
    .map((g) => [g, view.projects.filter((p) => p.grade === g).length] as const)
    .filter(([, n]) => n > 0)
    .map(([g, n]) => `${g} ${n}`)
    .join(' · ');
  const provisional = view.projects.filter((p) => !p.complete).length;

  const elements: Element[] = [
    markdown(
      tr(
        '**{n} 个项目** · 全年预算 {b} 万元 · 全年执行 {e} 万元 · 执行率 **{r}**\n等级分布：{g}',
        '**{n} projects** · budget {b} · spent {e} (×10k yuan) · execution **{r}**\nGrades: {g}',
        { n: view.projects.length, b: num(budget), e: num(executed), r: pct(overall), g: grades || '—' },
      ),
    ),
    table(
      [
        { name: 'name', displayName: tr('项目名称', 'Project'), dataType: 'lark_md', width: 'auto' },
        { name: 'budget', displayName: tr('全年预算数', 'Budget'), dataType: 'number', width: 'auto' },
        { name: 'executed', displayName: tr('全年执行数', 'Spent'), dataType: 'number', width: 'auto' },
        { name: 'rate', displayName: tr('执行率', 'Rate'), width: 'auto' },
        { name: 'score', displayName: tr('得分', 'Score'), dataType: 'number', width: 'auto' },
        { name: 'grade', displayName: tr('等级', 'Grade'), width: 'auto' },
      ],
      [
        ...projects.map((p) => ({
          name: `${escapeMd(clip(p.name, 40))}${p.complete ? '' : ' （收集中）'}`,
          budget: p.fullYear,
          executed: p.executed ?? 0,
          rate: pct(p.rate),
          score: p.total,
          grade: p.grade,
        })),
        { name: '**合计**', budget: round2(budget), executed: round2(executed), rate: pct(overall), score: '', grade: '' } as Record<string, string | number>,
      ],
      { pageSize: 10 },
    ),
  ];
  if (view.projects.length > projects.length) {
    elements.push(markdown(tr('仅列出前 {n} 个项目，共 {t} 个。', 'First {n} of {t} projects.', { n: projects.length, t: view.projects.length }), { size: 'notation' }));
  }
  if (provisional > 0) {
    elements.push(markdown(tr('标注「收集中」的 {n} 个项目尚未完成填报，得分为当前数据的计算结果。', '{n} projects are still collecting; their scores are provisional.', { n: provisional }), { size: 'notation' }));
  }
  return card({
    title: tr('{u} · {y}年度项目支出绩效自评汇总', '{u} · {y} project self-evaluations', { u: view.unit, y: view.year }),
    template: 'indigo',
    summary: tr('{u} {y}年度 {n} 个项目自评汇总', '{u} {y}: {n} projects', { u: view.unit, y: view.year, n: view.projects.length }),
    elements,
  });
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function pct(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 10000) / 100).toFixed(2)}%`;
}
