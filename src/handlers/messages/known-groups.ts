import type { Kysely } from 'kysely';
import type { Database } from '../../storage/database';

/**
 * The groups a person is known to share with the bot: the chats of evaluations they imported,
 * administer or answer in. Used to offer a choice when they send a sheet by DM (Lark has no cheap
 * "chats we share" call, and membership is checked again when they choose).
 */
export async function knownGroupsOf(db: Kysely<Database>, req: { tenantKey: string; openId: string }): Promise<Array<{ chatId: string; name: string }>> {
  const rows = await db
    .selectFrom('evaluations')
    .select(['evaluations.chat_id', 'evaluations.project_name', 'evaluations.created_at'])
    .where('evaluations.tenant_key', '=', req.tenantKey)
    .where('evaluations.chat_id', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('evaluations.importer_open_id', '=', req.openId),
        eb.exists(eb.selectFrom('evaluation_admins').select('evaluation_admins.open_id').whereRef('evaluation_admins.evaluation_id', '=', 'evaluations.id').where('evaluation_admins.open_id', '=', req.openId)),
        eb.exists(eb.selectFrom('indicators').select('indicators.id').whereRef('indicators.evaluation_id', '=', 'evaluations.id').where('indicators.owner_open_id', '=', req.openId)),
      ]),
    )
    .orderBy('evaluations.created_at', 'desc')
    .limit(50)
    .execute();
  const groups = new Map<string, string>();
  for (const r of rows) if (r.chat_id && !groups.has(r.chat_id)) groups.set(r.chat_id, `「${r.project_name}」所在群`);
  return [...groups].map(([chatId, name]) => ({ chatId, name }));
}
