/**
 * `npm run bench`: every benchmark in one run, each printing its figures and ratios side by side.
 * Targets are reported, never asserted in tests (timings on a shared 2-core machine are noisy).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const suites = ['./transport.ts', './reminders.ts', './collection.ts', './collection-flow.ts', './scoring.ts', './reports.ts', './worker.ts', './reliability-files.ts'];
const only = process.argv[2];
for (const suite of suites) {
  if (only && !suite.includes(only)) continue;
  if (!existsSync(fileURLToPath(new URL(suite, import.meta.url)))) continue;
  const mod = (await import(suite)) as { run: () => Promise<void> };
  await mod.run();
}
