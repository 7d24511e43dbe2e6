import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FILE_LIMITS } from '../../src/import/fences/limits';
import { readTable, type ReadTableResult } from '../../src/import/tables/read-table';
import { createTableReaderPool, type TableReaderPool } from '../../src/node/table-reader-pool';
import { adversarialPaste, bigCsv, hostile, seedBytes } from '../import/fences/hostile-files';

/** Worker start-up compiles TypeScript through tsx: seconds on a cold cache and a busy machine. */
const STARTUP_MS = 90_000;
const misbehaving = new URL('./fixtures/misbehaving.worker.ts', import.meta.url);

function messages(result: ReadTableResult): string {
  return result.ok ? '' : result.errors.map((e) => e.message).join('\n');
}

async function ready(pool: TableReaderPool) {
  // The first read waits for the worker to load; after it, reads are charged only their own time.
  await pool.readPasted('warm-up');
}

describe('the worker-thread table reader', () => {
  let pool: TableReaderPool;
  beforeAll(async () => {
    pool = createTableReaderPool({ limits: DEFAULT_FILE_LIMITS, timeLimitMs: 8000, memoryLimitMb: 256, workers: 1, warm: true });
    await ready(pool);
  }, STARTUP_MS);
  afterAll(() => pool.close());

  it('reads an ordinary table exactly as the inline reader does', async () => {
    expect(await pool.readFile(seedBytes(), '003-t1.xlsx')).toEqual(await readTable(seedBytes(), '003-t1.xlsx'));
  }, 20_000);

  it.each([
    ['a value at XFD1048576', () => pool.readFile(hostile.farCell(), 'far.xlsx'), /表格超过 300 行/],
    ['shared strings claiming 200 MB', () => pool.readFile(hostile.sharedStringsClaim(), 'ss.xlsx'), /超过 10 MB 的上限/],
    ['a worksheet lying about its size', () => pool.readFile(hostile.lyingBomb(), 'bomb.xlsx'), /解压后超过了文件目录声明的/],
    ['a 20 000-row CSV', () => pool.readFile(bigCsv(), 'big.csv'), /表格超过 300 行/],
    ['a 100 KB paste', () => pool.readPasted(adversarialPaste()), /超过 2000 个字符的上限/],
  ])('refuses %s with the Chinese message naming the limit', async (_name, read, message) => {
    expect(messages(await read())).toMatch(message);
  }, 10_000);

  it('imports a whole-row banner merge', async () => {
    const result = await pool.readFile(hostile.bannerRowMerge(), '003-t1.xlsx');
    expect(result).toEqual(await readTable(seedBytes(), '003-t1.xlsx'));
  }, 20_000);
});

describe('a read that misbehaves costs only its worker', () => {
  let pool: TableReaderPool;
  beforeAll(async () => {
    pool = createTableReaderPool({ limits: DEFAULT_FILE_LIMITS, timeLimitMs: 1000, memoryLimitMb: 256, workers: 1, warm: true, maxQueue: 2, entry: misbehaving });
    await ready(pool);
  }, STARTUP_MS);
  afterAll(() => pool.close());

  it('a hung parse is killed at the time limit and answered in Chinese; the next read gets a new worker', async () => {
    const [hung] = pool.inspect().threadIds;
    expect(messages(await pool.readPasted('hang'))).toBe('读取这张表格超过了 1 秒的时间上限，已停止。请只保留指标表部分后重新导入（删除多余的工作表、图片和表格以外的内容）。');
    expect(pool.inspect().threadIds).not.toContain(hung);
    expect(messages(await pool.readPasted('just text'))).toMatch(/没有识别到表格/);
    expect(pool.inspect().threadIds).toHaveLength(1);
    expect(pool.inspect().threadIds).not.toContain(hung);
  }, STARTUP_MS);

  it('a worker that dies answers its read, and reads beyond the queue are refused at once', async () => {
    expect(messages(await pool.readPasted('exit'))).toMatch(/读取这张表格时出错了/);
    const reads = [pool.readPasted('hang'), pool.readPasted('a'), pool.readPasted('b'), pool.readPasted('c')];
    expect(messages(await reads[3]!)).toBe('正在读取的表格已有 2 张在排队，达到上限。请过一分钟再导入。');
    await pool.close();
    expect((await Promise.all(reads.slice(0, 3))).map(messages)).toEqual(Array(3).fill(expect.stringMatching(/读取这张表格/)));
  }, STARTUP_MS);
});

describe('a parse that exhausts the heap', () => {
  it('kills only its worker, answered in Chinese', async () => {
    // A long time limit: close to its heap limit V8 collects for a while before it gives up.
    const pool = createTableReaderPool({ limits: DEFAULT_FILE_LIMITS, timeLimitMs: STARTUP_MS, memoryLimitMb: 96, workers: 1, entry: misbehaving });
    try {
      expect(messages(await pool.readPasted('oom'))).toBe('读取这张表格超过了 96 MB 的内存上限，已停止。请只保留指标表部分后重新导入（删除多余的工作表、图片和表格以外的内容）。');
      expect(messages(await pool.readPasted('just text'))).toMatch(/没有识别到表格/);
    } finally {
      await pool.close();
    }
  }, 2 * STARTUP_MS);
});

describe('the event loop keeps answering while hostile tables are read', () => {
  let server: Server;
  let url: string;
  let pool: TableReaderPool;
  beforeAll(async () => {
    server = createServer((req, res) => res.end(req.url === '/healthz' ? 'ok' : ''));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`;
    pool = createTableReaderPool({ limits: DEFAULT_FILE_LIMITS, timeLimitMs: 1500, memoryLimitMb: 256, workers: 1, warm: true, entry: misbehaving });
    await ready(pool);
  }, STARTUP_MS);
  afterAll(async () => {
    await pool.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('/healthz p99 stays far below a second (measured figure: npm run bench reliability-files)', async () => {
    // Built before measuring: building them (deflating 21 MB) is the test's own work on this event loop.
    const [bomb, merge, csv, paste] = [hostile.lyingBomb(), hostile.mergeBomb(), bigCsv(), adversarialPaste()];
    const files: Array<() => Promise<ReadTableResult>> = [
      () => pool.readFile(bomb, 'bomb.xlsx'),
      () => pool.readFile(merge, 'merge.xlsx'),
      () => pool.readFile(csv, 'big.csv'),
      () => pool.readPasted(paste),
      () => pool.readPasted('hang'),
    ];
    let reading = true;
    const reads = (async () => {
      for (const read of files) await read();
      reading = false;
    })();
    const latencies: number[] = [];
    while (reading) {
      const start = performance.now();
      await (await fetch(url)).text();
      latencies.push(performance.now() - start);
      await new Promise((r) => setTimeout(r, 10));
    }
    await reads;
    latencies.sort((a, b) => a - b);
    const p99 = latencies[Math.floor(latencies.length * 0.99)]!;
    console.log(`/healthz while hostile tables were read in the worker: ${latencies.length} probes, p50 ${latencies[latencies.length >> 1]!.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`);
    expect(latencies.length).toBeGreaterThan(20);
    expect(p99).toBeLessThan(1000);
  }, STARTUP_MS);
});
