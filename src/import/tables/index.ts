/**
 * The import feature's public face: read a table row by row, correct it, decide whether collection may start, and
 * turn it into the evaluation the engine scores. The 导入预览 card renders a `TableReading`, sends `Correction`s,
 * stores both with the draft, and asks `collectionGate` before 开始收集.
 */
export { readTableFile, readPastedReading, readTable, readPastedTable, type TableFileOutcome, type ReadOptions } from './read-table';
export { applyCorrection, applyCorrections, describeCorrection, correctionSchema, type Correction, type CorrectionOutcome } from './corrections';
export { parseFix, FIX_SYNTAX, type FixParse } from './parse-fix';
export { collectionGate, type Gate, type GateBlocker } from './gate';
export { evaluationOf } from './to-evaluation';
export { readingNotes, skippedSummary } from './summary';
export { explainReading, rowLines, rowMark } from './explain';
export { tableReadingSchema, rowReadingSchema, type TableReading, type RowReading, type RowFlag, type ReadingFlag, type BudgetReading } from './reading';
export { formatTableError, type ReadTableResult, type TableError } from './result';
export { readWithFixes, type PreparedTable } from './read-with-fixes';
