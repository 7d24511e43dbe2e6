import type { Kysely } from 'kysely';
import type { Database } from '../../../storage/database';
import {
  SENDING_TAG,
  claimOutboxRows,
  listDueOutboxRows,
  markClaimedFailed,
  markClaimedSent,
} from '../../../storage/repositories/reminders/outbox-drain';
import type { OutboxRow } from '../../../storage/tables/core';
import type { LarkClient, OutgoingMessage, ReceiveIdType } from '../../../transport/contract';
import type { Logger } from '../../../platform/log';
import { URGENT_MSG_TYPE, type UrgentContent } from './render-step';

export interface DrainOptions {
  holder: string;
  /** How long a claimed row stays invisible to other drainers (must stay well under Lark's 1 h uuid window). */
  claimMs: number;
  /** Sends in flight at once; the LarkClient paces them to Lark's limits. */
  concurrency: number;
  /** Rows claimed per round; the lease is renewed between rounds. */
  batchSize: number;
  maxAttempts: number;
  /**
   * Transient failures (after the client's own retries) are tried again this many times within the run,
   * `retryDelayMs` apart, before the row waits for a later tick — so a burst of 5xx or 429s costs seconds,
   * not the next minute.
   */
  inRunRetries: number;
  retryDelayMs: number;
  sleep?: (ms: number) => Promise<void>;
  /**
   * Sends started per second, evenly spaced. The client's sliding-window limiter admits a burst of 50 at
   * once; in-process, such a burst reaches Lark spread over tens of milliseconds and its tail overlaps the
   * next burst's window, which Lark answers with 429 (a wasted slot and a 1 s wait). Spacing the starts
   * just under the app limit keeps every window under it. 0 turns pacing off.
   */
  sendsPerSecond: number;
  /**
   * At most this many rows claimed in one run (default: no cap). The rest stay due for the next tick — on
   * Workers one invocation has a budget of subrequests and D1 queries, and a cron run comes every minute.
   */
  maxSends?: number;
  /** Called between rounds; returning false stops the drain (the lease was lost). */
  keepGoing: () => Promise<boolean>;
}

export interface DrainReport {
  sent: number;
  retried: number;
  failed: number;
}

/**
 * Sends every due outbox row through the one LarkClient, the row's dedupe key as the Lark `uuid`.
 * A crash after Lark accepted a message but before we marked it leaves the row claimed; when it comes
 * due again it is re-sent with the same uuid and Lark drops the duplicate. A buzz (urgent_app) has no
 * uuid, so an interrupted buzz is not repeated: a second buzz is worse than a missing one, and the
 * admin's overdue list still names the person.
 */
export async function drainOutbox(
  db: Kysely<Database>,
  lark: LarkClient,
  clock: () => Date,
  log: Logger,
  opts: DrainOptions,
): Promise<DrainReport> {
  const report: DrainReport = { sent: 0, retried: 0, failed: 0 };
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const pace = evenPacer(opts.sendsPerSecond, sleep);

  // Workers pull from one queue that is refilled (list due rows, claim them) whenever it runs low, so a
  // row stuck in retries never holds up the rows behind it.
  const queue: OutboxRow[] = [];
  let exhausted = false;
  let refilling: Promise<void> | null = null;
  let rounds = 0;
  let claimed = 0;
  const refill = async () => {
    const room = (opts.maxSends ?? Infinity) - claimed;
    if (room <= 0) {
      exhausted = true;
      return;
    }
    // The first round runs under the lease just taken; later ones renew it first.
    if (rounds++ > 0 && !(await opts.keepGoing())) {
      exhausted = true;
      return;
    }
    const now = clock();
    const due = await listDueOutboxRows(db, now.toISOString(), Math.min(opts.batchSize, room));
    const claimUntil = new Date(now.getTime() + opts.claimMs).toISOString();
    const owned = due.length > 0 ? await claimOutboxRows(db, due.map((r) => r.id), now.toISOString(), claimUntil, opts.holder) : new Set<number>();
    const mine = due.filter((r) => owned.has(r.id));
    if (mine.length === 0) exhausted = true;
    claimed += mine.length;
    queue.push(...mine);
  };
  const next = async (): Promise<OutboxRow | null> => {
    for (;;) {
      if (queue.length < opts.concurrency && !exhausted && !refilling) {
        refilling = refill().finally(() => {
          refilling = null;
        });
      }
      if (queue.length > 0) return queue.shift()!;
      if (refilling) await refilling;
      else if (exhausted) return null;
    }
  };

  const deliver = async (row: OutboxRow) => {
    await pace();
    let outcome = await sendRow(row, lark);
    for (let retry = 0; !outcome.ok && !outcome.permanent && retry < opts.inRunRetries; retry++) {
      await sleep(opts.retryDelayMs * 2 ** retry);
      await pace();
      // A retried send keeps the row's uuid, so a first attempt that did reach Lark is not repeated.
      outcome = await sendRow({ ...row, last_error: null }, lark);
    }
    const at = clock();
    if (outcome.ok) {
      await markClaimedSent(db, row.id, outcome.messageId, at.toISOString());
      report.sent++;
      return;
    }
    const attempts = row.attempts + 1;
    const giveUp = outcome.permanent || attempts >= opts.maxAttempts;
    const retryAt = giveUp ? null : new Date(at.getTime() + backoffMs(attempts)).toISOString();
    await markClaimedFailed(db, row.id, outcome.error, retryAt);
    if (giveUp) {
      report.failed++;
      log.error('outbox: gave up', { key: row.dedupe_key, attempts, error: outcome.error });
    } else {
      report.retried++;
      log.warn('outbox: send failed, will retry', { key: row.dedupe_key, attempts, retryAt, error: outcome.error });
    }
  };

  await Promise.all(
    Array.from({ length: Math.max(1, opts.concurrency) }, async () => {
      for (let row = await next(); row; row = await next()) await deliver(row);
    }),
  );
  return report;
}

type SendOutcome = { ok: true; messageId: string | null } | { ok: false; error: string; permanent: boolean };

async function sendRow(row: OutboxRow, lark: LarkClient): Promise<SendOutcome> {
  const interrupted = row.last_error?.startsWith(SENDING_TAG) ?? false;
  try {
    const content = JSON.parse(row.content_json) as unknown;
    if (row.msg_type === URGENT_MSG_TYPE) {
      if (interrupted) return { ok: false, error: 'uncertain: a previous buzz was interrupted; not repeated', permanent: true };
      const urgent = content as UrgentContent;
      let messageId = urgent.messageId;
      if (!messageId) {
        const sent = await lark.sendMessage('open_id', urgent.openId, { msgType: 'interactive', content: urgent.fallback }, {
          uuid: row.dedupe_key,
          tenantKey: row.tenant_key,
        });
        messageId = sent.messageId;
      }
      const result = await lark.urgentApp(messageId, [urgent.openId]);
      if (result.invalidUserIds.length > 0) return { ok: false, error: `urgent_app rejected ${result.invalidUserIds.join(',')}`, permanent: true };
      return { ok: true, messageId };
    }
    const message = { msgType: row.msg_type, content } as OutgoingMessage;
    const sent = await lark.sendMessage(row.receive_id_type as ReceiveIdType, row.receive_id, message, {
      uuid: row.dedupe_key,
      tenantKey: row.tenant_key,
    });
    return { ok: true, messageId: sent.messageId };
  } catch (error) {
    return { ok: false, error: describe(error), permanent: isPermanent(error) };
  }
}

/**
 * Lark answers that will not change on retry (https://open.feishu.cn/document/server-docs/im-v1/message/create, error codes): bad receiver, bot not available to
 * the user, user resigned or blocked the bot, chat dissolved, content too long or rejected.
 */
const PERMANENT_CODES = new Set([230001, 230002, 230006, 230013, 230017, 230018, 230022, 230025, 230027, 230028, 230029, 230034, 230035, 230053, 232009]);

function isPermanent(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' && PERMANENT_CODES.has(code);
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return code !== undefined ? `${String(code)}: ${error.message}` : error.message;
  }
  return String(error);
}

/** 30 s, 1 min, 2 min … capped at 30 min. */
function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 30 * 60_000);
}

/** Resolves each caller at its own slot, `1000 / perSecond` ms after the previous one (real time). */
function evenPacer(perSecond: number, sleep: (ms: number) => Promise<void>): () => Promise<void> {
  if (perSecond <= 0) return async () => {};
  const interval = 1000 / perSecond;
  let next = 0;
  return async () => {
    const now = Date.now();
    const slot = Math.max(now, next);
    next = slot + interval;
    if (slot > now) await sleep(slot - now);
  };
}
