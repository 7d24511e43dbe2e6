import type { Kysely } from 'kysely';
import type { Database } from '../../database';
import type { ReminderStepRow } from '../../tables/scheduler';

/** What the ladder planned, one row per (evaluation, person, step, day). Builders are returned unexecuted. */
export interface PlannedStepRecord {
  stepKey: string;
  evaluationId: string;
  person: string;
  step: string;
  day: string | null;
  outboxKey: string;
  dueAt: string;
  plannedAt: string;
}

export function recordPlannedStep(db: Kysely<Database>, r: PlannedStepRecord) {
  return db
    .insertInto('reminder_steps')
    .values({
      step_key: r.stepKey,
      evaluation_id: r.evaluationId,
      person: r.person,
      step: r.step,
      day: r.day,
      outbox_key: r.outboxKey,
      due_at: r.dueAt,
      planned_at: r.plannedAt,
    })
    .onConflict((oc) => oc.column('step_key').doNothing());
}

/** Step keys already planned among `keys` (checked in chunks: D1 allows 100 bound parameters per statement). */
export async function existingStepKeys(db: Kysely<Database>, keys: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += 90) {
    const chunk = keys.slice(i, i + 90);
    const rows = await db.selectFrom('reminder_steps').select('step_key').where('step_key', 'in', chunk).execute();
    for (const r of rows) found.add(r.step_key);
  }
  return found;
}

export function listPlannedSteps(db: Kysely<Database>, evaluationId: string): Promise<ReminderStepRow[]> {
  return db
    .selectFrom('reminder_steps')
    .selectAll()
    .where('evaluation_id', '=', evaluationId)
    .orderBy('due_at')
    .orderBy('step_key')
    .execute();
}

export async function stepForOutboxKey(db: Kysely<Database>, outboxKey: string): Promise<ReminderStepRow | undefined> {
  return db.selectFrom('reminder_steps').selectAll().where('outbox_key', '=', outboxKey).executeTakeFirst();
}
