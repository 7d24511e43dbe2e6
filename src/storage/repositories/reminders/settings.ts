import type { Kysely } from 'kysely';
import type { Database } from '../../database';

/** Per-evaluation ladder overrides (partial JSON over the defaults). */
export async function getReminderSettingsJson(db: Kysely<Database>, evaluationId: string): Promise<unknown> {
  const row = await db
    .selectFrom('reminder_settings')
    .select('settings_json')
    .where('evaluation_id', '=', evaluationId)
    .executeTakeFirst();
  return row ? JSON.parse(row.settings_json) : {};
}

export function upsertReminderSettings(
  db: Kysely<Database>,
  evaluationId: string,
  override: unknown,
  actor: string,
  now: string,
) {
  const settings_json = JSON.stringify(override);
  return db
    .insertInto('reminder_settings')
    .values({ evaluation_id: evaluationId, settings_json, updated_by: actor, updated_at: now })
    .onConflict((oc) => oc.column('evaluation_id').doUpdateSet({ settings_json, updated_by: actor, updated_at: now }));
}
