/**
 * Reliability of the import path (review F1/F2): how long each hostile file takes to be refused (or imported,
 * when it only looks huge), inline on the event loop and through the worker-thread pool; and what /healthz
 * answers while those files are read — idle, with reads in the worker pool, and with the same reads inline —
 * side by side. Targets: every hostile file answered within 1 s; /healthz p99 < 200 ms while a hostile file is
 * read (issue 10's reliability suite). A separate process probes /healthz, so the prober never waits on the
 * event loop it measures.
 *
 *   npm run bench -- reliability-files      JIXIAO_BENCH_SECONDS=6 for longer probe windows
 */
import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { parseConfig } from '../src/config';
import { createInlineTableReader, type TableReaderRunner } from '../src/import/fences/runner';
import type { ReadTableResult } from '../src/import/tables/result';
import { createTableReaderPool } from '../src/node/table-reader-pool';
import { adversarialPaste, bigCsv, hostile, seedBytes } from '../test/import/fences/hostile-files';

const SECONDS = Number(process.env.JIXIAO_BENCH_SECONDS ?? 4);
const PROBE_INTERVAL_MS = 5;

type Read = { name: string; read: (r: TableReaderRunner) => Promise<ReadTableResult> };

function reads(): Read[] {
  const file = (name: string, bytes: Uint8Array, fileName: string): Read => ({ name, read: (r) => r.readFile(bytes, fileName) });
  return [
    file('ordinary seed 003-t1.xlsx', seedBytes(), '003-t1.xlsx'),
    file('banner merged A1:XFD1', hostile.bannerRowMerge(), 't.xlsx'),
    file('whole-column merge K1:K1048576', hostile.columnMerge(), 't.xlsx'),
    file('merge A200:XFD1048576', hostile.mergeBomb(), 't.xlsx'),
    file('value at XFD1048576', hostile.farCell(), 't.xlsx'),
    file('validation on A1:XFD1048576', hostile.wholeColumnValidation(), 't.xlsx'),
    file('shared strings claiming 200 MB', hostile.sharedStringsClaim(), 't.xlsx'),
    file('honest bomb (60 MB part)', hostile.honestBomb(), 't.xlsx'),
    file('lying bomb (sheet inflates to 21 MB)', hostile.lyingBomb(), 't.xlsx'),
    file('2 000 zip parts', hostile.manyParts(), 't.xlsx'),
    file('20 000-row CSV', bigCsv(), 'big.csv'),
    { name: '100 KB pasted 1,111,… cell', read: (r) => r.readPasted(adversarialPaste()) },
  ];
}

function outcome(result: ReadTableResult): string {
  return result.ok ? `imported ${result.evaluation.indicators.length} rows` : `refused: ${result.errors[0]!.message.slice(0, 28)}…`;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** GET /healthz every few ms from another process for `seconds`; the latencies in ms. */
function probe(url: string, seconds: number): Promise<number[]> {
  const script = `
    const end = Date.now() + ${seconds * 1000}; const out = [];
    while (Date.now() < end) {
      const t = performance.now();
      try { await (await fetch(${JSON.stringify(url)}, { signal: AbortSignal.timeout(10000) })).text(); out.push(performance.now() - t); }
      catch { out.push(10000); }
      await new Promise((r) => setTimeout(r, ${PROBE_INTERVAL_MS}));
    }
    process.stdout.write(JSON.stringify(out));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(text) as number[]) : reject(new Error(`prober exited ${code}`))));
  });
}

function summary(latencies: number[]): { p50: number; p99: number; max: number; n: number } {
  const s = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { p50: at(0.5), p99: at(0.99), max: s[s.length - 1]!, n: s.length };
}

export async function run(): Promise<void> {
  const { imports } = parseConfig({});
  const app = new Hono().get('/healthz', (c) => c.json({ ok: true }));
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`;
  const inline = createInlineTableReader(imports.limits);
  const pool = createTableReaderPool({ ...imports, warm: true });
  const startup = await timed(() => pool.readPasted('warm-up'));
  const set = reads();

  console.log(`\n== reliability: untrusted tables (limits: ${imports.limits.maxRows} rows, ${imports.limits.maxColumns} columns, ${imports.limits.maxFileBytes / 2 ** 20} MB file; worker pool of ${imports.workers}, ${imports.timeLimitMs} ms, ${imports.memoryLimitMb} MB) ==`);
  console.log(`worker pool ready after ${startup.toFixed(0)} ms (tsx compiles the worker in development; a bundled build loads only exceljs)`);
  console.log(`${'file'.padEnd(40)} ${'inline ms'.padStart(10)} ${'worker ms'.padStart(10)}  outcome (target: answered < 1000 ms)`);
  for (const r of set) {
    const samples = { inline: [] as number[], worker: [] as number[] };
    let result: ReadTableResult | null = null;
    for (let i = 0; i < 3; i++) {
      samples.inline.push(await timed(async () => (result = await r.read(inline))));
      samples.worker.push(await timed(() => r.read(pool)));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[1]!;
    console.log(`${r.name.padEnd(40)} ${median(samples.inline).toFixed(0).padStart(10)} ${median(samples.worker).toFixed(0).padStart(10)}  ${outcome(result!)}`);
  }

  // /healthz with nothing to do, then while the set is read in a loop through each runner.
  const under = async (runner: TableReaderRunner | null) => {
    let stop = false;
    const loop = (async () => {
      while (runner && !stop) for (const r of set) if (!stop) await r.read(runner);
    })();
    const latencies = await probe(url, SECONDS);
    stop = true;
    await loop;
    return summary(latencies);
  };
  const idle = await under(null);
  const worker = await under(pool);
  const onLoop = await under(inline);
  const row = (label: string, s: ReturnType<typeof summary>) =>
    console.log(`${label.padEnd(40)} n=${String(s.n).padStart(5)}  p50 ${s.p50.toFixed(1).padStart(7)} ms  p99 ${s.p99.toFixed(1).padStart(8)} ms  max ${s.max.toFixed(0).padStart(6)} ms`);
  console.log(`/healthz, probed every ${PROBE_INTERVAL_MS} ms for ${SECONDS} s from another process (target: p99 < 200 ms while hostile files are read)`);
  row('idle', idle);
  row('hostile set read in the worker pool', worker);
  row('same set read inline on the event loop', onLoop);
  console.log(`p99 ratio inline / worker: ${(onLoop.p99 / worker.p99).toFixed(1)}×`);

  await pool.close();
  server.close();
}

if (process.argv[1] && import.meta.filename === process.argv[1]) await run();
