/**
 * The worker-thread side of `createTableReaderPool`: reads one table per message, inside the fences, and
 * posts the result back. One self-contained entry, so a bundler can emit it as its own file
 * (`table-reader.worker.js` next to the bundled server; see table-reader-pool.ts for how it is found).
 */
import { parentPort } from 'node:worker_threads';
import { runTableRead } from '../import/fences/runner';
import { loadExcelJs } from '../import/tables/read-xlsx';
import type { WorkerReply, WorkerRequest } from './table-reader-pool';

const port = parentPort;
if (!port) throw new Error('table-reader.worker must run in a worker thread');

// Loaded once here rather than on the first file, so the first read is not charged for it.
await loadExcelJs();
port.on('message', (message: WorkerRequest) => {
  void runTableRead(message.request, message.limits).then((result) => port.postMessage({ id: message.id, result } satisfies WorkerReply));
});
port.postMessage({ ready: true } satisfies WorkerReply);
