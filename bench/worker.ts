/**
 * Workers benchmark: the deployable bundle as `wrangler deploy --dry-run` builds it, run by
 * workerd (Miniflare, the engine of `wrangler dev`) against a local D1 with the project's migrations:
 *   - bundle size raw and gzip (the figure CI prints);
 *   - start-up: workerd ready, then the first request (module evaluation, first D1 query);
 *   - GET /healthz (one D1 query) and the webhook path for signed, encrypted events (verify, decrypt,
 *     parse, record in D1, acknowledge), driven by autocannon — the Worker's counterpart of the Node figures
 *     in bench/transport.ts. Local D1 is SQLite behind a loopback service, so these are floors for the code
 *     path, not a forecast of the edge.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { splitStatements } from '../src/storage/migrate';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CONNECTIONS = 10;
const REQUESTS = Number(process.env.JIXIAO_BENCH_WORKER_REQUESTS ?? 5000);
const SECRETS = {
  LARK_APP_ID: 'cli_bench_worker',
  LARK_APP_SECRET: 'bench-secret',
  LARK_VERIFICATION_TOKEN: 'bench-verification-token',
  LARK_ENCRYPT_KEY: 'bench-encrypt-key',
  // Nothing in this run calls Lark; an unroutable address makes sure of it.
  LARK_BASE_URL: 'http://127.0.0.1:9',
};

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  failures: number;
}

function build(outdir: string): { raw: number; gzip: number } {
  execFileSync('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', outdir], {
    cwd: ROOT,
    stdio: 'ignore',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', XDG_CONFIG_HOME: join(ROOT, '.config'), WRANGLER_LOG_PATH: join(ROOT, '.wrangler', 'logs') },
  });
  const bytes = readFileSync(join(outdir, 'index.js'));
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

function compatibility(): { date: string; flags: string[] } {
  const toml = readFileSync(join(ROOT, 'wrangler.toml'), 'utf8');
  const date = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(toml)![1]!;
  const flags = [...(/^compatibility_flags\s*=\s*\[([^\]]*)\]/m.exec(toml)?.[1] ?? '').matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
  return { date, flags };
}

/** Signed, encrypted v2 events with unique ids, as Lark pushes them; unhandled type, so the work is the inbound path. */
async function eventPool(n: number): Promise<Array<{ body: string; headers: Record<string, string> }>> {
  const { signLarkRequest } = await import('../src/fake-lark/sign');
  const { createWebCrypto } = await import('../src/platform/crypto-web');
  const crypto = createWebCrypto();
  const now = Date.now();
  return Promise.all(
    Array.from({ length: n }, (_, i) =>
      signLarkRequest(
        {
          schema: '2.0',
          header: { event_id: `ev_worker_bench_${i}_${now}`, event_type: 'im.chat.member.bot.deleted_v1', token: SECRETS.LARK_VERIFICATION_TOKEN, create_time: String(now), tenant_key: 'tenant_bench', app_id: SECRETS.LARK_APP_ID },
          event: { chat_id: `oc_bench_${i}`, operator_id: { open_id: 'ou_bench' }, name: '绩效自评群' },
        },
        { crypto, encryptKey: SECRETS.LARK_ENCRYPT_KEY, encrypt: true, nowMs: now },
      ),
    ),
  );
}

async function drive(
  url: string,
  path: string,
  pool: Array<{ body: string; headers: Record<string, string> }> | null,
  amount: number,
  expectStatus = 200,
): Promise<Figures> {
  const autocannon = (await import('autocannon')).default;
  let i = 0;
  const result = await autocannon({
    url,
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
  const unexpected = Object.entries(result.statusCodeStats ?? {})
    .filter(([code]) => Number(code) !== expectStatus)
    .reduce((n, [, stat]) => n + (stat as { count: number }).count, 0);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, failures: result.errors + result.timeouts + unexpected };
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-bench-worker-'));
  // A dependency of wrangler (same pinned workerd); imported lazily so other benches do not pay for it.
  const { Miniflare } = await import('miniflare');
  try {
    console.log(`\nworker: the deploy bundle in workerd (Miniflare) with a local D1, ${CONNECTIONS} connections, ${REQUESTS} requests per path`);
    const size = build(join(dir, 'dist'));
    const { date, flags } = compatibility();

    const started = performance.now();
    const mf = new Miniflare({
      // The bundle's text, not its path: its source map points outside the temp folder, which workerd refuses.
      modules: [{ type: 'ESModule', path: 'index.js', contents: readFileSync(join(dir, 'dist', 'index.js'), 'utf8') }],
      compatibilityDate: date,
      compatibilityFlags: flags,
      d1Databases: { DB: 'jixiao-bench' },
      d1Persist: join(dir, 'd1'),
      bindings: SECRETS,
      // The Worker logs one line per ignored event; the figures are the output here.
      handleRuntimeStdio: (stdout: Readable, stderr: Readable) => {
        stdout.resume();
        stderr.resume();
      },
    });
    try {
      const url = (await mf.ready).toString().replace(/\/$/, '');
      const ready = performance.now() - started;
      const d1 = await mf.getD1Database('DB');
      for (const file of readdirSync(join(ROOT, 'migrations')).filter((f) => /^\d{4}_.+\.sql$/.test(f)).sort()) {
        for (const statement of splitStatements(readFileSync(join(ROOT, 'migrations', file), 'utf8'))) await d1.prepare(statement).run();
      }
      const firstStart = performance.now();
      const first = await fetch(`${url}/healthz`);
      await first.text();
      const firstMs = performance.now() - firstStart;
      if (first.status !== 200) throw new Error(`/healthz answered ${first.status}`);

      const pool = await eventPool(REQUESTS + 500);
      await drive(url, '/webhook/event', pool.slice(0, 500), 500); // warm-up
      const health = await drive(url, '/healthz', null, REQUESTS);
      const events = await drive(url, '/webhook/event', pool.slice(500), REQUESTS);
      // Same bodies with a wrong signature: decrypted and hashed, then refused before any D1 work — the
      // Worker's own share of the event path.
      const forged = pool.slice(500).map((p) => ({ body: p.body, headers: { ...p.headers, 'x-lark-signature': '0'.repeat(64) } }));
      const refused = await drive(url, '/webhook/event', forged, REQUESTS, 401);
      const stored = await d1.prepare("SELECT COUNT(*) AS n FROM lark_inbound_events WHERE event_id LIKE 'ev_worker_bench_%'").first<{ n: number }>();

      const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
      const row = (name: string, x: Figures) =>
        `  ${name.padEnd(52)} ${Math.round(x.rps).toLocaleString('en-US').padStart(7)} ${String(x.p50).padStart(7)} ${String(x.p99).padStart(7)}${x.failures > 0 ? `   (${x.failures} failed)` : ''}`;
      console.log(`  bundle: ${kib(size.raw)} raw, ${kib(size.gzip)} gzip · workerd ready in ${ready.toFixed(0)} ms · first request ${firstMs.toFixed(1)} ms`);
      console.log(`  ${'path'.padEnd(52)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)}`);
      console.log(row('GET /healthz (one D1 query)', health));
      console.log(row('POST /webhook/event (verify, decrypt, record in D1)', events));
      console.log(row('POST /webhook/event, forged (→ 401 before any D1)', refused));
      console.log(`  events recorded in D1: ${stored?.n ?? 0} of ${REQUESTS + 500} sent (every one exactly once)`);
    } finally {
      await mf.dispose();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
