import type { ScoreResult, Warning } from './result';

/** Display width in a terminal: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** Pads or cuts `text` to `width` terminal columns, marking a cut with …. */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > width - (displayWidth(text) > width ? 1 : 0)) {
      out += '…';
      break;
    }
    out += ch;
  }
  const pad = ' '.repeat(Math.max(0, width - displayWidth(out)));
  return align === 'left' ? out + pad : pad + out;
}

export const MARK: Record<NonNullable<Warning['severity']>, string> = { red: '✗', yellow: '!', info: '·' };

/** The readable table `jixiao score` prints: every row with its score and the one-line reason, then the audit. */
export function renderScoreText(result: ScoreResult, title?: string): string {
  const lines: string[] = [];
  const fmt = (n: number | null) => (n == null ? '—' : n.toFixed(2));
  if (title) lines.push(title);
  lines.push(`评分规则：${result.profile}`, '');

  const b = result.budget;
  if (b.weight === 0 && b.fullYear === 0 && b.executed === null && !b.pending) lines.push(`预算执行  ${b.explanation}`, '');
  else lines.push(
    `预算执行  全年预算数 ${b.fullYear} 万元  全年执行数 ${b.executed ?? '—'} 万元  执行率 ${b.rate == null ? '—' : `${(b.rate * 100).toFixed(2)}%`}  分值 ${b.weight}  得分 ${fmt(b.pending ? null : b.score)}`,
    `          ${b.explanation}${b.deviationRequired && !b.deviationReason ? (b.deviationMandatory ? '（须说明偏差原因）' : '（请说明偏差原因）') : ''}`,
    '',
  );

  const cols = { no: 3, name: 34, target: 18, actual: 12, weight: 5, score: 7 };
  lines.push(
    [fit('#', cols.no, 'right'), fit('三级指标', cols.name), fit('年度指标值', cols.target), fit('实际完成值', cols.actual), fit('分值', cols.weight, 'right'), fit('得分', cols.score, 'right')].join('  '),
  );
  let level1 = '';
  result.indicators.forEach((r, i) => {
    if (r.level1 !== level1) {
      level1 = r.level1;
      const sub = result.subtotals.find((s) => s.level1 === level1);
      lines.push(`  【${level1}】${sub ? ` 分值 ${sub.weight}，得分 ${sub.score.toFixed(2)}` : ''}`);
    }
    const score = r.applicable ? fmt(r.score) : '不适用';
    lines.push(
      [fit(String(i + 1), cols.no, 'right'), fit(r.name, cols.name), fit(r.target, cols.target), fit(r.actual ?? '—', cols.actual), fit(String(r.weight), cols.weight, 'right'), fit(score, cols.score, 'right')].join('  '),
    );
    lines.push(`${' '.repeat(cols.no + 2)}${r.explanation}${r.deviationRequired ? `；需说明偏差：${r.deviationWhy}${r.deviationReason ? '（已填写）' : ''}` : ''}`);
  });
  lines.push('', `总分 ${result.total.toFixed(2)}  等级 ${result.grade}${result.complete === false ? '（尚有未填写的指标，总分未完成）' : ''}`);
  if (result.totalExplanation) lines.push(result.totalExplanation);

  if (result.warnings.length) {
    lines.push('', `核查提示（${result.warnings.length}）：`);
    for (const w of result.warnings) {
      const where = w.indicator === undefined ? '' : `第 ${w.indicator + 1} 项 `;
      lines.push(`  ${MARK[w.severity ?? 'yellow']} ${where}${w.message}  [${w.code}]`);
    }
  }
  return `${lines.join('\n')}\n`;
}
