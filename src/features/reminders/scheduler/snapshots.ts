import type { Kysely } from 'kysely';
import { isOpenStatus } from '../../../domain/value-status';
import type { Database } from '../../../storage/database';
import { latestCardPerRecipient } from '../../../storage/repositories/collection/card-messages';
import { listAdmins } from '../../../storage/repositories/collection/evaluations';
import { collectionStartedAt } from '../../../storage/repositories/collection/history';
import { listOwnedItemStatuses } from '../../../storage/repositories/collection/items';
import { listLeaves } from '../../../storage/repositories/reminders/leave';
import { recipientsContactedByCollection } from '../../../storage/repositories/reminders/outbox';
import { getReminderSettingsJson } from '../../../storage/repositories/reminders/settings';
import { listCollectingEvaluations } from '../../../storage/repositories/reminders/snapshots';
import { addDays, isDateKey, shanghaiInstant } from '../../../platform/time';
import { resolveLadderSettings } from './ladder/settings';
import type { EvaluationSnapshot, OwnerSnapshot } from './ladder/types';

/**
 * Reads every evaluation that is collecting answers (or in review, where a returned row is open again) into what the ladder planner needs. An owner's
 * open items are those `pending` or `returned`; the deadline (a Shanghai date) ends at that day's midnight.
 */
export async function loadCollectingSnapshots(db: Kysely<Database>): Promise<EvaluationSnapshot[]> {
  const evaluations = await listCollectingEvaluations(db);
  const snapshots: EvaluationSnapshot[] = [];
  for (const e of evaluations) {
    if (!e.deadline || !isDateKey(e.deadline) || !e.chat_id) continue;
    const [items, admins, leaves, settingsJson, startedAt, cards, contacted] = await Promise.all([
      listOwnedItemStatuses(db, e.id),
      listAdmins(db, e.id),
      listLeaves(db, e.id),
      getReminderSettingsJson(db, e.id),
      collectionStartedAt(db, e.id),
      latestCardPerRecipient(db, e.id),
      recipientsContactedByCollection(db, e.id),
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
      if (isOpenStatus(item.status)) {
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
      startedAt: new Date(startedAt ?? e.updated_at),
      deadline: shanghaiInstant(addDays(e.deadline, 1)),
      settings: resolveLadderSettings(settingsJson),
      summaryPosted: e.summary_posted_at !== null,
      owners: [...owners.values()],
      admins: admins.map((openId) => ({ openId, name: names.get(openId) ?? openId })),
    });
  }
  return snapshots;
}
