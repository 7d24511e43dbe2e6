/**
 * `npm run bench`: every benchmark in one run, each printing its figures and ratios side by side.
 * Targets are reported, never asserted in tests (timings on a shared 2-core machine are noisy).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `npm run bench [name…]`: every suite, or only those named exactly (`collection` is not `collection-flow`). */
const suites = ['transport', 'reminders', 'collection', 'collection-flow', 'scoring', 'reports', 'worker', 'reliability-files'].map((name) => ({ name, path: `./${name}.ts` }));
const only = process.argv.slice(2);
const unknown = only.filter((name) => !suites.some((s) => s.name === name));
if (unknown.length > 0) {
  console.error(`unknown suite ${unknown.join(', ')}; suites: ${suites.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
for (const { name, path: suite } of suites) {
  if (only.length > 0 && !only.includes(name)) continue;
  if (!existsSync(fileURLToPath(new URL(suite, import.meta.url)))) continue;
  const mod = (await import(suite)) as { run: () => Promise<void> };
  await mod.run();
}
