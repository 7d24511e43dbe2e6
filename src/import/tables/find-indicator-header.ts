import { cellText, columnLetter, type Grid } from './grid';
import { INDICATOR_COLUMNS, label, type IndicatorColumn } from './labels';
import type { Layout } from './reading';

/** Where the indicator table's header is and which column holds what (columns 0-based). */
export interface IndicatorHeader {
  /** 0-based rows of the header: one, or two when the header is split over two rows (`年度指标值` over 指标性质 | 指标值 | 度量单位). */
  rows: number[];
  /** The last header row; indicator rows start below it. */
  last: number;
  cols: Partial<Record<IndicatorColumn, number>>;
  columns: Layout['columns'];
}

function columnKey(text: string): IndicatorColumn | null {
  const l = label(text);
  if (!l) return null;
  for (const [key, test] of INDICATOR_COLUMNS) if (test(l)) return key;
  return null;
}

/** Keys a row's cells carry, by column. */
function keysOf(grid: Grid, r: number): (IndicatorColumn | null)[] {
  return (grid.rows[r] ?? []).map((t) => (t.trim() ? columnKey(t) : null));
}

/** A header row names the 三级指标 column and at least one of target, 指标性质, 分值 or 实际完成值. */
export function isIndicatorHeaderRow(grid: Grid, r: number): boolean {
  const keys = new Set(keysOf(grid, r));
  return keys.has('name') && (keys.has('target') || keys.has('operator') || keys.has('weight') || keys.has('actual'));
}

/**
 * Finds the indicator table's header: the first row naming the 三级指标 column and a value column. When the row above
 * is itself a header row of the same table (a two-row header, e.g. Yunnan's `年度指标值` spanning 指标性质 | 指标值 |
 * 度量单位), the columns this row leaves empty take their meaning from it.
 */
export function findIndicatorHeader(grid: Grid, from = 0): IndicatorHeader | null {
  for (let r = from; r < grid.rows.length; r++) {
    if (!isIndicatorHeaderRow(grid, r)) continue;
    const own = keysOf(grid, r);
    const above = r > 0 ? keysOf(grid, r - 1) : [];
    const twoRow = above.filter((k) => k && k !== 'name').length >= 2 && !above.includes('name');
    const cols: Partial<Record<IndicatorColumn, number>> = {};
    const columns: Layout['columns'] = [];
    const width = Math.max(own.length, twoRow ? above.length : 0);
    for (let c = 0; c < width; c++) {
      let key = own[c] ?? null;
      let headerRow = r;
      if (!key && twoRow && above[c]) {
        key = above[c]!;
        headerRow = r - 1;
      }
      // The first column that names a meaning wins; a merged `年度指标值` above 指标值 does not take it twice.
      if (!key || cols[key] !== undefined) continue;
      if (key === 'target' && headerRow !== r && own.some((k) => k === 'target' || k === 'operator')) continue;
      cols[key] = c;
      const meaning = INDICATOR_COLUMNS.find(([k]) => k === key)![2];
      columns.push({ key, column: columnLetter(c), header: cellText(grid, headerRow, c), meaning });
    }
    return { rows: twoRow ? [r - 1, r] : [r], last: r, cols, columns };
  }
  return null;
}

/** The layout's name for `--explain` and the preview. */
export function describeLayout(header: IndicatorHeader, budgetKind: 'block' | 'labels' | 'none'): { kind: string; description: string } {
  const { cols } = header;
  if (budgetKind === 'labels') return { kind: 'template', description: '本项目的指标模板（表头字段在标签右侧，一行一个三级指标）' };
  if (cols.operator !== undefined) {
    return { kind: 'split-target', description: '年度指标值分为 指标性质 | 指标值 | 度量单位 三列的自评表（四川、云南等地的样式）' };
  }
  if (cols.weight !== undefined && cols.target !== undefined && cols.weight < cols.target) {
    return { kind: 'transfer', description: '分值列在年度指标值之前的绩效目标自评表（转移支付、衔接资金等样式）' };
  }
  if (budgetKind === 'none') return { kind: 'indicators-only', description: '只有绩效指标、没有预算执行情况的自评表' };
  return { kind: 'standard', description: '财政部项目支出绩效自评表（项目资金 + 年度总体目标 + 绩效指标）' };
}
