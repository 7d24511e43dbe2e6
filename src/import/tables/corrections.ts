import { readNumber } from '../../domain/scoring/numbers-in';
import type { Correction } from './corrections-schema';
import { readAmount } from './read-budget';
import type { BudgetField, ReadingFlag, RowReading, TableReading } from './reading';
import { checkReading } from './reading-checks';
import { checkRow } from './row-checks';

export { correctionSchema, type Correction } from './corrections-schema';

export type CorrectionOutcome = { ok: true; reading: TableReading } | { ok: false; message: string };

const FIELD_NAMES: Record<string, string> = {
  name: '名称',
  target: '年度指标值',
  weight: '分值',
  level1: '一级指标',
  level2: '二级指标',
  actual: '实际完成值',
  owner: '责任人',
  initial: '年初预算数',
  fullYear: '全年预算数',
  executed: '全年执行数',
};

/** One line per correction, in Chinese, for the history and the preview: `第 3 行 年度指标值改为“≥95%”`. */
export function describeCorrection(c: Correction): string {
  switch (c.kind) {
    case 'row-field':
      return `第 ${c.row} 行 ${FIELD_NAMES[c.field]}改为“${c.value}”`;
    case 'row-applicable':
      return `第 ${c.row} 行 标记为${c.applicable ? '适用' : '不适用'}`;
    case 'row-skip':
      return `第 ${c.row} 行 标记为非指标${c.reason ? `（${c.reason}）` : ''}`;
    case 'row-restore':
      return `第 ${c.row} 行 恢复为指标`;
    case 'budget':
      return c.field === 'weight' ? `预算执行率分值改为“${c.value}”` : `预算 ${FIELD_NAMES[c.field]}改为“${c.value}”（万元）`;
  }
}

function rowRange(reading: TableReading): string {
  const { firstRow, lastRow } = reading.layout;
  return firstRow && lastRow ? `（指标表在第 ${firstRow}–${lastRow} 行）` : '';
}

function withRow(reading: TableReading, index: number, row: RowReading, c: Correction): TableReading {
  const rows = reading.rows.slice();
  rows[index] = checkRow(row);
  return checkReading({ ...reading, rows, corrections: [...reading.corrections, c] });
}

const mark = (row: RowReading, field: string): string[] => (row.corrected.includes(field) ? row.corrected : [...row.corrected, field]);

function applyRow(reading: TableReading, c: Exclude<Correction, { kind: 'budget' }>): CorrectionOutcome {
  const index = reading.rows.findIndex((r) => r.row === c.row);
  if (index < 0) return { ok: false, message: `第 ${c.row} 行不在指标表里${rowRange(reading)}。请用预览上标的行号。` };
  const row = reading.rows[index]!;
  const skippedWhy = row.skip ? `第 ${c.row} 行已跳过（${row.skip.reason}）` : '';
  switch (c.kind) {
    case 'row-field': {
      if (row.status === 'skipped') return { ok: false, message: `${skippedWhy}。如果它是指标，请先恢复：第 ${c.row} 行 恢复。` };
      const value = c.value.trim();
      if (!value && (c.field === 'name' || c.field === 'target' || c.field === 'weight')) {
        return { ok: false, message: `${FIELD_NAMES[c.field]}不能为空。例如：第 ${c.row} 行 ${c.field === 'weight' ? '分值=5' : c.field === 'target' ? '目标=≥95%' : '名称=资金拨付及时率'}。` };
      }
      const next: RowReading = { ...row, corrected: mark(row, c.field) };
      if (c.field === 'weight') next.weightText = value;
      else if (c.field === 'actual') next.actual = value || null;
      else if (c.field === 'owner') next.owner = value || null;
      else if (c.field === 'name') next.name = value;
      else if (c.field === 'target') next.target = value;
      else if (c.field === 'level1') next.level1 = value;
      else next.level2 = value;
      // The reader's guess of a target from the name is settled once the clerk writes the target.
      if (c.field === 'target') next.flags = next.flags.filter((f) => f.code !== 'target-from-name');
      return { ok: true, reading: withRow(reading, index, next, c) };
    }
    case 'row-applicable': {
      if (row.status === 'skipped') return { ok: false, message: `${skippedWhy}。请先恢复：第 ${c.row} 行 恢复。` };
      return { ok: true, reading: withRow(reading, index, { ...row, applicable: c.applicable, corrected: mark(row, 'applicable') }, c) };
    }
    case 'row-skip': {
      if (row.status === 'skipped') return { ok: false, message: `${skippedWhy}，不用再标记。` };
      const reason = c.reason?.trim() ? `导入人标记为非指标：${c.reason.trim()}` : '导入人标记为非指标';
      return { ok: true, reading: withRow(reading, index, { ...row, status: 'skipped', skip: { code: 'clerk', reason } }, c) };
    }
    case 'row-restore': {
      if (row.status !== 'skipped') return { ok: false, message: `第 ${c.row} 行没有被跳过，不用恢复。` };
      return { ok: true, reading: withRow(reading, index, { ...row, status: 'indicator', skip: null, corrected: mark(row, 'restored') }, c) };
    }
  }
}

function applyBudget(reading: TableReading, c: Extract<Correction, { kind: 'budget' }>): CorrectionOutcome {
  const text = c.value.trim();
  let value: number | null = null;
  if (text) {
    if (c.field === 'weight') {
      const n = readNumber(text, /分$/);
      if (!n || n.isNegative()) return { ok: false, message: `预算执行率分值“${text}”不是数字。请填写分值，例如：预算 分值=10。` };
      value = n.toNumber();
    } else {
      const read = readAmount(text, '万元');
      if (read.bad || read.value === null) return { ok: false, message: `${FIELD_NAMES[c.field]}“${text}”不是金额。请填写万元数，例如：预算 ${FIELD_NAMES[c.field]}=105。` };
      value = read.value;
    }
  }
  const field: BudgetField = c.field;
  // A 分值 alone does not make a budget appear in a table that has none.
  const present = reading.budget.present || field !== 'weight';
  const budget = { ...reading.budget, present, [field]: value, corrected: reading.budget.corrected.includes(field) ? reading.budget.corrected : [...reading.budget.corrected, field] };
  const flags = reading.flags.filter((f) => f.field !== field && (f.code !== 'budget-absent' || !present));
  const next = { ...reading, budget, flags: present ? [...flags, ...budgetFlags(budget, flags)] : flags, corrections: [...reading.corrections, c] };
  return { ok: true, reading: checkReading(next) };
}

/** What the budget still lacks after a correction, unless a flag about that figure is already there. */
function budgetFlags(budget: TableReading['budget'], existing: ReadingFlag[]): ReadingFlag[] {
  const has = (field: BudgetField) => existing.some((f) => f.field === field && f.blocking);
  if (has('fullYear')) return [];
  if (budget.fullYear === null) {
    return [{ code: 'budget-unreadable', mark: '❓', blocking: true, field: 'fullYear', message: '还没有全年预算数。请填写金额（万元），例如：预算 全年预算数=105。' }];
  }
  if (budget.fullYear === 0) {
    return [{ code: 'budget-total-zero', mark: '❓', blocking: true, field: 'fullYear', message: '全年预算数为 0，无法计算执行率。请填写全年预算数（万元），例如：预算 全年预算数=105。' }];
  }
  return [];
}

/** Applies one correction to a reading. Pure: the reading given is not changed; a correction that cannot apply says why. */
export function applyCorrection(reading: TableReading, c: Correction): CorrectionOutcome {
  return c.kind === 'budget' ? applyBudget(reading, c) : applyRow(reading, c);
}

/** Replays corrections in order (from the history, or several `--fix`); stops at the first that cannot apply. */
export function applyCorrections(reading: TableReading, corrections: readonly Correction[]): CorrectionOutcome {
  let current = reading;
  for (const c of corrections) {
    const next = applyCorrection(current, c);
    if (!next.ok) return { ok: false, message: `${describeCorrection(c)}：${next.message}` };
    current = next.reading;
  }
  return { ok: true, reading: current };
}
