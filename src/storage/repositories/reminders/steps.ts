import type { Kysely } from 'kysely';
import type { Database } from '../../database';

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

/**
 * Planned steps as multi-row inserts of `perStatement` rows (8 columns each, under D1's 100 bound
 * parameters per statement); a step already recorded is left as it is. Builders returned unexecuted,
 * for `atomic` together with the steps' outbox rows.
 */
export function recordPlannedSteps(db: Kysely<Database>, steps: readonly PlannedStepRecord[], perStatement = 11) {
  const rows = steps.map((r) => ({
    step_key: r.stepKey,
    evaluation_id: r.evaluationId,
    person: r.person,
    step: r.step,
    day: r.day,
    outbox_key: r.outboxKey,
    due_at: r.dueAt,
    planned_at: r.plannedAt,
  }));
  const statements = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    statements.push(db.insertInto('reminder_steps').values(rows.slice(i, i + perStatement)).onConflict((oc) => oc.column('step_key').doNothing()));
  }
  return statements;
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
