import type { EvaluationInput } from '../../src/domain/evaluation';
import type { ScoredIndicator, ScoreResult } from '../../src/domain/scoring/result';
import type { CardJson } from '../../src/transport/contract';
import { card, collapsible, markdown, table, type Element, type HeaderTemplate } from '../shared/elements';
import { join, tr, type I18nText } from '../shared/i18n';
import { L } from '../shared/labels';
import { checkCardLimits } from '../shared/limits';
import { clip, escapeMd, num } from '../shared/markdown';
import { scoreChart } from './summary-chart';

/**
 * 汇总 (group): total and grade in a header coloured by grade, the budget line, level subtotals, every
 * row (below-full rows marked, with their deviation reason), the audit's warnings and a chart of score
 * against weight. Long tables page in the client; when a table is too large for Lark's 30 KB / 200
 * component limits the card drops detail step by step and points to the attached 自评表.
 */
export interface SummaryCardView {
  input: EvaluationInput;
  result: ScoreResult;
  /** Rows still without a value when an admin chose 按现有数据汇总. */
  missing?: number;
}

const GRADE_TEMPLATE: Record<string, HeaderTemplate> = { 优: 'green', 良: 'blue', 中: 'orange', 差: 'red' };

export function gradeTemplate(grade: string): HeaderTemplate {
  return GRADE_TEMPLATE[grade] ?? 'grey';
}

/** Detail levels tried in order until the card fits. */
const LEVELS = [
  { rows: Infinity, reason: 200, warnings: 30, bars: 40 },
  { rows: 120, reason: 80, warnings: 15, bars: 25 },
  { rows: 60, reason: 40, warnings: 8, bars: 15 },
  { rows: 30, reason: 20, warnings: 5, bars: 10 },
] as const;

export function summaryCard(view: SummaryCardView): CardJson {
  let built: CardJson | undefined;
  for (const level of LEVELS) {
    built = build(view, level);
    if (checkCardLimits(built).length === 0) return built;
  }
  return built!;
}

function build(view: SummaryCardView, level: (typeof LEVELS)[number]): CardJson {
  const { input, result } = view;
  const year = input.project.year ? `${String(input.project.year).replace(/年度?$/, '')}` : '';
  const headline = `${num(result.total)} 分 · ${result.grade}`;
  const elements: Element[] = [];

  if (view.missing && view.missing > 0) {
    elements.push(markdown(tr("<font color='orange'>尚有 {n} 项未填报，按现有数据汇总，未填项不得分。</font>", "<font color='orange'>{n} items have no value yet; summarised with the data so far, they score 0.</font>", { n: view.missing })));
  }
  elements.push(markdown(join([tr('**总分 {h}**', '**Total {h}**', { h: headline })]), { size: 'heading' }));
  elements.push(markdown(budgetLine(result, level.reason)));
  elements.push(markdown(subtotalLine(result)));

  const shown = result.indicators.slice(0, level.rows);
  elements.push(
    table(
      [
        { name: 'name', displayName: L.level3, dataType: 'lark_md', width: 'auto' },
        { name: 'target', displayName: L.target, width: 'auto' },
        { name: 'actual', displayName: L.actual, width: 'auto' },
        { name: 'weight', displayName: L.weight, dataType: 'number', width: '60px' },
        { name: 'score', displayName: L.score, dataType: 'lark_md', width: '70px' },
      ],
      shown.map(tableRow),
      { pageSize: 10 },
    ),
  );
  if (shown.length < result.indicators.length) {
    elements.push(markdown(tr('表格显示前 {n} 项，共 {t} 项；完整内容见附件自评表。', 'First {n} of {t} rows; the attached workbook has all of them.', { n: shown.length, t: result.indicators.length }), { size: 'notation' }));
  }

  const short = result.indicators.filter(isBelowFull);
  if (short.length > 0) {
    elements.push(
      collapsible(
        tr('**未得满分的指标（{n}）**', '**Below full marks ({n})**', { n: short.length }),
        [markdown(short.slice(0, level.rows).map((r) => shortfallLine(r, level.reason)).join('\n'))],
        true,
      ),
    );
  }

  const checks = checkLines(result);
  if (checks.length > 0) {
    const lines = checks.slice(0, level.warnings).map(({ icon, indicator, message }) => {
      const name = indicator === undefined ? '' : (result.indicators[indicator]?.name ?? '');
      // the engine's messages usually quote the row already; name it only when they do not
      const where = name && !message.includes(name) ? `**${escapeMd(clip(name, 20))}**：` : '';
      return `- ${icon} ${where}${escapeMd(clip(message, level.reason))}`;
    });
    const more = checks.length - lines.length;
    if (more > 0) lines.push(`- …另有 ${more} 条，见附件自评表「评分说明」`);
    const serious = checks.some((c) => c.icon === '🔴');
    elements.push(collapsible(tr('**⚠️ 核查提示（{n}）**', '**⚠️ Checks ({n})**', { n: checks.length }), [markdown(lines.join('\n'))], serious || checks.length <= 5));
  }

  elements.push(scoreChart(result, level.bars));
  elements.push(markdown(tr('自评表（.xlsx）和自评报告（.docx）随后发送。', 'The workbook (.xlsx) and report (.docx) follow below.'), { size: 'notation' }));

  return card({
    title: join([input.project.name, tr(' · 绩效自评汇总', ' · self-evaluation summary')]),
    subtitle: join([year ? tr('{y}年度 · ', '{y} · ', { y: year }) : '', tr('总分 {h}', 'Total {h}', { h: headline })]),
    template: gradeTemplate(result.grade),
    summary: tr('{p} 绩效自评：{h}', '{p} self-evaluation: {h}', { p: input.project.name, h: headline }),
    elements,
  });
}

const SEVERITY_ICON = { red: '🔴', yellow: '🟡', info: 'ℹ️' } as const;

/** Unreadable values first, then the audit's warnings, most serious first. */
function checkLines(result: ScoreResult): Array<{ icon: string; indicator?: number; message: string }> {
  const order = { red: 0, yellow: 1, info: 2 } as const;
  const warnings = [...result.warnings].sort((a, b) => order[a.severity ?? 'yellow'] - order[b.severity ?? 'yellow']);
  return [
    ...(result.inputErrors ?? []).map((e) => ({ icon: '🔴', indicator: e.indicator, message: e.message })),
    ...warnings.map((w) => ({ icon: SEVERITY_ICON[w.severity ?? 'yellow'], indicator: w.indicator, message: w.message })),
  ];
}

function budgetLine(result: ScoreResult, reasonChars: number): I18nText {
  const b = result.budget;
  const rate = b.rate === null ? '—' : `${(Math.round(b.rate * 10000) / 100).toFixed(2)}%`;
  const base = tr(
    '**预算执行率 {rate}**（全年执行 {e} / 全年预算 {f} 万元）· 得分 **{s}** / {w}',
    '**Budget execution {rate}** ({e} of {f} ×10k yuan) · score **{s}** / {w}',
    { rate, e: num(b.executed), f: num(b.fullYear), s: num(b.score), w: num(b.weight) },
  );
  if (b.deviationReason) return join([base, '\n', tr('偏差原因：', 'Reason: '), escapeMd(clip(b.deviationReason, reasonChars))]);
  if (b.deviationRequired) {
    return join([base, '\n', b.deviationMandatory ? tr("<font color='red'>执行率偏低，须填写偏差原因。</font>", "<font color='red'>Low execution: a reason is required.</font>") : tr("<font color='orange'>执行率未达 100%，建议说明原因。</font>", "<font color='orange'>Below 100 %: please explain.</font>")]);
  }
  return base;
}

function subtotalLine(result: ScoreResult): string {
  return result.subtotals.map((s) => `${escapeMd(s.level1)} **${num(s.score)}** / ${num(s.weight)}`).join(' · ');
}

function isBelowFull(r: ScoredIndicator): boolean {
  return r.applicable && r.score !== null && r.score < r.weight;
}

function tableRow(r: ScoredIndicator): Record<string, string | number> {
  const name = escapeMd(clip(r.name, 40));
  let score: string;
  if (!r.applicable) score = '不适用';
  else if (r.score === null) score = "<font color='grey'>未填</font>";
  else if (r.score < r.weight) score = `<font color='red'>**${num(r.score)}**</font>`;
  else score = num(r.score);
  return {
    name: isBelowFull(r) ? `⚠️ ${name}` : name,
    target: clip(r.target, 30),
    actual: clip(r.actual ?? r.band ?? '', 30),
    weight: r.weight,
    score,
  };
}

function shortfallLine(r: ScoredIndicator, reasonChars: number): string {
  const head = `- **${escapeMd(clip(r.name, 30))}**：${escapeMd(clip(r.target, 20))} → ${escapeMd(clip(r.actual ?? r.band ?? '', 20))}，得分 ${num(r.score)} / ${num(r.weight)}`;
  const reason = r.deviationReason
    ? `\n  偏差原因：${escapeMd(clip(r.deviationReason, reasonChars))}`
    : "\n  <font color='red'>未填写偏差原因</font>";
  return head + reason;
}
