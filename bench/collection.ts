/**
 * Collection services on a SQLite file (WAL, synchronous=NORMAL, as the server runs): importing a
 * 60-row table, an owner's submit (score + versioned write + history + status), and double submits.
 * Figures only; the card callback's 3 s answer window (2 s budget by default) is printed beside them.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEvaluation, resolveOwners, setDeadline, startCollection, submitValue } from '../src/features/collection';
import { evaluationInputSchema, type EvaluationInput } from '../src/domain/evaluation';
import { openSqlite } from '../src/node/sqlite';
import { systemClock } from '../src/platform/clock';

const SEED = fileURLToPath(new URL('../test/fixtures/seeds/003-t1.json', import.meta.url));
const OWNERS = Array.from({ length: 12 }, (_, i) => ({ openId: `ou_owner${String(i).padStart(4, '0')}`, name: `填报人${i}` }));

/** 003-T1's rows repeated to 60 (the largest realistic table), owners spread over 12 people. */
function sixtyRows(): EvaluationInput {
  const seed = evaluationInputSchema.parse(JSON.parse(readFileSync(SEED, 'utf8')));
  const indicators = Array.from({ length: 60 }, (_, i) => {
    const row = seed.indicators[i % seed.indicators.length]!;
    return { level1: row.level1, level2: row.level2, name: `${row.name}（${i + 1}）`, target: row.target, weight: row.weight, owner: OWNERS[i % OWNERS.length]!.name };
  });
  return { ...seed, indicators };
}

function quantiles(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { n: s.length, p50: at(0.5), p99: at(0.99), max: s[s.length - 1]! };
}

const ms = (n: number) => `${n.toFixed(2)} ms`;

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-bench-'));
  const { db, close } = await openSqlite(join(dir, 'bench.sqlite'));
  const deps = { db, clock: systemClock };
  try {
    const input = sixtyRows();
    const owners = await resolveOwners(input.indicators.map((r) => r.owner), { members: OWNERS });

    const importTimes: number[] = [];
    let evaluationId = '';
    for (let i = 0; i < 30; i += 1) {
      const t = performance.now();
      const created = await createEvaluation(deps, { tenantKey: 'bench', chatId: `oc_${i}`, importerOpenId: 'ou_admin', input, owners });
      importTimes.push(performance.now() - t);
      evaluationId = created.evaluation.id;
    }
    await setDeadline(deps, { evaluationId, actor: 'ou_admin', deadline: '2099-12-31' });
    const started = await startCollection(deps, { evaluationId, actor: 'ou_admin' });
    if (!started.ok) throw new Error(started.message);
    const items = started.evaluation.items.filter((i) => i.kind === 'indicator');

    // Each row answered and then revised again and again: 1,200 committed submits.
    const submitTimes: number[] = [];
    const versions = new Map(items.map((i) => [i.id, 0]));
    const t0 = performance.now();
    for (let round = 0; round < 20; round += 1) {
      for (const item of items) {
        const t = performance.now();
        const r = await submitValue(deps, {
          itemId: item.id, actor: item.owner.openId!, expectedVersion: versions.get(item.id)!,
          actual: item.targetKind === 'qualitative' ? '已完成' : String(round % 2 === 0 ? 30 : 25),
          band: item.targetKind === 'qualitative' ? '达成' : null,
          deviationReason: '说明',
        });
        submitTimes.push(performance.now() - t);
        if (!r.ok) throw new Error(r.message);
        versions.set(item.id, r.item.value.version);
      }
    }
    const submitWall = performance.now() - t0;

    // Double clicks: two submits of the same row with the same version, 300 times.
    const pairTimes: number[] = [];
    let winners = 0;
    let conflicts = 0;
    for (let k = 0; k < 300; k += 1) {
      const item = items[k % items.length]!;
      const v = versions.get(item.id)!;
      const answer = { actor: item.owner.openId!, expectedVersion: v, actual: item.targetKind === 'qualitative' ? '已完成' : '30', band: item.targetKind === 'qualitative' ? ('达成' as const) : null, deviationReason: '说明' };
      const t = performance.now();
      const rs = await Promise.all([submitValue(deps, { itemId: item.id, ...answer }), submitValue(deps, { itemId: item.id, ...answer })]);
      pairTimes.push(performance.now() - t);
      winners += rs.filter((r) => r.ok).length;
      conflicts += rs.filter((r) => !r.ok && r.code === 'conflict').length;
      versions.set(item.id, v + 1);
    }
    const history = await db.selectFrom('history').select((eb) => eb.fn.countAll<number>().as('n')).where('evaluation_id', '=', evaluationId).executeTakeFirstOrThrow();

    const imp = quantiles(importTimes);
    const sub = quantiles(submitTimes);
    const pair = quantiles(pairTimes);
    console.log('\ncollection services (SQLite file, WAL)');
    console.log('  operation                          n      p50        p99        max        budget');
    console.log(`  import 60-row table             ${String(imp.n).padStart(5)}  ${ms(imp.p50).padEnd(10)} ${ms(imp.p99).padEnd(10)} ${ms(imp.max).padEnd(10)} 2000 ms card budget`);
    console.log(`  submit (score+write+history)    ${String(sub.n).padStart(5)}  ${ms(sub.p50).padEnd(10)} ${ms(sub.p99).padEnd(10)} ${ms(sub.max).padEnd(10)} 2000 ms card budget`);
    console.log(`  double submit (same version)    ${String(pair.n).padStart(5)}  ${ms(pair.p50).padEnd(10)} ${ms(pair.p99).padEnd(10)} ${ms(pair.max).padEnd(10)} 2000 ms card budget`);
    console.log(`  sequential submits/s: ${(submitTimes.length / (submitWall / 1000)).toFixed(0)}; double submits: ${winners} won, ${conflicts} refused as conflict (expected 300 / 300)`);
    const expected = 3 + submitTimes.length + winners; // import, deadline, start, then one per committed submit
    console.log(`  history rows for the evaluation: ${history.n} (expected ${expected}: one per committed change, none for refused ones)`);
  } finally {
    await close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
