import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getEvaluation, submitValue, type CollectionDeps, type EvaluationView } from '../../src/features/collection/service';
import type { EvaluationInput } from '../../src/domain/evaluation';
import { createFakeLark } from '../../src/fake-lark';
import { createWorkCalendar } from '../../src/features/reminders/scheduler/calendar/work-calendar';
import { runDueJobs, type SchedulerDeps } from '../../src/features/reminders/scheduler/run-due-jobs';
import { openSqlite } from '../../src/node/sqlite';
import { manualClock } from '../../src/platform/clock';
import { createLarkClient } from '../../src/transport/client';
import type { LarkClient } from '../../src/transport/contract';
import { CHAT, IMPORTER, MEMBERS, startedT1 } from './collection';

export { CHAT, IMPORTER, MEMBERS, openIdOf } from './collection';

/** Shanghai wall time as an instant. */
export const sh = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);

/**
 * A file-backed SQLite database (so a second connection can race the first), the fake Lark with the
 * group and its members, the real fetch-based LarkClient pointed at it, and one clock for all of them.
 */
export async function openTimeline(start: Date, opts: { enforceLimits?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-jobs-'));
  const file = join(dir, 'jixiao.sqlite');
  const { db, close } = await openSqlite(file);
  const clock = manualClock(start);
  const fake = createFakeLark({ clock, tenantKey: 'tenant_test', limits: { enforce: opts.enforceLimits ?? false } });
  for (const m of MEMBERS) fake.addUser({ openId: m.openId, name: m.name });
  fake.addChat({ chatId: CHAT, name: '绩效自评群', members: MEMBERS.map((m) => m.openId) });
  const lark = createLarkClient({ baseUrl: 'http://fake.lark', appId: fake.appId, appSecret: fake.appSecret, fetch: fake.fetch, clock });
  const calendar = createWorkCalendar();
  const collection: CollectionDeps = { db, clock };
  const scheduler = (over: Partial<SchedulerDeps> = {}): SchedulerDeps => ({
    db,
    lark,
    calendar,
    holder: 'test-a',
    clock: () => clock.now(),
    ...over,
  });
  return {
    db,
    file,
    clock,
    fake,
    lark,
    calendar,
    collection,
    scheduler,
    tick: (over: Partial<SchedulerDeps> = {}) => runDueJobs(clock.now(), scheduler(over)),
    /** A second, independent connection to the same file: another instance of the app. */
    async secondInstance(client: LarkClient = lark) {
      const other = await openSqlite(file);
      return { deps: scheduler({ db: other.db, lark: client, holder: 'test-b' }), close: other.close };
    },
    async close() {
      await close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type Timeline = Awaited<ReturnType<typeof openTimeline>>;

/** 003-T1 imported in the group and started at the clock's time, deadline 2026-10-09. */
export async function startEvaluation(t: Timeline) {
  return startedT1(t.collection);
}

/** Submits every open row of `openId` with the seed's answers (and a reason wherever one is asked). */
export async function finishOwner(t: Timeline, evaluationId: string, openId: string, answers: EvaluationInput): Promise<void> {
  const evaluation = (await getEvaluation(t.db, evaluationId)) as EvaluationView;
  for (const item of evaluation.items) {
    if (item.owner.openId !== openId || (item.value.status !== 'pending' && item.value.status !== 'returned')) continue;
    const seed = item.kind === 'budget' ? null : answers.indicators.find((i) => i.name === item.name);
    const actual = item.kind === 'budget' ? String(answers.budget.executed) : String(seed?.actual ?? '');
    const result = await submitValue(t.collection, {
      itemId: item.id,
      actor: openId,
      expectedVersion: item.value.version,
      actual,
      band: seed?.band ?? null,
      deviationReason: '部分工作受客观因素影响未完成，已制定改进措施',
    });
    if (!result.ok) throw new Error(`${item.name}: ${result.message}`);
  }
}

export const IMPORTER_ID = IMPORTER;
