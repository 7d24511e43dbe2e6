// Development only: a worker thread does not inherit the parent's `--import tsx` on Node 20, so a worker
// whose entry is TypeScript (under `npm start`, vitest or the bench) starts here, registers tsx, then loads
// `workerData.entry`. A production build runs its bundled .js entry directly and never loads this file.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
