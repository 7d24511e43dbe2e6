import type { TableReading } from './reading';
import type { ReadTableResult, TableError } from './result';
import { evaluationOf } from './to-evaluation';

/** `跳过 3 行：第 20 行（合计行）、第 22 行（签字栏…）` — the rows the preview lists under ⊘. */
export function skippedSummary(reading: TableReading): string | null {
  const skipped = reading.rows.filter((r) => r.status === 'skipped');
  if (!skipped.length) return null;
  const shown = skipped.slice(0, 6).map((r) => `第 ${r.row} 行（${r.skip?.reason.split('：')[0] ?? ''}）`);
  return `跳过 ${skipped.length} 行非指标：${shown.join('、')}${skipped.length > 6 ? ' 等' : ''}。`;
}

/** The notes a one-step import shows: reader notes, flags that do not block, and the skipped rows. */
export function readingNotes(reading: TableReading): string[] {
  const rowFlags = reading.rows
    .filter((r) => r.status !== 'skipped')
    .flatMap((r) => r.flags.filter((f) => !f.blocking && f.code !== 'not-applicable').map((f) => `第 ${r.row} 行：${f.message}`));
  const skipped = skippedSummary(reading);
  return [...reading.notes, ...reading.flags.filter((f) => !f.blocking).map((f) => f.message), ...rowFlags, ...(skipped ? [skipped] : [])];
}

/** The one-step answer for a reading: its evaluation, or the blocking problems row by row, cell named. */
export function toReadTableResult(reading: TableReading): ReadTableResult {
  const built = evaluationOf(reading);
  if (built.ok) return { ok: true, evaluation: built.evaluation, notes: readingNotes(reading), deadline: reading.deadline, reading };
  const errors: TableError[] = [
    ...reading.rows.flatMap((r) =>
      r.status === 'blocked' ? r.flags.filter((f) => f.blocking).map((f) => ({ message: f.message, ...(f.cell ? { cell: f.cell } : { row: r.row }) })) : [],
    ),
    ...reading.flags.filter((f) => f.blocking).map((f) => ({ message: f.message })),
  ];
  return { ok: false, errors, reading };
}
