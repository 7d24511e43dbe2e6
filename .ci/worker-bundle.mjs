// Checks the Worker bundle written by `wrangler deploy --dry-run --outdir <dir>`: prints its size raw and
// gzipped (the figure CI reports), fails when the Lark SDK slipped in (it needs
// `__dirname`, crashes the workerd test pool and triples the bundle — the Worker uses the fetch client),
// and boots the bundle itself in workerd with a local D1: /healthz answers and one cron run completes.
// (test/workers runs the sources through Vite; this catches what only the esbuild bundle could break.)
// Writes a vitest-shaped JSON report so `.ci/run` counts the build in its `N passed, N failed` line.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const [dir, report, buildStatus] = process.argv.slice(2);
const failures = [];
if (buildStatus !== '0') failures.push(`wrangler deploy --dry-run exited with ${buildStatus}`);

const files = existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).filter((f) => statSync(join(dir, f)).isFile()) : [];
const code = files.filter((f) => /\.(m?js|wasm)$/.test(f));
if (buildStatus === '0' && code.length === 0) failures.push(`no bundle in ${dir}`);
let raw = 0;
let gzip = 0;
for (const f of code) {
  const bytes = readFileSync(join(dir, f));
  raw += bytes.length;
  gzip += gzipSync(bytes, { level: 9 }).length;
  if (/larksuiteoapi|node-sdk\/lib|getSdkVersion/.test(bytes.toString('latin1'))) failures.push(`${f} contains @larksuiteoapi/node-sdk`);
}
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`worker bundle: ${kib(raw)} raw, ${kib(gzip)} gzip (${code.length} file${code.length === 1 ? '' : 's'})`);
for (const f of failures) console.log(`worker bundle check failed: ${f}`);

if (failures.length === 0) {
  try {
    await smoke(join(dir, code.find((f) => f.endsWith('.js')) ?? 'index.js'));
    console.log('worker bundle boots in workerd: /healthz 200, one cron run completed');
  } catch (err) {
    failures.push(`the bundle does not run: ${err instanceof Error ? err.message : String(err)}`);
    console.log(`worker bundle check failed: ${failures.at(-1)}`);
  }
}

const ok = failures.length === 0;
writeFileSync(
  report,
  JSON.stringify({
    numTotalTests: 1,
    numPassedTests: ok ? 1 : 0,
    numFailedTests: ok ? 0 : 1,
    testResults: [
      {
        name: 'wrangler deploy --dry-run',
        status: ok ? 'passed' : 'failed',
        assertionResults: [{ title: 'builds a lean Worker bundle without the Lark SDK', status: ok ? 'passed' : 'failed', failureMessages: failures }],
      },
    ],
  }),
);
process.exit(ok ? 0 : 1);

async function smoke(script) {
  const { Miniflare } = await import('miniflare');
  const toml = readFileSync('wrangler.toml', 'utf8');
  const compatibilityDate = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(toml)[1];
  const compatibilityFlags = [...(/^compatibility_flags\s*=\s*\[([^\]]*)\]/m.exec(toml)?.[1] ?? '').matchAll(/"([^"]+)"/g)].map((m) => m[1]);
  let logs = '';
  const mf = new Miniflare({
    modules: [{ type: 'ESModule', path: 'index.js', contents: readFileSync(script, 'utf8') }],
    compatibilityDate,
    compatibilityFlags,
    d1Databases: { DB: 'jixiao-ci' },
    unsafeTriggerHandlers: true,
    bindings: { LARK_APP_ID: 'cli_ci', LARK_APP_SECRET: 'ci', LARK_VERIFICATION_TOKEN: 'ci', LARK_ENCRYPT_KEY: 'ci', LARK_BASE_URL: 'http://127.0.0.1:9' },
    handleRuntimeStdio: (stdout, stderr) => {
      stdout.on('data', (d) => (logs += d));
      stderr.on('data', (d) => (logs += d));
    },
  });
  try {
    const url = (await mf.ready).toString().replace(/\/$/, '');
    const db = await mf.getD1Database('DB');
    for (const file of readdirSync('migrations').filter((f) => /^\d{4}_.+\.sql$/.test(f)).sort()) {
      // The same splitting as src/storage/migrate.ts: comment lines dropped, statements end with `;`.
      const text = readFileSync(join('migrations', file), 'utf8').split('\n').filter((l) => !l.trim().startsWith('--')).join('\n');
      for (const statement of text.split(/;\s*(?:\n|$)/).map((t) => t.trim()).filter(Boolean)) await db.prepare(statement).run();
    }
    const health = await fetch(`${url}/healthz`);
    const body = await health.text();
    if (health.status !== 200 || !body.includes('"status":"ok"')) throw new Error(`/healthz answered ${health.status} ${body}`);
    const cron = await fetch(`${url}/cdn-cgi/handler/scheduled?cron=*+*+*+*+*`);
    await cron.text();
    if (cron.status !== 200) throw new Error(`the scheduled handler failed (${cron.status}): ${logs.slice(-500)}`);
    if (!logs.includes('"msg":"cron: scheduler run"')) throw new Error(`no scheduler run logged: ${logs.slice(-500)}`);
  } finally {
    await mf.dispose();
  }
}
