/**
 * Collection services on a SQLite file (WAL, synchronous=NORMAL, as the server runs): importing a
 * 60-row table, an owner's submit (score + versioned write + history + status), and double submits.
 * Figures only; the card callback's 3 s answer window (2 s budget by default) is printed beside them.
 * Then the SQL statements one 提交 click costs through the whole app, beside the figure before the
 * services returned the fresh evaluation (measured the same way on 868a7e0).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEvaluation, resolveOwners, setDeadline, startCollection, submitValue } from '../src/features/collection';
import { evaluationInputSchema, type EvaluationInput } from '../src/domain/evaluation';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { COLLECTION_ACTIONS as A } from '#cards/collection/actions';
import { loadMigrations } from '../src/node/load-migrations';
import { createLocalBot } from '../src/node/local-mode';
import { openSqlite } from '../src/node/sqlite';
import { silentLogger } from '../src/platform/log';
import type { Database } from '../src/storage/database';
import { migrate } from '../src/storage/migrate';
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
  await printStatements();
}

/** Statements one 提交 click issued on 868a7e0 (before submitValue returned the fresh evaluation). */
const BEFORE = { statements: 27, reads: 20, evaluationReads: 5 };

/**
 * One owner's 提交 clicks through the app (signed callback → dedupe → handler → commit → answer card →
 * follow-ups) against the embedded fake Lark, counting every statement on the Kysely connection.
 */
async function statementsPerClick(): Promise<{ statements: number; reads: number; evaluationReads: number }> {
  const seen: string[] = [];
  const raw = new BetterSqlite3(':memory:');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }), log: (e) => void (e.level === 'query' && seen.push(e.query.sql)) });
  await migrate(db, loadMigrations());
  const owner = { openId: 'ou_bench_owner', name: '张伟' };
  const clerk = { openId: 'ou_bench_clerk', name: '赵敏' };
  try {
    const bot = await createLocalBot({ db, log: silentLogger });
    bot.fake.addUser(owner);
    bot.fake.addUser(clerk);
    bot.fake.addChat({ chatId: 'oc_bench', name: '基准群', members: [owner.openId, clerk.openId] });
    const rows = Array.from({ length: 10 }, (_, i) => `产出指标\t数量指标\t检查（第${i + 1}批）\t≥25家\t1.5\t张伟`);
    const text = ['项目名称\t基准测试项目', '全年预算数\t600', '一级指标\t二级指标\t三级指标\t年度指标值\t分值\t责任人', ...rows].join('\n');
    await bot.fake.sendMessageEvent({ sender: clerk.openId, chatId: 'oc_bench', mentionBot: true, text });
    await bot.settle();
    await bot.fake.pressButton(bot.fake.lastCard('oc_bench')!, { operator: clerk.openId, action: A.previewStart, formValue: { deadline: '2099-12-31 +0800' } });
    await bot.settle();
    const counts: Array<{ statements: number; reads: number; evaluationReads: number }> = [];
    for (let i = 0; i < 3; i += 1) {
      seen.length = 0;
      const r = await bot.fake.pressButton(bot.fake.lastCard(owner.openId)!, { operator: owner.openId, action: A.entrySubmit, formValue: { actual: '30' } });
      await bot.settle();
      if (r.toast?.type !== 'success') throw new Error(`submit refused: ${r.toast?.content}`);
      const reads = seen.filter((q) => /^\s*select/i.test(q));
      counts.push({ statements: seen.length, reads: reads.length, evaluationReads: reads.filter((q) => /from "evaluations"/.test(q)).length });
    }
    return counts[counts.length - 1]!;
  } finally {
    await db.destroy();
  }
}

async function printStatements(): Promise<void> {
  const after = await statementsPerClick();
  console.log('\nSQL statements per 提交 click (owner submits a row, through the app, follow-ups included)');
  console.log('                        statements  reads  evaluations row read');
  console.log(`  before (868a7e0)      ${String(BEFORE.statements).padStart(10)}  ${String(BEFORE.reads).padStart(5)}  ${BEFORE.evaluationReads}×`);
  console.log(`  now                   ${String(after.statements).padStart(10)}  ${String(after.reads).padStart(5)}  ${after.evaluationReads}×`);
  console.log(`  ratio now / before    ${(after.statements / BEFORE.statements).toFixed(2).padStart(10)}  ${(after.reads / BEFORE.reads).toFixed(2).padStart(5)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
