// Checks the Worker bundle written by `wrangler deploy --dry-run --outdir <dir>`: prints its size raw and
// gzipped (the figure issue 7 asks CI to report) and fails when the Lark SDK slipped in (it needs
// `__dirname`, crashes the workerd test pool and triples the bundle — the Worker uses the fetch client).
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
