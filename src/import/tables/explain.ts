import { budgetWeightOf } from './reading-checks';
import type { RowReading, TableReading } from './reading';

/** The mark a row carries on the preview: ✓ ready, ❓ target or name unreadable, ⚠ weight missing, ⊘ skipped. */
export function rowMark(row: RowReading): string {
  if (row.status === 'skipped') return '⊘';
  const blocking = row.flags.find((f) => f.blocking);
  if (blocking) return blocking.mark;
  return row.flags.some((f) => f.mark === '⚠') ? '⚠' : '✓';
}

/** `第 14 行 ⚠ 产出指标 / 质量指标 / 验收合格率  ≥95%  分值 —`: one row as the preview lists it, then its flags. */
export function rowLines(row: RowReading): string[] {
  const mark = rowMark(row);
  if (row.status === 'skipped') return [`第 ${row.row} 行 ${mark} 跳过：${row.skip?.reason ?? ''}`];
  const levels = [row.level1, row.level2].filter(Boolean).join(' / ');
  const weight = row.weight === null ? (row.weightText ? `“${row.weightText}”` : '—') : String(row.weight);
  const head = `第 ${row.row} 行 ${mark} ${levels ? `${levels} / ` : ''}${row.name || '（无名称）'}  目标 ${row.target || '—'}  分值 ${weight}${row.applicable ? '' : '  不适用'}${row.actual ? `  实际 ${row.actual}` : ''}`;
  return [head, ...row.flags.filter((f) => f.code !== 'not-applicable').map((f) => `    ${f.mark} ${f.message}`)];
}

/**
 * `--explain`: which layout was recognised, how each column was mapped, how the budget was read, and every row with
 * what was made of it — so a clerk or an operator can see why a cell was read as it was.
 */
export function explainReading(reading: TableReading): string {
  const { layout } = reading;
  const lines: string[] = [];
  lines.push(`版式：${layout.description}${layout.sheet ? `（工作表“${layout.sheet}”）` : ''}`);
  const rows = layout.headerRows;
  lines.push(`指标表头：第 ${rows.length > 1 ? `${rows[0]}–${rows[rows.length - 1]}` : rows[0]} 行，各列读作：`);
  for (const c of layout.columns) lines.push(`  ${c.column} 列“${c.header.replace(/\s+/g, '')}” → ${c.meaning}`);
  lines.push(layout.budget);
  const b = reading.budget;
  if (b.present) {
    const w = b.weight === null ? `${b.defaultWeight}（表上未写，按评分规则）` : String(b.weight);
    lines.push(`  读到：年初预算数 ${b.initial ?? '—'}，全年预算数 ${b.fullYear ?? '—'}，全年执行数 ${b.executed ?? '—'}（万元），预算执行率分值 ${w}`);
    for (const s of b.sources) lines.push(`  第 ${s.row} 行 资金来源${s.group ? `（${s.group}）` : ''}：${s.label} ${s.fullYear ?? '—'} / ${s.executed ?? '—'}`);
  }
  const indicators = reading.rows.filter((r) => r.status !== 'skipped');
  const blocked = indicators.filter((r) => r.status === 'blocked').length;
  const skipped = reading.rows.length - indicators.length;
  const sum = indicators.reduce((s, r) => s + (r.weight ?? 0), 0);
  lines.push(
    `指标行：读到 ${indicators.length} 项指标${blocked ? `（${blocked} 项需要更正）` : ''}，跳过 ${skipped} 行；三级指标分值合计 ${Number(sum.toFixed(4))}，预算执行率 ${budgetWeightOf(reading)}`,
  );
  for (const r of reading.rows) lines.push(...rowLines(r).map((l) => `  ${l}`));
  for (const f of reading.flags) lines.push(`${f.mark} ${f.message}`);
  for (const n of reading.notes) lines.push(`注：${n}`);
  return `${lines.join('\n')}\n`;
}
