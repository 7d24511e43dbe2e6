import type { TableReading } from './reading';

export interface GateBlocker {
  /** Sheet row, or null for the budget and the table as a whole. */
  row: number | null;
  /** `第 14 行`, `预算`, `指标表`: where the problem is, as the toast names it. */
  where: string;
  /** The indicator's name as read (may be empty: that is then one of the problems). */
  name: string | null;
  /** The cell to fix (`E14`), when known. */
  cell: string | null;
  problems: string[];
}

export interface Gate {
  ok: boolean;
  blockers: GateBlocker[];
  /** For the 开始收集 toast and the CLI: which rows, what is wrong, what to do. Empty when ok. */
  message: string;
}

const SHOWN = 5;

/**
 * Whether collection may start: every row to be collected (not skipped, not 不适用) has a weight and a readable
 * target, and the budget line has a 全年预算数 (when the table has a budget). Weights that do not add up to 100 are
 * flagged on the reading but never block: the table's points stand.
 */
export function collectionGate(reading: TableReading): Gate {
  const blockers: GateBlocker[] = [];
  for (const r of reading.rows) {
    if (r.status !== 'blocked') continue;
    const problems = r.flags.filter((f) => f.blocking);
    blockers.push({ row: r.row, where: `第 ${r.row} 行`, name: r.name || null, cell: problems[0]?.cell ?? null, problems: problems.map((f) => f.message) });
  }
  for (const f of reading.flags) {
    if (!f.blocking) continue;
    blockers.push({ row: null, where: f.code.startsWith('budget-') ? '预算' : '指标表', name: null, cell: null, problems: [f.message] });
  }
  if (!blockers.length) return { ok: true, blockers, message: '' };
  const listed = blockers.slice(0, SHOWN).map((b) => `${b.where}：${b.problems.join('；')}`);
  const more = blockers.length > SHOWN ? `\n……还有 ${blockers.length - SHOWN} 处。` : '';
  return {
    ok: false,
    blockers,
    message: `还不能开始收集，有 ${blockers.length} 处需要更正：\n${listed.join('\n')}${more}\n更正后再开始收集；不需要收集的行可以标记为“不适用”或“非指标”。`,
  };
}
