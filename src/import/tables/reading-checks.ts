import { D, plain } from '../../domain/scoring/decimal';
import type { ReadingFlag, TableReading } from './reading';

/** Table-wide checks, recomputed after every correction: the flags below are always this function's. */
const DERIVED = new Set<ReadingFlag['code']>(['weights-sum', 'level1-sum', 'no-indicators', 'owners-missing']);

/** The 预算执行率 分值 the total counts: the table's, else the profile's, and 0 when the table has no budget. */
export function budgetWeightOf(reading: TableReading): number {
  const b = reading.budget;
  return b.present ? (b.weight ?? b.defaultWeight) : 0;
}

/**
 * Weights are points as the table states them: summed and compared with 100 and with each 一级指标's stated weight
 * (`产出指标(50分)`), flagged when they differ, never rescaled.
 */
export function checkReading(reading: TableReading): TableReading {
  const flags = reading.flags.filter((f) => !DERIVED.has(f.code));
  const rows = reading.rows.filter((r) => r.status !== 'skipped');
  if (!rows.length) {
    flags.push({ code: 'no-indicators', mark: '❓', blocking: true, message: '没有可收集的指标：每一行都被跳过了。请恢复至少一行指标，例如：第 14 行 恢复。' });
  }
  const weighed = rows.filter((r) => r.weight !== null);
  const missing = rows.filter((r) => r.applicable && r.weight === null).length;
  const indicatorSum = weighed.reduce((s, r) => s.plus(r.weight!), new D(0));
  const budgetWeight = budgetWeightOf(reading);
  const total = indicatorSum.plus(budgetWeight);
  if (rows.length && !missing && !total.eq(100)) {
    flags.push({
      code: 'weights-sum',
      mark: '⚠',
      blocking: false,
      message: `分值合计 ${plain(total)}（三级指标 ${plain(indicatorSum)} + 预算执行率 ${budgetWeight}），应为 100。分值按表上计，不会自动折算，请核对。`,
    });
  }
  const level1Weights = reading.level1Weights.map((l) => {
    const sum = rows.filter((r) => r.level1 === l.label && r.weight !== null).reduce((s, r) => s.plus(r.weight!), new D(0));
    return { ...l, sum: sum.toNumber() };
  });
  for (const l of level1Weights) {
    if (!missing && l.sum !== l.stated) {
      flags.push({ code: 'level1-sum', mark: '⚠', blocking: false, message: `${l.label}标注 ${l.stated} 分，其三级指标分值合计 ${l.sum} 分，请核对。` });
    }
  }
  const owned = rows.filter((r) => r.owner).length;
  if (owned && owned < rows.length) {
    flags.push({ code: 'owners-missing', mark: 'ℹ', blocking: false, message: `${rows.length - owned} 项指标没有填写责任人。` });
  }
  return { ...reading, level1Weights, flags };
}
