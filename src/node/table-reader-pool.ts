/**
 * The Node `TableReaderRunner`: every table is read in a worker thread (`node:worker_threads`), never on the
 * event loop that answers webhooks and card callbacks. Each read has a time limit (the worker is terminated and
 * the sender gets a Chinese refusal) and each worker a heap limit (`resourceLimits`: a parse that would exhaust
 * it kills only that worker). Workers are reused; a killed one is replaced on the next read.
 *
 * Locating the worker entry: `table-reader.worker.ts` next to this file in development (tsx, vitest, the bench:
 * started through `tsx-worker-bootstrap.mjs`, since a worker does not inherit the parent's `--import tsx` on
 * Node 20), and `table-reader.worker.js` next to the running module once built. A bundled build must therefore
 * emit `src/node/table-reader.worker.ts` as a second entry point named `table-reader.worker.js` in the same
 * folder as the bundled server, or pass `entry`. Checked with esbuild 0.2x: `esbuild --bundle --platform=node
 * --format=esm --outdir=dist --entry-names=[name] src/node/main.ts src/node/table-reader.worker.ts` (plus the usual
 * `createRequire` banner that exceljs, a CommonJS package, needs in an ESM bundle) reads through the bundled worker.
 */
import { Worker } from 'node:worker_threads';
import type { FileLimits } from '../import/fences/limits';
import { refusals } from '../import/fences/messages';
import { refusedRead, type TableReadRequest, type TableReaderRunner } from '../import/fences/runner';
import type { ReadTableResult } from '../import/tables/result';
import type { Logger } from '../platform/log';

export type WorkerRequest = { id: number; request: TableReadRequest; limits: FileLimits };
export type WorkerReply = { ready: true } | { id: number; result: ReadTableResult };

export interface TableReaderPoolOptions {
  limits: FileLimits;
  /** A read not answered within this is stopped (its worker terminated) and refused. */
  timeLimitMs: number;
  /** Each worker's V8 old-generation heap. */
  memoryLimitMb: number;
  /** Tables read at once (one worker each). */
  workers: number;
  /** Reads waiting for a worker beyond this are refused at once (default 32). */
  maxQueue?: number;
  /** A worker that has not loaded within this is replaced (default 60 s: tsx compiles on a cold cache). */
  startupLimitMs?: number;
  /** Start the workers now instead of on the first read (a server; the CLI reads once). */
  warm?: boolean;
  entry?: URL;
  log?: Logger;
}

export interface TableReaderPool extends TableReaderRunner {
  /** Live worker threads and reads waiting, for tests and the benchmark. */
  inspect(): { threadIds: number[]; queued: number };
}

interface Job {
  request: TableReadRequest;
  resolve: (result: ReadTableResult) => void;
}

interface Slot {
  worker: Worker | null;
  ready: boolean;
  startup: ReturnType<typeof setTimeout> | null;
  job: (Job & { id: number; timer: ReturnType<typeof setTimeout> | null }) | null;
}

export function defaultWorkerEntry(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? './table-reader.worker.ts' : './table-reader.worker.js', import.meta.url);
}

export function createTableReaderPool(options: TableReaderPoolOptions): TableReaderPool {
  const entry = options.entry ?? defaultWorkerEntry();
  const maxQueue = options.maxQueue ?? 32;
  const startupLimitMs = options.startupLimitMs ?? 60_000;
  const resourceLimits = { maxOldGenerationSizeMb: options.memoryLimitMb };
  const slots: Slot[] = Array.from({ length: Math.max(1, options.workers) }, () => ({ worker: null, ready: false, startup: null, job: null }));
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;

  function spawn(slot: Slot): Worker {
    const worker = entry.pathname.endsWith('.ts')
      ? new Worker(new URL('./tsx-worker-bootstrap.mjs', import.meta.url), { workerData: { entry: entry.href }, resourceLimits })
      : new Worker(entry, { resourceLimits });
    slot.worker = worker;
    slot.ready = false;
    // An idle worker must not keep a CLI process alive; a busy one is ref'ed while its read runs.
    worker.unref();
    slot.startup = setTimeout(() => discard(slot, refusals.readFailed(), 'worker did not start'), startupLimitMs);
    slot.startup.unref();
    worker.on('message', (reply: WorkerReply) => {
      if (slot.worker !== worker) return;
      if ('ready' in reply) {
        slot.ready = true;
        if (slot.startup) clearTimeout(slot.startup);
        slot.startup = null;
        if (slot.job) startClock(slot);
        return;
      }
      if (slot.job?.id === reply.id) finish(slot, reply.result);
    });
    worker.on('error', (err: Error & { code?: string }) => {
      if (slot.worker !== worker) return;
      const oom = err.code === 'ERR_WORKER_OUT_OF_MEMORY';
      discard(slot, oom ? refusals.readOutOfMemory(options.memoryLimitMb) : refusals.readFailed(), oom ? 'heap limit' : 'worker error', err.message);
    });
    worker.on('exit', (code) => {
      if (slot.worker === worker) discard(slot, refusals.readFailed(), 'worker exited', `code ${code}`);
    });
    return worker;
  }

  function startClock(slot: Slot) {
    const job = slot.job;
    if (!job || job.timer) return;
    job.timer = setTimeout(() => discard(slot, refusals.readTimeout(options.timeLimitMs), 'time limit'), options.timeLimitMs);
  }

  function finish(slot: Slot, result: ReadTableResult) {
    const job = slot.job!;
    if (job.timer) clearTimeout(job.timer);
    slot.job = null;
    slot.worker?.unref();
    job.resolve(result);
    pump();
  }

  /** Terminates the slot's worker; its read, if any, is answered with `message`. */
  function discard(slot: Slot, message: string, reason: string, detail?: string) {
    const { worker, job } = slot;
    if (slot.startup) clearTimeout(slot.startup);
    if (job?.timer) clearTimeout(job.timer);
    slot.worker = null;
    slot.ready = false;
    slot.startup = null;
    slot.job = null;
    void worker?.terminate();
    if (job) {
      options.log?.warn('table read stopped', { reason, detail, kind: job.request.kind, bytes: sizeOf(job.request) });
      job.resolve(refusedRead(message));
    }
    // A warm pool replaces the worker at once, so the next read does not wait for one to load.
    if (options.warm && !closed && !queue.length) spawn(slot);
    pump();
  }

  function pump() {
    while (!closed && queue.length) {
      const slot = slots.find((s) => !s.job);
      if (!slot) return;
      const job = queue.shift()!;
      const worker = slot.worker ?? spawn(slot);
      slot.job = { ...job, id: nextId++, timer: null };
      worker.ref();
      worker.postMessage({ id: slot.job.id, request: job.request, limits: options.limits } satisfies WorkerRequest);
      if (slot.ready) startClock(slot);
    }
  }

  function read(request: TableReadRequest): Promise<ReadTableResult> {
    if (closed) return Promise.resolve(refusedRead(refusals.readFailed()));
    if (queue.length >= maxQueue) return Promise.resolve(refusedRead(refusals.readersBusy(queue.length)));
    return new Promise((resolve) => {
      queue.push({ request, resolve });
      pump();
    });
  }

  if (options.warm) for (const slot of slots) spawn(slot);

  return {
    readFile: (bytes, fileName) => read({ kind: 'file', bytes, fileName }),
    readPasted: (text) => read({ kind: 'pasted', text }),
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.resolve(refusedRead(refusals.readFailed()));
      const stopping = slots.map((slot) => slot.worker);
      for (const slot of slots) {
        const job = slot.job;
        if (slot.startup) clearTimeout(slot.startup);
        if (job?.timer) clearTimeout(job.timer);
        Object.assign(slot, { worker: null, ready: false, startup: null, job: null });
        job?.resolve(refusedRead(refusals.readFailed()));
      }
      await Promise.all(stopping.map((w) => w?.terminate()));
    },
    inspect: () => ({ threadIds: slots.flatMap((s) => (s.worker ? [s.worker.threadId] : [])), queued: queue.length }),
  };
}

function sizeOf(request: TableReadRequest): number {
  return request.kind === 'file' ? request.bytes.byteLength : request.text.length;
}
