import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely';

/** Runs one write statement and returns its result. */
export type WriteExecutor = (query: Compilable | CompiledQuery) => Promise<QueryResult<unknown>>;

export function directWrites(db: Kysely<any>): WriteExecutor {
  return (query) => db.executeQuery('compile' in query ? query.compile() : query);
}

/**
 * Group commit for SQLite: independent single-statement writes that arrive within the same millisecond
 * are committed in one transaction, in arrival order, each still getting its own result. On the card
 * path this turns two commits per click into a fraction of one (a commit is most of a write's cost).
 * A failing batch is re-run statement by statement so one bad write cannot fail the others.
 * SQLite only: D1 has no interactive transactions, so Workers use `directWrites`.
 */
export function groupCommitWrites(db: Kysely<any>, opts: { delayMs?: number; maxBatch?: number } = {}): WriteExecutor {
  const delayMs = opts.delayMs ?? 1;
  const maxBatch = opts.maxBatch ?? 256;
  const queue: Array<{ query: CompiledQuery; resolve: (r: QueryResult<unknown>) => void; reject: (e: unknown) => void }> = [];
  let timer: ReturnType<typeof setTimeout> | null = null;

  async function flush() {
    timer = null;
    const batch = queue.splice(0, maxBatch);
    if (queue.length > 0) timer = setTimeout(flush, 0);
    if (batch.length === 0) return;
    if (batch.length === 1) {
      const only = batch[0]!;
      db.executeQuery(only.query).then(only.resolve, only.reject);
      return;
    }
    try {
      const results = await db.transaction().execute(async (tx) => {
        const out: QueryResult<unknown>[] = [];
        for (const item of batch) out.push(await tx.executeQuery(item.query));
        return out;
      });
      batch.forEach((item, i) => item.resolve(results[i]!));
    } catch {
      for (const item of batch) await db.executeQuery(item.query).then(item.resolve, item.reject);
    }
  }

  return (query) =>
    new Promise((resolve, reject) => {
      queue.push({ query: 'compile' in query ? query.compile() : query, resolve, reject });
      if (!timer) timer = setTimeout(flush, delayMs);
    });
}
