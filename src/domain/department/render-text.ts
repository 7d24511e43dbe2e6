import { fit, MARK } from '../scoring/render-text';
import type { DepartmentResult, ScoredCriterion } from './result';
import { getTemplate } from './templates';

/**
 * The readable report `jixiao score` prints for a 部门整体 evaluation: the 一级指标 subtotals against what the
 * report states, every indicator with its one-line explanation, the total and grade, the account checks and the
 * audit findings.
 */
const fmt = (n: number | null) => (n == null ? '—' : n.toFixed(2));

function stated(value: number | null, computed: number | null): string {
  if (value == null) return '';
  return computed != null && value !== computed ? `（表上 ${value}）` : '';
}

function tree(node: ScoredCriterion, depth: number, lines: string[]): void {
  const indent = '  '.repeat(depth);
  if (node.kind === 'group') {
    const weight = node.statedWeight != null && node.statedWeight !== node.weight ? `${node.weight}（表上标明 ${node.statedWeight}）` : String(node.weight);
    lines.push(`${indent}【${node.name}】分值 ${weight}，得分 ${fmt(node.score)}${stated(node.statedScore, node.score)}`);
    for (const c of node.children) tree(c, depth + 1, lines);
    return;
  }
  const kind = node.kind === 'formula' ? '公式' : '评定';
  lines.push(`${indent}${fit(node.name, 28)} ${fit(kind, 4)} ${fit(String(node.weight), 5, 'right')} ${fit(fmt(node.score), 7, 'right')}${stated(node.statedScore, node.score)}`);
  lines.push(`${indent}    ${node.explanation}`);
}

export function renderDepartmentText(result: DepartmentResult): string {
  const lines: string[] = [];
  lines.push(`${result.unit.name}${result.unit.year ? `（${result.unit.year} 年度）` : ''}部门整体支出绩效自评`);
  const template = result.template ? getTemplate(result.template) : undefined;
  lines.push(`指标体系：${template ? `${template.name}（${template.id}）` : '按评分表；公式指标按财预〔2013〕53号计算'}`, '');

  lines.push([fit('一级指标', 14), fit('分值', 6, 'right'), fit('得分', 8, 'right'), fit('表上得分', 10, 'right')].join('  '));
  for (const l of result.levels) {
    const mark = l.statedScore != null && l.score != null && l.statedScore !== l.score ? ' ✗' : '';
    lines.push([fit(l.name, 14), fit(String(l.weight), 6, 'right'), fit(fmt(l.score), 8, 'right'), fit(l.statedScore == null ? '—' : String(l.statedScore), 10, 'right')].join('  ') + mark);
  }
  lines.push('');
  for (const l of result.levels) tree(l, 0, lines);
  lines.push('', `总分 ${result.total.toFixed(2)}  等级 ${result.grade}${result.complete ? '' : '（尚有未评分的指标，总分未完成）'}`, result.totalExplanation);

  if (result.checks.length) {
    const broken = result.checks.filter((c) => !c.ok).length;
    lines.push('', `财务数据核对（${result.checks.length} 项${broken ? `，${broken} 项不符` : '，全部相符'}）：`);
    for (const c of result.checks) lines.push(`  ${c.ok ? '✓' : '✗'} ${c.message}`);
  }
  if (result.inputErrors.length) {
    lines.push('', `无法读取（${result.inputErrors.length}）：`);
    for (const e of result.inputErrors) lines.push(`  ✗ ${e.message}`);
  }
  if (result.warnings.length) {
    lines.push('', `核查提示（${result.warnings.length}）：`);
    for (const w of result.warnings) lines.push(`  ${MARK[w.severity]} [${w.node}] ${w.message}  [${w.code}]`);
  }
  return `${lines.join('\n')}\n`;
}
