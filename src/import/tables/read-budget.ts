import { D, plain } from '../../domain/scoring/decimal';
import { readNumber } from '../../domain/scoring/numbers-in';
import { normalize } from '../../domain/scoring/text';
import { cellAddress, cellText, columnLetter, type Grid } from './grid';
import { BUDGET_COLUMNS, BUDGET_GROUP, BUDGET_SOURCE, BUDGET_TOTAL, BUDGET_WEIGHT_LABELS, label } from './labels';
import type { BudgetReading, ReadingFlag } from './reading';
import { isPlaceholder } from './row-checks';
import { findAll, valueRightOf, type Pos } from './sheet-search';

type Key = keyof typeof BUDGET_COLUMNS;
type Unit = BudgetReading['unit'];

export interface BudgetRead {
  budget: BudgetReading;
  kind: 'block' | 'labels' | 'none';
  /** How the budget was found, for `--explain`. */
  description: string;
  flags: ReadingFlag[];
  notes: string[];
}

type Field = NonNullable<ReadingFlag['field']>;
const blocking = (code: ReadingFlag['code'], field: Field, message: string): ReadingFlag => ({ code, mark: '❓', blocking: true, message, field });
const warn = (code: ReadingFlag['code'], field: Field, message: string): ReadingFlag => ({ code, mark: '⚠', blocking: false, message, field });

/** An amount cell in 万元: `57`, `4753.66万元`, `72,890元` (in a 元 block or written with 元). */
export function readAmount(text: string, unit: Unit): { value: number | null; bad: boolean } {
  const t = text.trim();
  if (!t || isPlaceholder(t)) return { value: null, bad: false };
  const s = normalize(t);
  const wan = s.endsWith('万元') || s.endsWith('万');
  const yuan = !wan && s.endsWith('元');
  const n = readNumber(s, /(?:万元|万|元)$/);
  if (!n || n.isNegative() || s.endsWith('%')) return { value: null, bad: true };
  const inYuan = yuan || (!wan && unit === '元');
  return { value: (inYuan ? n.div(10_000) : n).toNumber(), bad: false };
}

/** 元 when the block or the lines above it say so (`项目资金（元）`, `金额单位：元`), else 万元 (the MoF template's unit). */
function blockUnit(grid: Grid, headerRow: number): Unit {
  for (let r = Math.max(0, headerRow - 3); r <= headerRow; r++) {
    for (const text of grid.rows[r] ?? []) {
      if (text.length > 80) continue;
      const s = normalize(text);
      if (s.includes('万元')) return '万元';
      if (/[(]元[)]|单位[:]?元/.test(s)) return '元';
    }
  }
  return '万元';
}

/** The first column of `row` whose label is one of the key's names, best name first. */
function columnFor(grid: Grid, row: number, key: Key): number | null {
  const labels = (grid.rows[row] ?? []).map((t) => (t.trim() ? label(t) : ''));
  for (const name of BUDGET_COLUMNS[key]) {
    // `得分（20分*执行率）`, `执行率(B/A)`: a column header may carry a note after its name.
    const c = labels.findIndex((l) => l === name || (l.startsWith(name) && l.length <= name.length + 12));
    if (c >= 0) return c;
  }
  return null;
}

/** A row's own label in the block: its text left of the amounts, without the block label merged down the side. */
function rowLabel(grid: Grid, r: number, header: number, firstAmount: number): string {
  const parts: string[] = [];
  for (let c = 0; c < firstAmount; c++) {
    const t = cellText(grid, r, c);
    if (t && t !== cellText(grid, header, c)) parts.push(label(t));
  }
  return [...new Set(parts)].join('');
}

/** `预算执行情况(10分)` → 10. */
function weightInLabel(text: string): number | null {
  const s = normalize(text).slice(-12);
  const m = /[(](\d+(?:\.\d+)?)分?[)]$/.exec(s);
  return m ? Number(m[1]) : null;
}

function emptyBudget(defaultWeight: number): BudgetReading {
  return {
    present: false,
    defaultWeight,
    initial: null,
    fullYear: null,
    executed: null,
    weight: null,
    printedScore: null,
    printedRate: null,
    unit: '万元',
    row: null,
    sources: [],
    cells: {},
    corrected: [],
  };
}

/**
 * Reads the 预算执行情况: the MoF 项目资金 block and its variants (调整后预算数 for 全年预算数, no 年初预算数, a 专项 block
 * labelled differently, 其中 lines and 按收入性质 / 按支出性质 sub-blocks that are sources, never totals, amounts in 元),
 * or the project template's labels with values beside them. A table with no budget at all is read as such: the
 * 预算执行率 line then weighs 0, and the flag says so.
 */
export function readBudget(grid: Grid, before: number, defaultWeight: number): BudgetRead {
  const flags: ReadingFlag[] = [];
  const notes: string[] = [];
  const fullYearLabels: readonly string[] = BUDGET_COLUMNS.fullYear;
  const labelAt = findAll(grid, (l) => fullYearLabels.some((n) => l === n || (n.length >= 4 && l.startsWith(n))), { from: 0, to: before })[0];
  if (!labelAt) {
    flags.push({
      code: 'budget-absent',
      mark: 'ℹ',
      blocking: false,
      message: '表中没有预算执行情况（年度资金总额 / 全年预算数）：预算执行率按 0 分计，总分只含绩效指标。如需计分，请补上全年预算数，例如：预算 全年预算数=105。',
    });
    return { budget: emptyBudget(defaultWeight), kind: 'none', description: '没有预算执行情况：预算执行率分值按 0 计', flags, notes };
  }
  const block = readBlock(grid, labelAt.r, before, defaultWeight, flags, notes);
  if (block) return block;
  return readLabels(grid, labelAt, defaultWeight, flags, notes);
}

function readBlock(grid: Grid, header: number, before: number, defaultWeight: number, flags: ReadingFlag[], notes: string[]): BudgetRead | null {
  const cols = {} as Record<Key, number | null>;
  for (const key of Object.keys(BUDGET_COLUMNS) as Key[]) cols[key] = columnFor(grid, header, key);
  const amountCols = [cols.initial, cols.fullYear, cols.executed].filter((c): c is number => c != null);
  const firstAmount = Math.min(...amountCols);
  const unit = blockUnit(grid, header);
  const end = Math.min(before, header + 14, grid.rows.length);

  let total: number | null = null;
  for (let r = header + 1; r < end; r++) {
    if (BUDGET_TOTAL(rowLabel(grid, r, header, firstAmount))) {
      total = r;
      break;
    }
  }
  if (total === null) {
    // No 年度资金总额 label: the first line under the header with an amount is the total, unless it is a source line.
    const next = header + 1;
    const l = rowLabel(grid, next, header, firstAmount);
    const hasAmount = cols.fullYear != null && readAmount(cellText(grid, next, cols.fullYear), unit).value != null;
    if (next < end && hasAmount && !BUDGET_SOURCE(l) && !BUDGET_GROUP(l)) total = next;
  }
  const hasSources = (() => {
    for (let r = header + 1; r < end; r++) if (BUDGET_SOURCE(rowLabel(grid, r, header, firstAmount)) || BUDGET_GROUP(rowLabel(grid, r, header, firstAmount))) return true;
    return false;
  })();
  // The project template puts its amounts beside their labels, not under them.
  if (total === null && !hasSources) return null;

  const budget = emptyBudget(defaultWeight);
  budget.present = true;
  budget.unit = unit;
  const cellsRead: Record<string, string> = {};
  const amountAt = (r: number, key: 'initial' | 'fullYear' | 'executed', name: string): number | null => {
    const c = cols[key];
    if (c == null) return null;
    const text = cellText(grid, r, c);
    const read = readAmount(text, unit);
    if (read.bad && r === total) {
      const message = `${cellAddress(r, c)}：${name}“${text}”不是金额。请填写数字（万元），例如：预算 ${name}=105。`;
      flags.push(key === 'fullYear' ? blocking('budget-unreadable', key, message) : warn('budget-unreadable', key, message));
    }
    if (r === total) cellsRead[key] = cellAddress(r, c);
    return read.value;
  };

  let group: string | null = null;
  const blockEnd = (() => {
    for (let r = (total ?? header) + 1; r < end; r++) {
      const l = rowLabel(grid, r, header, firstAmount);
      const amounts = amountCols.some((c) => readAmount(cellText(grid, r, c), unit).value !== null);
      if (!amounts && !BUDGET_SOURCE(l) && !BUDGET_GROUP(l)) return r;
    }
    return end;
  })();
  for (let r = header + 1; r < blockEnd; r++) {
    if (r === total) continue;
    const l = rowLabel(grid, r, header, firstAmount);
    const g = BUDGET_GROUP(l);
    if (g) group = g;
    const line = l.replace(/^按(?:收入|支出|资金)(?:性质|来源|类别)分?[:：]?/, '').replace(/^其中[:：]?/, '');
    if (!line && !amountCols.some((c) => readAmount(cellText(grid, r, c), unit).value !== null)) continue;
    budget.sources.push({
      row: r + 1,
      label: line || l,
      group,
      initial: amountAt(r, 'initial', '年初预算数'),
      fullYear: amountAt(r, 'fullYear', '全年预算数'),
      executed: amountAt(r, 'executed', '全年执行数'),
    });
  }

  if (total !== null) {
    budget.row = total + 1;
    budget.initial = amountAt(total, 'initial', '年初预算数');
    budget.fullYear = amountAt(total, 'fullYear', '全年预算数');
    budget.executed = amountAt(total, 'executed', '全年执行数');
    if (cols.weight != null) {
      const text = cellText(grid, total, cols.weight);
      const w = text && !isPlaceholder(text) ? readNumber(text, /分$/) : null;
      if (text && !isPlaceholder(text) && (!w || w.isNegative())) {
        flags.push(blocking('budget-unreadable', 'weight', `${cellAddress(total, cols.weight)}：预算执行率分值“${text}”不是数字。请填写分值，例如：预算 分值=10。`));
      } else if (w) {
        budget.weight = w.toNumber();
        cellsRead.weight = cellAddress(total, cols.weight);
      }
    }
    if (cols.rate != null) {
      const t = cellText(grid, total, cols.rate);
      budget.printedRate = t && !isPlaceholder(t) ? t : null;
    }
    if (cols.score != null) {
      const t = cellText(grid, total, cols.score);
      budget.printedScore = t && !isPlaceholder(t) ? (readNumber(t)?.toNumber() ?? null) : null;
    }
  }
  if (budget.weight === null) {
    for (const t of grid.rows[header] ?? []) {
      const w = t.trim() ? weightInLabel(t) : null;
      if (w !== null) {
        budget.weight = w;
        break;
      }
    }
  }
  budget.cells = cellsRead;

  const sum = (key: 'fullYear' | 'executed') => {
    // Lines inside a sub-block are one breakdown; the first breakdown alone adds up to the total.
    const firstGroup = budget.sources[0]?.group ?? null;
    const lines = budget.sources.filter((s) => s.group === firstGroup && s[key] != null);
    return lines.length ? lines.reduce((acc, s) => acc.plus(s[key]!), new D(0)) : null;
  };
  const fullSum = sum('fullYear');
  if (total === null) {
    flags.push(
      blocking(
        'budget-unreadable',
        'fullYear',
        `预算块（第 ${header + 1} 行起）没有“年度资金总额”行，只有资金来源${fullSum ? `（合计 ${plain(fullSum)} 万元）` : ''}。请给出全年预算数，例如：预算 全年预算数=${fullSum ? plain(fullSum) : '105'}。`,
      ),
    );
  } else if (!flags.some((f) => f.code === 'budget-unreadable' && f.blocking)) {
    if ((budget.fullYear === null || budget.fullYear === 0) && fullSum?.gt(0)) {
      flags.push(
        blocking(
          'budget-total-zero',
          'fullYear',
          `年度资金总额（第 ${total + 1} 行）的全年预算数${budget.fullYear === null ? '为空' : '为 0'}，而其中各行合计 ${plain(fullSum)} 万元。请确认全年预算数，例如：预算 全年预算数=${plain(fullSum)}。`,
        ),
      );
    } else if (budget.fullYear === null) {
      flags.push(blocking('budget-unreadable', 'fullYear', `年度资金总额（第 ${total + 1} 行）的全年预算数为空。请填写金额（万元），例如：预算 全年预算数=105。`));
    }
    const execSum = sum('executed');
    if ((budget.executed === null || budget.executed === 0) && execSum?.gt(0)) {
      flags.push(warn('budget-executed-mismatch', 'executed', `年度资金总额的全年执行数${budget.executed === null ? '为空' : '为 0'}，而其中各行合计 ${plain(execSum)} 万元。如应为合计，请更正：预算 全年执行数=${plain(execSum)}。`));
    }
  }
  if (unit === '元') {
    flags.push({ code: 'budget-in-yuan', mark: 'ℹ', blocking: false, message: '预算金额以元填写，已按 1 万元 = 10000 元换算为万元。' });
  }

  const named = (key: Key, what: string) => (cols[key] == null ? null : `${what}=${columnLetter(cols[key]!)}列“${cellText(grid, header, cols[key]!)}”`);
  const mapped = [named('initial', '年初预算数'), named('fullYear', '全年预算数'), named('executed', '全年执行数'), named('weight', '分值'), named('rate', '执行率'), named('score', '得分')].filter(Boolean);
  const description =
    `预算块：表头第 ${header + 1} 行，${total !== null ? `年度资金总额在第 ${total + 1} 行` : '没有年度资金总额行'}，金额单位 ${unit}；` +
    `${mapped.join('，')}${budget.sources.length ? `；另有 ${budget.sources.length} 行资金来源（不计入总额）` : ''}`;
  if (!notes.length && budget.sources.some((s) => s.group)) notes.push('预算块中“按收入性质 / 按支出性质”的各行是资金来源的分项，只作参考，不作为总额。');
  return { budget, kind: 'block', description, flags, notes };
}

/** The project template: `全年预算数 | 105 | 全年执行数 | 57 | 预算执行率分值 | 10`. */
function readLabels(grid: Grid, fullYearAt: Pos, defaultWeight: number, flags: ReadingFlag[], notes: string[]): BudgetRead {
  const budget = emptyBudget(defaultWeight);
  budget.present = true;
  budget.row = fullYearAt.r + 1;
  const value = (test: (l: string) => boolean, key: 'initial' | 'fullYear' | 'executed' | 'weight', name: string): number | null => {
    const at = findAll(grid, test)[0];
    const v = at ? valueRightOf(grid, at) : null;
    if (!v) return null;
    const text = cellText(grid, v.r, v.c);
    const read = key === 'weight' ? { value: readNumber(text, /分$/)?.toNumber() ?? null, bad: !readNumber(text, /分$/) && !isPlaceholder(text) } : readAmount(text, '万元');
    if (read.bad) {
      const message = `${cellAddress(v.r, v.c)}：${name}“${text}”不是数字。请填写数字，例如：预算 ${name}=${key === 'weight' ? 10 : 105}。`;
      flags.push(key === 'fullYear' || key === 'weight' ? blocking('budget-unreadable', key, message) : warn('budget-unreadable', key, message));
    } else budget.cells[key] = cellAddress(v.r, v.c);
    return read.value;
  };
  const startsWithAny = (names: readonly string[]) => (l: string) => names.some((n) => l === n || (n.length >= 4 && l.startsWith(n)));
  budget.fullYear = value(startsWithAny(BUDGET_COLUMNS.fullYear), 'fullYear', '全年预算数');
  budget.initial = value(startsWithAny(BUDGET_COLUMNS.initial), 'initial', '年初预算数');
  budget.executed = value(startsWithAny(BUDGET_COLUMNS.executed), 'executed', '全年执行数');
  budget.weight = value((l) => BUDGET_WEIGHT_LABELS.includes(l), 'weight', '分值');
  if (budget.fullYear === null && !flags.some((f) => f.blocking)) {
    flags.push(blocking('budget-unreadable', 'fullYear', `${cellAddress(fullYearAt.r, fullYearAt.c + 1)}：请在“全年预算数”右侧填写金额（万元），例如：预算 全年预算数=105。`));
  }
  const description = `预算：各金额在标签右侧（全年预算数在第 ${fullYearAt.r + 1} 行），金额单位 万元`;
  return { budget, kind: 'labels', description, flags, notes };
}
