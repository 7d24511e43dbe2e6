/**
 * Transport benchmark (issue 3 §11): one run, three servers side by side, each in its own process and
 * driven by autocannon from this one (50 connections) with the same signed, encrypted
 * `card.action.trigger` payloads (~1.5 KB, unique event ids, so no request is a dedupe hit):
 *   1. the full path through createApp: verify, decrypt, parse, dispatch, persist (SQLite WAL), 6 KB card reply;
 *   2. a bare Hono JSON route (the ceiling);
 *   3. the SDK's own path: EventDispatcher behind adaptDefault on node:http, same handler work.
 * Targets: full ≥ 25 % of bare, full ≥ SDK, full p99 < 20 ms.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { Database } from '../src/storage/database';

const ENCRYPT_KEY = 'bench-encrypt-key';
const VERIFICATION_TOKEN = 'bench-verification-token';
const CONNECTIONS = 50;
const WARMUP = 4000;
const REQUESTS = Number(process.env.JIXIAO_BENCH_REQUESTS ?? 30_000);

type Kind = 'full' | 'bare' | 'sdk';

/** A card reply of about 6 KB, like the collection flow's entry card. */
function replyCard(n: number) {
  const rows = Array.from({ length: 14 }, (_, i) => ({
    tag: 'markdown',
    content: `**指标 ${i + 1}** 年度目标值 ≥ 95%，实际完成值 ${90 + (i % 10)}%，得分 ${(8 + (i % 3) * 0.5).toFixed(2)}，偏差原因：按计划推进，第 ${n} 次提交`,
  }));
  return {
    schema: '2.0' as const,
    config: { update_multi: true },
    header: { title: { tag: 'plain_text', content: '填报已保存' }, template: 'green' },
    body: { elements: rows },
  };
}

/** The handler's own work, identical in the full and SDK paths: one indexed read. */
async function handlerRead(db: Kysely<Database>, eventId: string) {
  await db.selectFrom('lark_inbound_events').select(['status']).where('event_id', '=', eventId).execute();
}

// ---------------------------------------------------------------- server side (child process)

async function serveFull(dbPath: string): Promise<number> {
  const { serve } = await import('@hono/node-server');
  const { createApp } = await import('../src/app');
  const { parseConfig } = await import('../src/config');
  const { openSqlite } = await import('../src/node/sqlite');
  const { createNodeCrypto } = await import('../src/node/crypto-node');
  const { createDispatcher } = await import('../src/transport/dispatcher');
  const { createLarkClient } = await import('../src/transport/client');
  const { silentLogger } = await import('../src/transport/log');
  const { systemClock } = await import('../src/platform/clock');
  const { groupCommitWrites } = await import('../src/storage/repositories/transport/group-commit');
  const { db } = await openSqlite(dbPath);
  const config = parseConfig({
    LARK_APP_ID: 'cli_bench',
    LARK_APP_SECRET: 'secret',
    LARK_VERIFICATION_TOKEN: VERIFICATION_TOKEN,
    LARK_ENCRYPT_KEY: ENCRYPT_KEY,
    LARK_BASE_URL: 'http://127.0.0.1:9',
  });
  const dispatcher = createDispatcher(['entry_submit'] as const);
  let n = 0;
  dispatcher.onAction('entry_submit', async (action) => {
    await handlerRead(db, action.eventId);
    if (process.env.JIXIAO_BENCH_SMALL) return { toast: { type: 'success', content: '已保存' } };
    return { toast: { type: 'success', content: '已保存' }, card: { type: 'raw', data: replyCard(++n) } };
  });
  const lark = createLarkClient({ baseUrl: config.lark.baseUrl, appId: 'cli_bench', appSecret: 'secret' });
  const app = createApp({ config, crypto: createNodeCrypto(), clock: systemClock, db, dispatcher, lark, log: silentLogger, writes: process.env.JIXIAO_BENCH_DIRECT ? undefined : groupCommitWrites(db) });
  return new Promise((resolve) => serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port)));
}

async function serveBare(): Promise<number> {
  const { serve } = await import('@hono/node-server');
  const { Hono } = await import('hono');
  const app = new Hono();
  app.get('/ping', (c) => c.json({ ok: true }));
  return new Promise((resolve) => serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port)));
}

async function serveSdk(dbPath: string): Promise<number> {
  const lark = await import('@larksuiteoapi/node-sdk');
  const { openSqlite } = await import('../src/node/sqlite');
  const { cardActionsRepository } = await import('../src/storage/repositories/transport/card-actions');
  const { db } = await openSqlite(dbPath);
  const cards = cardActionsRepository(db);
  let n = 0;
  const dispatcher = new lark.EventDispatcher({ encryptKey: ENCRYPT_KEY, verificationToken: VERIFICATION_TOKEN, loggerLevel: lark.LoggerLevel.error }).register({
    'card.action.trigger': async (data: any) => {
      // The same persistence the full path does around its handler: dedupe row in, response recorded.
      const key = `${data.operator.open_id}|${data.context.open_message_id}|${data.event_id}`;
      await cards.begin({ dedupeKey: key, eventId: data.event_id, operatorOpenId: data.operator.open_id, openMessageId: data.context.open_message_id, action: String(data.action.value.action) }, new Date());
      await handlerRead(db, data.event_id);
      const response = { toast: { type: 'success', content: '已保存' }, card: { type: 'raw', data: replyCard(++n) } };
      await cards.finish(key, JSON.stringify({ toast: response.toast }), new Date());
      return response;
    },
  });
  const server = createServer(lark.adaptDefault('/webhook/card', dispatcher, { autoChallenge: true }));
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}

// ---------------------------------------------------------------- driver side

async function payloads(count: number, prefix: string): Promise<Array<{ body: string; headers: Record<string, string> }>> {
  const { createNodeCrypto } = await import('../src/node/crypto-node');
  const { signLarkRequest } = await import('../src/fake-lark/sign');
  const crypto = createNodeCrypto();
  const out: Array<{ body: string; headers: Record<string, string> }> = [];
  for (let i = 0; i < count; i++) {
    const envelope = {
      schema: '2.0',
      header: { event_id: `${prefix}_${i}_${crypto.randomUUID()}`, token: VERIFICATION_TOKEN, create_time: String(Date.now() * 1000), event_type: 'card.action.trigger', tenant_key: 'tenant_bench', app_id: 'cli_bench' },
      event: {
        operator: { tenant_key: 'tenant_bench', user_id: `u${i % 300}`, open_id: `ou_bench_${i % 300}`, union_id: `on_bench_${i % 300}` },
        token: `c-${crypto.randomUUID()}`,
        action: {
          value: { action: 'entry_submit', rev: i, evaluation: 'ev_01J9ZKQ3X7Y8B2C4D6E8F0G1H2', item: `it_${i % 60}`, locale: 'zh_cn' },
          tag: 'button',
          name: 'submit',
          form_value: {
            actual: `${90 + (i % 10)}%`,
            reason: '受项目实施进度影响，部分采购在第四季度完成，已与财政部门沟通，预计次年一季度全部完成验收并支付尾款。',
            evidence: '项目验收报告、采购合同、支付凭证',
            unit: '%',
          },
        },
        host: 'im_message',
        context: { open_message_id: `om_bench_${i % 500}`, open_chat_id: 'oc_bench_group' },
      },
    };
    out.push(await signLarkRequest(envelope, { crypto, encryptKey: ENCRYPT_KEY, encrypt: true, nowMs: Date.now() }));
  }
  return out;
}

function startServer(kind: Kind, dbPath: string): Promise<{ child: ChildProcess; port: number }> {
  const self = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, ['--import', 'tsx', self], {
    env: { ...process.env, JIXIAO_BENCH_SERVER: kind, JIXIAO_BENCH_DB: dbPath },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      const m = /PORT (\d+)/.exec(buf);
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
}

interface Figures {
  rps: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Server CPU (user + system) per request, µs: unlike req/s it barely moves when other work shares the machine. */
  cpuUs: number;
}

/** CPU seconds a process has used so far (Linux /proc; NaN elsewhere). */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

async function drive(port: number, path: string, pool: Array<{ body: string; headers: Record<string, string> }> | null, amount: number): Promise<Figures> {
  const autocannon = (await import('autocannon')).default;
  let i = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    amount,
    requests: [
      pool
        ? {
            method: 'POST',
            path,
            setupRequest: (req: any) => {
              const p = pool[i++ % pool.length]!;
              return { ...req, headers: p.headers, body: p.body };
            },
          }
        : { method: 'GET', path },
    ],
  });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.timeouts, non2xx: result.non2xx, cpuUs: 0 };
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-bench-'));
  const figures: Partial<Record<Kind, Figures>> = {};
  try {
    console.log(`\ntransport: signed + encrypted card.action.trigger, ${CONNECTIONS} connections, ${REQUESTS} requests per path (+${WARMUP} warm-up)`);
    const pool = await payloads(WARMUP * 2 + REQUESTS * 2, 'ev_bench');
    const warm = pool.slice(0, WARMUP);
    for (const kind of ['full', 'bare', 'sdk'] as const) {
      const { child, port } = await startServer(kind, join(dir, `${kind}.sqlite`));
      try {
        const path = kind === 'bare' ? '/ping' : '/webhook/card';
        const isBare = kind === 'bare';
        const offset = kind === 'full' ? WARMUP : WARMUP * 2 + REQUESTS;
        await drive(port, path, isBare ? null : kind === 'full' ? warm : pool.slice(WARMUP, WARMUP * 2), isBare ? 20_000 : WARMUP);
        const cpuBefore = cpuSeconds(child.pid!);
        const measured = await drive(port, path, isBare ? null : pool.slice(offset + (kind === 'full' ? WARMUP : 0), offset + (kind === 'full' ? WARMUP : 0) + REQUESTS), isBare ? REQUESTS * 3 : REQUESTS);
        measured.cpuUs = ((cpuSeconds(child.pid!) - cpuBefore) * 1e6) / (isBare ? REQUESTS * 3 : REQUESTS);
        figures[kind] = measured;
      } finally {
        child.kill('SIGTERM');
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const f = figures as Record<Kind, Figures>;
  const row = (name: string, x: Figures) =>
    `  ${name.padEnd(46)} ${Math.round(x.rps).toLocaleString('en-US').padStart(8)} ${String(x.p99).padStart(8)} ${x.cpuUs.toFixed(0).padStart(12)}${x.errors + x.non2xx > 0 ? `   (${x.errors} errors, ${x.non2xx} non-2xx)` : ''}`;
  console.log(`  ${'path'.padEnd(46)} ${'req/s'.padStart(8)} ${'p99 ms'.padStart(8)} ${'server µs/req'.padStart(12)}`);
  console.log(row('full path (verify, decrypt, dispatch, persist)', f.full));
  console.log(row('bare Hono JSON route (ceiling)', f.bare));
  console.log(row('SDK EventDispatcher + adaptDefault (node:http)', f.sdk));
  const share = f.full.rps / f.bare.rps;
  const vsSdk = f.full.rps / f.sdk.rps;
  console.log(
    `  full / bare = ${(share * 100).toFixed(1)} % (target ≥ 25 %: ${share >= 0.25 ? 'met' : 'MISSED'}) · ` +
      `full / SDK = ${vsSdk.toFixed(2)}× (target ≥ 1: ${vsSdk >= 1 ? 'met' : 'MISSED'}) · ` +
      `full p99 = ${f.full.p99} ms (target < 20 ms: ${f.full.p99 < 20 ? 'met' : 'MISSED'})`,
  );
  const [load1] = loadavg();
  console.log(
    `  server CPU per request: full / bare = ${(f.bare.cpuUs / f.full.cpuUs * 100).toFixed(1)} % of the bare route's throughput per core; ` +
      `full / SDK = ${(f.sdk.cpuUs / f.full.cpuUs).toFixed(2)}× · load average during the run ${load1!.toFixed(1)} on ${cpus().length} cores` +
      (load1! > cpus().length ? ' (machine busy: req/s understated, CPU per request is the steadier figure)' : ''),
  );
}

// Child-process mode: serve one path and report the port.
const serverKind = process.env.JIXIAO_BENCH_SERVER as Kind | undefined;
if (serverKind) {
  const dbPath = process.env.JIXIAO_BENCH_DB!;
  const port = serverKind === 'full' ? await serveFull(dbPath) : serverKind === 'bare' ? await serveBare() : await serveSdk(dbPath);
  process.on('SIGTERM', () => process.exit(0));
  process.stdout.write(`PORT ${port}\n`);
} else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await run();
}
