import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite } from '../../../../src/node/sqlite';
import type { Database } from '../../../../src/storage/database';
import { enqueueOutbox, type OutboxMessage } from '../../../../src/storage/repositories/reminders/outbox';
import { claimOutboxRows, listDueOutboxRows, markClaimedFailed, markClaimedSent } from '../../../../src/storage/repositories/reminders/outbox-drain';

let db: Kysely<Database>;
let close: () => Promise<void>;

beforeEach(async () => {
  ({ db, close } = await openSqlite(':memory:'));
});
afterEach(() => close());

const message = (key: string, notBefore: string, text = 'hi'): OutboxMessage => ({
  dedupeKey: key,
  tenantKey: 't1',
  receiveIdType: 'open_id',
  receiveId: 'ou_1',
  msgType: 'text',
  content: { text },
  notBefore,
});

describe('outbox', () => {
  it('plans a message once per dedupe key, whatever the second plan says', async () => {
    const first = await enqueueOutbox(db, message('ev1:ou_1:t-3', '2026-09-25T01:30:00Z'), '2026-09-24T00:00:00Z').executeTakeFirst();
    const again = await enqueueOutbox(db, message('ev1:ou_1:t-3', '2026-09-25T01:30:00Z', 'other'), '2026-09-24T00:01:00Z').executeTakeFirst();
    expect(Number(first.numInsertedOrUpdatedRows)).toBe(1);
    expect(Number(again.numInsertedOrUpdatedRows ?? 0)).toBe(0);
    const rows = await db.selectFrom('outbox').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.content_json)).toEqual({ text: 'hi' });
  });

  it('refuses keys Lark cannot take as a uuid', () => {
    expect(() => enqueueOutbox(db, message('x'.repeat(51), '2026-09-25T01:30:00Z'), '2026-09-24T00:00:00Z')).toThrow(RangeError);
  });

  it('hands out only due pending messages, retries failures later, and never re-sends a sent one', async () => {
    await enqueueOutbox(db, message('a', '2026-09-25T01:30:00Z'), 'x').execute();
    await enqueueOutbox(db, message('b', '2026-09-25T02:00:00Z'), 'x').execute();
    const due = (now: string) => listDueOutboxRows(db, now, 100);
    expect((await due('2026-09-25T01:45:00Z')).map((r) => r.dedupe_key)).toEqual(['a']);

    const [a] = await due('2026-09-25T01:45:00Z');
    expect(await claimOutboxRows(db, [a!.id], '2026-09-25T01:45:00Z', '2026-09-25T01:47:00Z', 'h1')).toEqual(new Set([a!.id]));
    // claimed: invisible to a second drainer, which cannot claim it either
    expect(await due('2026-09-25T01:45:10Z')).toEqual([]);
    expect(await claimOutboxRows(db, [a!.id], '2026-09-25T01:45:10Z', '2026-09-25T01:47:10Z', 'h2')).toEqual(new Set());
    await markClaimedFailed(db, a!.id, 'HTTP 429', '2026-09-25T01:46:00Z');
    expect(await due('2026-09-25T01:45:30Z')).toEqual([]);
    const retry = await due('2026-09-25T02:00:00Z');
    expect(retry.map((r) => [r.dedupe_key, r.attempts, r.last_error])).toEqual([
      ['a', 1, 'HTTP 429'],
      ['b', 0, null],
    ]);

    await markClaimedSent(db, a!.id, 'om_1', '2026-09-25T02:00:01Z');
    const [sentTwice] = await markClaimedSent(db, a!.id, 'om_2', '2026-09-25T02:00:02Z');
    expect(Number(sentTwice!.numUpdatedRows)).toBe(0);
    const b = retry[1]!;
    await markClaimedFailed(db, b.id, 'user resigned', null);
    expect(await due('2026-09-30T00:00:00Z')).toEqual([]);
    const all = await db.selectFrom('outbox').select(['dedupe_key', 'status', 'message_id']).orderBy('id').execute();
    expect(all).toEqual([
      { dedupe_key: 'a', status: 'sent', message_id: 'om_1' },
      { dedupe_key: 'b', status: 'failed', message_id: null },
    ]);
  });

});
