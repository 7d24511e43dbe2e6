import { type Compilable, CompiledQuery, type Kysely, type QueryResult } from 'kysely';
import { errorMessage } from '../platform/log';

/**
 * All-or-nothing writes that work on both SQLite (a real transaction) and Cloudflare D1 (one
 * `batch()`, which D1 runs as a single SQL transaction — D1 has no interactive transactions, so
 * `db.transaction()` throws there).
 *
 * The price of running on D1: every statement of the unit is built BEFORE anything executes, so a
 * statement cannot depend on a value computed in JS from an earlier statement's result. Write units as:
 *   - reads first, outside `atomic` (plain queries);
 *   - then the writes, with optimistic guards: `UPDATE … WHERE id = ? AND version = ?` marked
 *     `expect: 1` — if it changes any other number of rows the whole unit is rolled back and
 *     `AtomicConflictError` is thrown (nothing committed, so nothing to undo);
 *   - ids you need across statements generated up front (`crypto.randomUUID()`) or looked up with a
 *     sub-select inside the SQL, never read back from `insertId` mid-unit.
 *
 *     await atomic(db, [
 *       { query: db.updateTable('indicator_values').set({ ... , version: v + 1 }).where('id', '=', id).where('version', '=', v), expect: 1 },
 *       { query: db.insertInto('value_history').values({ ... }) },
 *     ]);
 */
export interface AtomicStep {
  /** A Kysely builder (not executed) or an already compiled query. */
  query: Compilable | CompiledQuery;
  /**
   * Rows this statement must change (INSERT/UPDATE/DELETE), or `'some'` for at least one.
   * Anything else aborts the unit with `AtomicConflictError`.
   */
  expect?: number | 'some';
}

export class AtomicConflictError extends Error {
  constructor(
    /** Index of the step whose `expect` was not met. */
    readonly step: number,
    readonly expected: number | 'some',
    readonly actual: number | undefined,
  ) {
    super(`atomic step ${step} changed ${actual ?? 'an unknown number of'} rows, expected ${expected === 'some' ? 'at least 1' : expected}`);
    this.name = 'AtomicConflictError';
  }
}

/**
 * Runs compiled statements as one D1 `batch()`. Registered by the Worker when it opens the database
 * (`src/worker/d1-database.ts`); a structural type so this module needs no Workers types.
 */
export type BatchRunner = (queries: readonly CompiledQuery[]) => Promise<Array<QueryResult<unknown>>>;

const batchRunners = new WeakMap<Kysely<any>, BatchRunner>();

/** Marks `db` as a D1-backed instance: `atomic(db, …)` will use `run` instead of a transaction. */
export function registerBatchRunner(db: Kysely<any>, run: BatchRunner): void {
  batchRunners.set(db, run);
}

/** Executes `steps` atomically and returns each step's result (guard statements are not included). */
export async function atomic(db: Kysely<any>, steps: readonly AtomicStep[]): Promise<Array<QueryResult<unknown>>> {
  if (steps.length === 0) return [];
  const compiled = steps.map((s) => compile(s.query));
  const batch = batchRunners.get(db);
  return batch ? runAsBatch(batch, steps, compiled) : runInTransaction(db, steps, compiled);
}

async function runInTransaction(
  db: Kysely<any>,
  steps: readonly AtomicStep[],
  compiled: readonly CompiledQuery[],
): Promise<Array<QueryResult<unknown>>> {
  return db.transaction().execute(async (tx) => {
    const results: Array<QueryResult<unknown>> = [];
    for (const [i, query] of compiled.entries()) {
      const result = await tx.executeQuery(query);
      checkExpectation(i, steps[i]!.expect, changedRows(result));
      results.push(result);
    }
    return results;
  });
}

/** Marker in the guard's error ("bad JSON path: 'jixiao-atomic-guard-2'"), which D1 passes on. */
const GUARD_MARK = 'jixiao-atomic-guard-';

async function runAsBatch(
  run: BatchRunner,
  steps: readonly AtomicStep[],
  compiled: readonly CompiledQuery[],
): Promise<Array<QueryResult<unknown>>> {
  // A batch cannot branch in JS between statements, so each expectation becomes a guard statement
  // right after its step: it fails (and D1 rolls the whole batch back) when `changes()` — the rows
  // changed by the previous statement on this connection — is not what was expected. Plain SQL has no
  // RAISE outside triggers; an invalid JSON path is an error whose message echoes the path, so the
  // path names the step.
  const queries: CompiledQuery[] = [];
  const stepAt: number[] = [];
  for (const [i, query] of compiled.entries()) {
    stepAt.push(queries.length);
    queries.push(query);
    const expect = steps[i]!.expect;
    if (expect !== undefined) queries.push(guard(i, expect));
  }
  let results: Array<QueryResult<unknown>>;
  try {
    results = await run(queries);
  } catch (error) {
    const failed = guardStep(error, steps);
    if (failed !== undefined) throw new AtomicConflictError(failed, steps[failed]!.expect!, undefined);
    throw error;
  }
  return stepAt.map((index) => results[index]!);
}

function guard(step: number, expect: number | 'some'): CompiledQuery {
  const condition = expect === 'some' ? 'changes() < 1' : 'changes() <> ?';
  return CompiledQuery.raw(
    `SELECT CASE WHEN ${condition} THEN json_extract('{}', '${GUARD_MARK}${step}') END AS atomic_guard`,
    expect === 'some' ? [] : [expect],
  );
}

/** Which step's guard failed, when `error` came from a guard; `undefined` for any other error. */
function guardStep(error: unknown, steps: readonly AtomicStep[]): number | undefined {
  const text = `${errorMessage(error)} ${error instanceof Error ? String(error.cause ?? '') : ''}`;
  const marked = new RegExp(`${GUARD_MARK}(\\d+)`).exec(text);
  if (marked) return Number(marked[1]);
  // A SQLite that words the error without echoing the path: still one of ours, the first if unsure.
  if (/JSON path/i.test(text)) return steps.findIndex((s) => s.expect !== undefined);
  return undefined;
}

function checkExpectation(step: number, expect: number | 'some' | undefined, actual: number | undefined): void {
  if (expect === undefined) return;
  const ok = expect === 'some' ? (actual ?? 0) >= 1 : actual === expect;
  if (!ok) throw new AtomicConflictError(step, expect, actual);
}

function changedRows(result: QueryResult<unknown>): number | undefined {
  return result.numAffectedRows === undefined ? 0 : Number(result.numAffectedRows);
}

function compile(query: Compilable | CompiledQuery): CompiledQuery {
  return 'compile' in query && typeof query.compile === 'function' ? query.compile() : (query as CompiledQuery);
}
