import { applyD1Migrations, createExecutionContext, createScheduledController, reset, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../../src/platform/clock';
import { createWebCrypto } from '../../../src/platform/crypto-web';
import { inboundEventsRepository } from '../../../src/storage/repositories/transport/inbound-events';
import { parseEnvelope } from '../../../src/transport/inbound/envelope';
import { memoryLogger } from '../../../src/platform/log';
import { openD1 } from '../../../src/worker/d1-database';
import { createWorker } from '../../../src/worker/create-worker';
import type { WorkerEnv } from '../../../src/worker/env';
import { getEvaluation, importEvaluation, setDeadline, startCollection } from '../../../src/features/collection/service';
import { blankT1, fakeLarkForWorker, IMPORTER, MEMBERS, seedT1, sh, startT1, TENANT } from '../../helpers/worker';

// The Cron Trigger path: Cloudflare calls `scheduled` with the cron's time; the Worker runs the same
// runDueJobs(now) as the Node server, against D1, sending through the fetch client to the fake Lark.
const workerEnv = env as unknown as WorkerEnv;

async function cron(worker: ReturnType<typeof createWorker>, at: Date) {
  const ctx = createExecutionContext();
  await worker.scheduled!(createScheduledController({ scheduledTime: at.getTime(), cron: '* * * * *' }), workerEnv, ctx);
  await waitOnExecutionContext(ctx);
}

let chatId: string;
beforeEach(async () => {
  chatId = `oc_wd_${crypto.randomUUID().slice(0, 8)}`;
  // Each test sets its own clock, some earlier than the last; a real cron never goes back in time, so
  // every test starts from an empty database (a lease released "later" would otherwise still be held).
  await reset();
  await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
});

describe('Worker entry: scheduled', () => {
  it('sends the reminders that are due to the fake Lark — T-3 DMs once, the T-1 group message — and nothing on a holiday', async () => {
    const clock = manualClock(sh('2026-09-24', '10:00'));
    const evaluation = await startT1({ db: openD1(env.DB), clock }, chatId);
    const fake = fakeLarkForWorker(clock, chatId);
    const log = memoryLogger();
    const worker = createWorker({ clock, larkFetch: fake.fetch, log });
    const dms = () => MEMBERS.flatMap((m) => fake.messagesTo(m.openId).map(() => m.openId));

    // 国庆 holiday (1 Oct): the ladder waits.
    clock.set(sh('2026-10-01', '09:30'));
    await cron(worker, clock.now());
    expect(dms()).toEqual([]);

    // Tuesday 29 Sep 09:30 is three working days before Friday 9 Oct across the break: every owner
    // with pending rows gets one DM.
    clock.set(sh('2026-09-29', '09:30'));
    await cron(worker, clock.now());
    const owners = new Set(evaluation.items.map((i) => i.owner.openId));
    expect(new Set(dms())).toEqual(owners);
    expect(dms()).toHaveLength(owners.size);
    expect(owners).toContain(IMPORTER);
    for (const openId of owners) {
      const [dm] = fake.messagesTo(openId!);
      expect(dm!.content).toContain('金融监管专项经费');
      expect(dm!.uuid).toBeTruthy(); // every send carries its outbox key as Lark's dedupe uuid
    }

    // The next minute's cron (and a retried one) sends nothing new.
    clock.set(sh('2026-09-29', '09:31'));
    await cron(worker, clock.now());
    await cron(worker, clock.now());
    expect(dms()).toHaveLength(owners.size);

    // Thursday 8 Oct 09:30, T-1: one group message, from a later invocation of the same isolate.
    clock.set(sh('2026-10-08', '09:30'));
    await cron(worker, clock.now());
    expect(fake.messagesTo(chatId)).toHaveLength(1);
    // Nine days on, the 2-hour tenant token had expired: the client fetched a fresh one.
    expect(fake.state.tenantTokens.size).toBe(2);

    const runs = log.lines.filter((l) => l.msg === 'cron: scheduler run');
    expect(runs).toHaveLength(5);
    expect(runs.every((r) => r.fields?.ran === true)).toBe(true);
    const rows = await env.DB.prepare('SELECT COUNT(*) AS n FROM outbox WHERE evaluation_id = ? AND sent_at IS NOT NULL').bind(evaluation.id).first<{ n: number }>();
    expect(rows?.n).toBe(owners.size + 1);
  });

  it('reminds 150 owners in one cron run within D1 limits (100 bound parameters per statement)', async () => {
    const clock = manualClock(sh('2026-09-24', '10:00'));
    const db = openD1(env.DB);
    const staff = Array.from({ length: 150 }, (_, i) => ({ openId: `ou_wd_staff${String(i).padStart(3, '0')}`, name: `同事${i + 1}` }));
    const table = blankT1();
    const rows = staff.map((p, i) => ({ ...table.indicators[i % table.indicators.length]!, name: `指标${i + 1}`, weight: 0.6, owner: p.name }));
    const { evaluation } = await importEvaluation({ db, clock }, {
      tenantKey: TENANT,
      chatId,
      importerOpenId: IMPORTER,
      input: { ...table, indicators: rows },
      directory: { members: [...MEMBERS, ...staff] },
    });
    expect(await setDeadline({ db, clock }, { evaluationId: evaluation.id, actor: IMPORTER, deadline: '2026-10-09' })).toMatchObject({ ok: true });
    expect(await startCollection({ db, clock }, { evaluationId: evaluation.id, actor: IMPORTER })).toMatchObject({ ok: true });
    const fake = fakeLarkForWorker(clock, chatId);
    for (const p of staff) fake.addUser(p);
    const worker = createWorker({ clock, larkFetch: fake.fetch, log: memoryLogger() });

    clock.set(sh('2026-09-29', '09:30'));
    await cron(worker, clock.now());
    const reached = staff.filter((p) => fake.messagesTo(p.openId).length === 1);
    expect(reached).toHaveLength(staff.length);
    expect(fake.messagesTo(IMPORTER)).toHaveLength(1);
  });

  it("an owner answers straight from the cron's reminder: 开始填写 → entry card → submit, committed to D1", async () => {
    const clock = manualClock(sh('2026-09-24', '10:00'));
    const db = openD1(env.DB);
    const evaluation = await startT1({ db, clock }, chatId);
    const fake = fakeLarkForWorker(clock, chatId);
    const worker = createWorker({ clock, larkFetch: fake.fetch, log: memoryLogger() });
    fake.connect({
      fetch: async (request) => {
        const ctx = createExecutionContext();
        const response = await worker.fetch!(request as never, workerEnv, ctx);
        await waitOnExecutionContext(ctx);
        return response as unknown as Response;
      },
    });
    const wang = MEMBERS[3]!.openId;

    clock.set(sh('2026-09-29', '09:30'));
    await cron(worker, clock.now());
    const reminder = fake.lastCard(wang)!;
    const opened = await fake.pressButton(reminder, { operator: wang, action: 'collect.entry.open' });
    expect(opened.clientError).toBeUndefined();
    const row = evaluation.items.find((i) => i.owner.openId === wang && i.kind !== 'budget')!;
    expect(JSON.stringify(opened.message.card)).toContain(`填报：${row.name}`);

    const seed = seedT1.indicators[row.position - 1]!;
    const submitted = await fake.pressButton(opened.message, { operator: wang, action: 'collect.entry.submit', formValue: { actual: String(seed.actual) } });
    expect(submitted.clientError).toBeUndefined();
    const stored = (await getEvaluation(db, evaluation.id))!.items.find((i) => i.id === row.id)!;
    expect(stored.value).toMatchObject({ status: 'submitted', actual: String(seed.actual), submittedBy: wang });
  });

  it("keeps quiet on a day the operator declared a holiday (JIXIAO_HOLIDAYS)", async () => {
    const clock = manualClock(sh('2026-09-24', '10:00'));
    const evaluation = await startT1({ db: openD1(env.DB), clock }, chatId);
    const fake = fakeLarkForWorker(clock, chatId);
    const worker = createWorker({ clock, larkFetch: fake.fetch, log: memoryLogger() });
    const owners = [...new Set(evaluation.items.map((i) => i.owner.openId!))];
    const holidayEnv = { ...workerEnv, JIXIAO_HOLIDAYS: '2026-09-29' };

    clock.set(sh('2026-09-29', '09:30'));
    const ctx = createExecutionContext();
    await worker.scheduled!(createScheduledController({ scheduledTime: clock.now().getTime(), cron: '* * * * *' }), holidayEnv, ctx);
    expect(owners.flatMap((o) => fake.messagesTo(o))).toEqual([]);

    // The next minute without the override is an ordinary working day: the T-3 reminders go out.
    clock.set(sh('2026-09-29', '09:31'));
    await cron(worker, clock.now());
    expect(owners.map((o) => fake.messagesTo(o).length)).toEqual(owners.map(() => 1));
  });

  it('runs an event the request recorded but never got to handle (the isolate went away)', async () => {
    const clock = manualClock(sh('2026-09-24', '10:00'));
    const db = openD1(env.DB);
    await startT1({ db, clock }, chatId);
    const fake = fakeLarkForWorker(clock, chatId);
    const log = memoryLogger();
    const worker = createWorker({ clock, larkFetch: fake.fetch, log });
    const zhang = MEMBERS[1]!.openId;

    // 张伟's DM reaches the Worker, which records it in D1 and answers 200; then the isolate is evicted
    // before its waitUntil work runs. Recorded here exactly as the webhook does, minus the background run.
    let delivered: Request | undefined;
    fake.connect({
      fetch: async (request) => {
        delivered = request;
        return Response.json({});
      },
    });
    await fake.sendMessageEvent({ sender: zhang, text: '我的' });
    const body = (await delivered!.json()) as { encrypt: string };
    const envelope = parseEnvelope(JSON.parse(await createWebCrypto().decrypt(env.LARK_ENCRYPT_KEY, body.encrypt)))!;
    await inboundEventsRepository(db).record(
      { eventId: envelope.eventId, eventType: envelope.eventType, tenantKey: envelope.tenantKey, payload: JSON.stringify(envelope) },
      clock.now(),
    );
    expect(fake.messagesTo(zhang)).toEqual([]);

    // The next cron's inbox sweep runs it, and the reply goes out.
    clock.advance(60_000);
    await cron(worker, clock.now());
    const row = await env.DB.prepare('SELECT status, attempts FROM lark_inbound_events WHERE event_id = ?').bind(envelope.eventId).first();
    expect(row).toEqual({ status: 'done', attempts: 1 });
    expect(fake.lastCard(zhang)).toBeDefined();
    expect(log.lines.find((l) => l.msg === 'cron: inbox sweep')?.fields).toMatchObject({ retried: 1 });
  });

  it('fails the cron invocation, logged, when the Worker is misconfigured', async () => {
    const log = memoryLogger();
    const worker = createWorker({ log });
    const { LARK_APP_SECRET: _dropped, ...partial } = workerEnv;
    const ctx = createExecutionContext();
    await expect(
      worker.scheduled!(createScheduledController({ scheduledTime: Date.now(), cron: '* * * * *' }), partial as WorkerEnv, ctx),
    ).rejects.toThrow(/LARK_APP_SECRET/);
  });
});
