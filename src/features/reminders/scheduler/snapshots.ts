import type { Kysely } from 'kysely';
import type { Database } from '../../../storage/database';
import { listLeaves } from '../../../storage/repositories/reminders/leave';
import { getReminderSettingsJson } from '../../../storage/repositories/reminders/settings';
import { addDays, isDateKey, shanghaiInstant } from '../../../platform/time';
import { REMINDER_KEY_PREFIX } from './outbox-key';
import { resolveLadderSettings } from './ladder/settings';
import type { EvaluationSnapshot, OwnerSnapshot } from './ladder/types';

/**
 * Reads every evaluation that is collecting answers (or in review, where a returned row is open again) into what the ladder planner needs. An owner's
 * open items are those `pending` or `returned`; the deadline (a Shanghai date) ends at that day's midnight.
 */
export async function loadCollectingSnapshots(db: Kysely<Database>): Promise<EvaluationSnapshot[]> {
  const evaluations = await db
    .selectFrom('evaluations')
    .selectAll()
    .where('status', 'in', ['collecting', 'reviewing'])
    .where('deadline', 'is not', null)
    .where('chat_id', 'is not', null)
    .orderBy('created_at')
    .execute();
  const snapshots: EvaluationSnapshot[] = [];
  for (const e of evaluations) {
    if (!e.deadline || !isDateKey(e.deadline) || !e.chat_id) continue;
    const [items, admins, leaves, settingsJson, startedAt, cards, contacted] = await Promise.all([
      db
        .selectFrom('indicators as i')
        .innerJoin('indicator_values as v', 'v.indicator_id', 'i.id')
        .select(['i.id', 'i.owner_open_id', 'i.owner_name', 'i.name', 'i.kind', 'v.status'])
        .where('i.evaluation_id', '=', e.id)
        .where('i.owner_open_id', 'is not', null)
        .orderBy('i.position')
        .execute(),
      db.selectFrom('evaluation_admins').select('open_id').where('evaluation_id', '=', e.id).orderBy('added_at').orderBy('open_id').execute(),
      listLeaves(db, e.id),
      getReminderSettingsJson(db, e.id),
      collectionStartedAt(db, e.id, e.updated_at),
      latestOwnerCards(db, e.id),
      contactedByCollection(db, e.id),
    ]);
    const owners = new Map<string, OwnerSnapshot>();
    for (const item of items) {
      const openId = item.owner_open_id!;
      let owner = owners.get(openId);
      if (!owner) {
        owner = {
          openId,
          name: item.owner_name ?? openId,
          pending: 0,
          pendingItems: [],
          pendingItemIds: [],
          leaveUntil: leaves.get(openId) ?? null,
          cardMessageId: cards.get(openId) ?? null,
          contacted: contacted.has(openId),
        };
        owners.set(openId, owner);
      }
      if (item.status === 'pending' || item.status === 'returned') {
        owner.pending += 1;
        owner.pendingItems.push(item.kind === 'budget' ? '预算执行率（全年执行数）' : item.name);
        owner.pendingItemIds!.push(item.id);
      }
    }
    const names = new Map([...owners.values()].map((o) => [o.openId, o.name]));
    snapshots.push({
      id: e.id,
      title: e.project_name,
      chatId: e.chat_id,
      tenantKey: e.tenant_key,
      startedAt,
      deadline: shanghaiInstant(addDays(e.deadline, 1)),
      settings: resolveLadderSettings(settingsJson),
      summaryPosted: e.summary_posted_at !== null,
      owners: [...owners.values()],
      admins: admins.map((a) => ({ openId: a.open_id, name: names.get(a.open_id) ?? a.open_id })),
    });
  }
  return snapshots;
}

/** When the evaluation last entered `collecting` (its history), else its last update. */
async function collectionStartedAt(db: Kysely<Database>, evaluationId: string, fallback: string): Promise<Date> {
  // Searched in SQL, not among the newest N rows: every leave and settings change adds an evaluation-level
  // row, and the start must not fall out of the window (history JSON is written by JSON.stringify: no spaces).
  const start = await db
    .selectFrom('history')
    .select('at')
    .where('evaluation_id', '=', evaluationId)
    .where('indicator_id', 'is', null)
    .where('after_json', 'like', '%"status":"collecting"%')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return new Date(start?.at ?? fallback);
}

/** The newest card each person received for this evaluation: what 加急 buzzes. */
async function latestOwnerCards(db: Kysely<Database>, evaluationId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('card_messages')
    .select(['recipient_id', 'message_id'])
    .where('evaluation_id', '=', evaluationId)
    .orderBy('created_at')
    .orderBy('message_id')
    .execute();
  return new Map(rows.map((r) => [r.recipient_id, r.message_id]));
}

/** People the collection flow itself queued or sent a message to for this evaluation (not reminders). */
async function contactedByCollection(db: Kysely<Database>, evaluationId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('outbox')
    .select('receive_id')
    .distinct()
    .where('evaluation_id', '=', evaluationId)
    .where('receive_id_type', '=', 'open_id')
    .where('dedupe_key', 'not like', `${REMINDER_KEY_PREFIX}%`)
    .execute();
  return new Set(rows.map((r) => r.receive_id));
}
