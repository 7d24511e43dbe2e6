/**
 * Reminder benchmark: one scheduler run that owes a T-3 reminder to N owners (default
 * 2,000), through the real LarkClient, against the fake Lark enforcing Lark's limits — 50 sends/s per
 * app and 5/s per receiver — with 429s and 5xx injected throughout the run. Prints the time next to the
 * floor those limits set (N / 50 s), the duplicates (a person with more than one message) and the
 * losses (a person with none).
 *
 *   npm run bench reminders                         # the real 2,000
 *   JIXIAO_BENCH_REMINDERS=200 npm run bench reminders   # quicker, same shape
 *
 * Lark also documents 1,000 sends/min per app; that quota alone sets a floor of 60 s + (N − 1000)/50 s
 * for N > 1,000. The target is set against the per-second limit, so the fake and the client
 * are given a per-minute quota that does not bind here; the production client keeps 1,000/min.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFakeLark } from '../src/fake-lark';
import { createWorkCalendar } from '../src/features/reminders';
import { REMINDER_KEY_PREFIX } from '../src/storage/repositories/reminders/outbox';
import { runDueJobs } from '../src/features/reminders';
import { openSqlite } from '../src/node/sqlite';
import { systemClock, type Clock } from '../src/platform/clock';
import type { Database } from '../src/storage/database';
import { createLarkClient, DEFAULT_LIMITS } from '../src/transport/client';
import type { Kysely } from 'kysely';

const N = Number(process.env.JIXIAO_BENCH_REMINDERS ?? 2000);
const APP_PER_SECOND = 50;
const PER_RECEIVER = 5;
/** Wall time at the Shanghai moment the T-3 reminders are due (Tue 29 Sep 2026 09:30), moving in real time. */
const T3 = new Date('2026-09-29T09:30:00+08:00').getTime();

export async function run(): Promise<void> {
  const offset = T3 - Date.now();
  const clock: Clock = { now: () => new Date(Date.now() + offset) };
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-bench-reminders-'));
  const { db, close } = await openSqlite(join(dir, 'bench.sqlite'));
  try {
    const fake = createFakeLark({
      clock,
      limits: { enforce: true, appPerSecond: APP_PER_SECOND, appPerMinute: 1_000_000, perReceiverPerSecond: PER_RECEIVER },
    });
    const owners = Array.from({ length: N }, (_, i) => fake.addUser({ openId: `ou_bench${String(i).padStart(5, '0')}`, name: `员工${i}` }));
    const admin = fake.addUser({ openId: 'ou_benchadmin', name: '管理员' });
    fake.addChat({ chatId: 'oc_bench', name: '基准测试群', members: [admin.openId, ...owners.map((o) => o.openId)] });
    await seedEvaluation(db, owners.map((o) => o.openId), admin.openId);

    const lark = createLarkClient({
      baseUrl: 'http://fake.lark',
      appId: fake.appId,
      appSecret: fake.appSecret,
      fetch: fake.fetch,
      clock: systemClock,
      // Production limits and margins, except the per-minute quota (see the note at the top).
      limits: { appPerSecond: APP_PER_SECOND, appPerMinute: 1_000_000, perReceiverPerSecond: PER_RECEIVER },
    });

    // 429s and 5xx spread over the run: N/50 of each (2 % of sends), evenly over 80 % of the floor, so
    // the failures land on the bulk of the traffic rather than piling onto the last few sends.
    const toInject = Math.max(2, Math.round((2 * N) / 50));
    let injected429 = 0;
    let injected5xx = 0;
    const injector = setInterval(() => {
      if (injected429 + injected5xx >= toInject) return;
      if ((injected429 + injected5xx) % 2 === 0) {
        fake.failNext({ op: 'im.message.create', status: 429, code: 99991400, msg: 'request trigger frequency limit', resetSeconds: 1 });
        injected429++;
      } else {
        fake.failNext({ op: 'im.message.create', status: 503, code: 503, msg: 'service unavailable' });
        injected5xx++;
      }
    }, Math.max(10, (0.8 * 1000 * N) / APP_PER_SECOND / toInject));

    const startedAt = clock.now().getTime();
    const started = performance.now();
    const report = await runDueJobs(clock.now(), {
      db,
      lark,
      calendar: createWorkCalendar(),
      holder: 'bench',
      concurrency: 100,
      leaseMs: 10 * 60_000,
    });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(injector);

    const perOwner = new Map<string, number>();
    for (const id of fake.state.order) {
      const m = fake.state.messages.get(id)!;
      if (m.sender !== 'bot') continue;
      const to = fake.state.chats.get(m.chatId)!.members[0]!;
      perOwner.set(to, (perOwner.get(to) ?? 0) + 1);
    }
    const duplicates = [...perOwner.values()].reduce((s, c) => s + Math.max(0, c - 1), 0);
    const lost = owners.filter((o) => !perOwner.has(o.openId)).length;
    const unsent = await db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('dedupe_key', 'like', `${REMINDER_KEY_PREFIX}%`)
      .where('status', '!=', 'sent')
      .executeTakeFirstOrThrow();
    const sentTimes = fake.state.order.map((id) => fake.state.messages.get(id)!.createTime);
    const firstSend = (Math.min(...sentTimes) - startedAt) / 1000;
    const lastSend = (Math.max(...sentTimes) - startedAt) / 1000;
    const floor = N / APP_PER_SECOND;
    const ratio = seconds / floor;

    const rows: Array<[string, string]> = [
      ['owners reminded (T-3 DM)', `${perOwner.size} / ${N}`],
      ['time', `${seconds.toFixed(1)} s`],
      ['  planning until the first send', `${firstSend.toFixed(1)} s`],
      ['  last message accepted at', `${lastSend.toFixed(1)} s`],
      ['floor (N / 50 per s)', `${floor.toFixed(1)} s`],
      ['time / floor', `${ratio.toFixed(3)}  (target ≤ 1.100: ${ratio <= 1.1 ? 'met' : 'NOT met'})`],
      ['duplicates', `${duplicates}  (target 0)`],
      ['lost', `${lost}  (outbox rows not sent: ${unsent.n}; target 0)`],
      ['injected 429 / 5xx', `${injected429} / ${injected5xx}`],
      ['fake Lark: send requests / rate-limited', `${fake.stats.byOp['im.message.create'] ?? 0} / ${fake.stats.rateLimited}`],
      ['scheduler report', JSON.stringify(report)],
      ['client window margin / scheduler pacing', `${DEFAULT_LIMITS.windowMarginMs} ms / 48 sends per s`],
    ];
    console.log(`\nreminders: ${N} owners, one runDueJobs against the fake Lark (50/s per app, 5/s per user)`);
    for (const [k, v] of rows) console.log(`  ${k.padEnd(40)} ${v}`);
  } finally {
    await close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One collecting evaluation, deadline Fri 9 Oct 2026, one open row per owner. */
async function seedEvaluation(db: Kysely<Database>, ownerIds: string[], adminId: string): Promise<void> {
  const at = '2026-09-24T02:00:00.000Z';
  await db.insertInto('tenants').values({ tenant_key: 'tenant_fake', created_at: at }).execute();
  await db
    .insertInto('evaluations')
    .values({
      id: 'ev_bench',
      tenant_key: 'tenant_fake',
      chat_id: 'oc_bench',
      status: 'collecting',
      project_name: '基准测试项目',
      department: null,
      implementing_unit: null,
      year: '2026',
      budget_initial: null,
      budget_full_year: '100',
      budget_sources_json: null,
      goals_expected: null,
      goals_actual: null,
      printed_total: null,
      rule_profile: 'mof-2020',
      deadline: '2026-10-09',
      importer_open_id: adminId,
      source_file_name: null,
      progress_message_id: null,
      summary_posted_at: null,
      locked_at: null,
      locked_by: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await db.insertInto('evaluation_admins').values({ evaluation_id: 'ev_bench', open_id: adminId, role: 'importer', added_by: adminId, added_at: at }).execute();
  await db.insertInto('history').values({ evaluation_id: 'ev_bench', indicator_id: null, version: null, action: 'start', actor_open_id: adminId, at, before_json: '{"status":"draft"}', after_json: '{"status":"collecting"}', comment: null }).execute();
  for (let i = 0; i < ownerIds.length; i += 200) {
    const chunk = ownerIds.slice(i, i + 200);
    await db
      .insertInto('indicators')
      .values(
        chunk.map((openId, j) => ({
          id: `it_bench${i + j}`,
          evaluation_id: 'ev_bench',
          position: i + j + 1,
          kind: 'indicator' as const,
          level1: '产出指标',
          level2: '数量指标',
          name: `指标 ${i + j + 1}`,
          target_raw: '≥10次',
          target_kind: 'positive',
          target_json: null,
          weight: '1',
          printed_score: null,
          owner_raw: openId,
          owner_open_id: openId,
          owner_name: `员工${i + j}`,
          owner_problem: null,
          owner_candidates_json: null,
          due_date: null,
        })),
      )
      .execute();
    await db
      .insertInto('indicator_values')
      .values(chunk.map((_, j) => ({ indicator_id: `it_bench${i + j}`, evaluation_id: 'ev_bench', status: 'pending' as const, applicable: 1, version: 0, updated_at: at })))
      .execute();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
