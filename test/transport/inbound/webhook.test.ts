import { afterEach, describe, expect, it } from 'vitest';
import { openSqlite } from '../../../src/node/sqlite';
import { createTestBot, type TestBot } from '../../helpers/app';
import { tempDbPath } from '../../helpers/db';

describe('event idempotency and durability', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function bot(db?: Awaited<ReturnType<typeof openSqlite>>['db']): Promise<TestBot<string>> {
    const b = await createTestBot({ db });
    cleanups.push(() => b.close());
    return b;
  }

  it('handles a duplicate delivery once', async () => {
    const b = await bot();
    const u = b.fake.addUser({ name: '张伟' });
    const seen: string[] = [];
    b.dispatcher.onEvent('im.message.receive_v1', async (m) => void seen.push(m.messageId));
    const first = await b.fake.sendMessageEvent({ sender: u.openId, text: '进度' });
    await b.idle();
    const again = await b.fake.redeliver(first.delivery!);
    await b.idle();
    expect(again.status).toBe(200);
    expect(seen).toEqual([first.message.messageId]);
    expect(b.log.lines.some((l) => l.msg === 'duplicate event absorbed')).toBe(true);
  });

  it('remembers event ids across a restart (same SQLite file)', async () => {
    const tmp = tempDbPath();
    cleanups.push(tmp.cleanup);
    const db1 = await openSqlite(tmp.path);
    const b1 = await createTestBot({ db: db1.db });
    const u = b1.fake.addUser({ name: '李娜' });
    const seen: string[] = [];
    b1.dispatcher.onEvent('im.message.receive_v1', async (m) => void seen.push(m.messageId));
    const first = await b1.fake.sendMessageEvent({ sender: u.openId, text: '我的' });
    await b1.idle();
    await b1.close();
    await db1.close();

    // A new process: new DB handle, new app, same file. Lark retries the event hours later.
    const db2 = await openSqlite(tmp.path);
    cleanups.push(() => db2.close());
    const b2 = await bot(db2.db);
    b2.dispatcher.onEvent('im.message.receive_v1', async (m) => void seen.push(`after-restart:${m.messageId}`));
    b2.fake.connect({ fetch: (req) => b2.app.fetch(req) });
    const res = await b2.app.request('http://app.local/webhook/event', { method: 'POST', headers: first.delivery!.request.headers, body: first.delivery!.request.body });
    await b2.idle();
    expect(res.status).toBe(200);
    expect(seen).toEqual([first.message.messageId]);
  });

  it('records the event before answering, so work survives a crash before the handler ran', async () => {
    const tmp = tempDbPath();
    cleanups.push(tmp.cleanup);
    const db1 = await openSqlite(tmp.path);
    const b1 = await createTestBot({ db: db1.db });
    const u = b1.fake.addUser({ name: '王芳' });
    // The handler never finishes in this process (simulated crash right after the 200).
    b1.dispatcher.onEvent('im.message.receive_v1', () => new Promise<void>(() => {}));
    const sent = await b1.fake.sendMessageEvent({ sender: u.openId, text: '帮助' });
    expect(sent.delivery!.status).toBe(200);
    await db1.close();

    const db2 = await openSqlite(tmp.path);
    cleanups.push(() => db2.close());
    const b2 = await bot(db2.db);
    const seen: string[] = [];
    b2.dispatcher.onEvent('im.message.receive_v1', async (m) => void seen.push(m.messageId));
    // Start-up recovery: rows left running by the dead process are due again.
    expect(await b2.processor.runDue()).toBe(0); // still marked running by the dead process
    expect(await b2.processor.recover()).toBe(1);
    expect(seen).toEqual([sent.message.messageId]);
    const row = await db2.db.selectFrom('lark_inbound_events').selectAll().executeTakeFirstOrThrow();
    expect(row.status).toBe('done');
  });

  it('retries a failing handler later with backoff and keeps the error', async () => {
    const { manualClock } = await import('../../../src/platform/clock');
    const clock = manualClock('2026-09-01T02:00:00Z');
    const b = await createTestBot({ clock });
    cleanups.push(() => b.close());
    const u = b.fake.addUser({ name: '赵磊' });
    let calls = 0;
    b.dispatcher.onEvent('im.message.receive_v1', async () => {
      calls++;
      if (calls === 1) throw new Error('database is locked');
    });
    await b.fake.sendMessageEvent({ sender: u.openId, text: '进度' });
    await b.idle();
    const failed = await b.db.selectFrom('lark_inbound_events').selectAll().executeTakeFirstOrThrow();
    expect(failed.status).toBe('failed');
    expect(failed.last_error).toBe('database is locked');
    expect(await b.processor.runDue()).toBe(0); // not yet due
    clock.advance(31_000);
    expect(await b.processor.runDue()).toBe(1);
    expect(calls).toBe(2);
    const done = await b.db.selectFrom('lark_inbound_events').selectAll().executeTakeFirstOrThrow();
    expect(done.status).toBe('done');
    expect(done.attempts).toBe(2);
  });

  it('keeps processed ids for at least 8 hours when pruning', async () => {
    const { inboundEventsRepository } = await import('../../../src/storage/repositories/transport/inbound-events');
    const b = await bot();
    const inbox = inboundEventsRepository(b.db);
    const t0 = new Date('2026-09-01T00:00:00Z');
    await inbox.record({ eventId: 'old', eventType: 'im.message.receive_v1', tenantKey: '', payload: '{}', status: 'ignored' }, t0);
    await inbox.record({ eventId: 'recent', eventType: 'im.message.receive_v1', tenantKey: '', payload: '{}', status: 'ignored' }, new Date(t0.getTime() + 40 * 3600_000));
    const { pruneBefore } = await import('../../../src/transport/inbound/retention');
    expect(await inbox.prune(pruneBefore(new Date(t0.getTime() + 49 * 3600_000)))).toBe(1);
    expect(await inbox.record({ eventId: 'recent', eventType: 'x', tenantKey: '', payload: '{}' }, new Date())).toBe(false);
    expect(pruneBefore(new Date(t0.getTime())).getTime()).toBeLessThanOrEqual(t0.getTime() - 8 * 3600_000);
  });
});
