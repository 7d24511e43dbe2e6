import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database } from '../../database';
import type { IndicatorRow, IndicatorValueRow, IndicatorValuesTable, IndicatorsTable } from '../../tables/core';

/** Queries of `indicators` with their current `indicator_values` row (one per indicator, created with it). */

export type ItemRow = IndicatorRow & { value: IndicatorValueRow };

export async function listItemRows(db: Kysely<Database>, evaluationId: string): Promise<ItemRow[]> {
  const [indicators, values] = await Promise.all([
    db.selectFrom('indicators').selectAll().where('evaluation_id', '=', evaluationId).orderBy('position').execute(),
    db.selectFrom('indicator_values').selectAll().where('evaluation_id', '=', evaluationId).execute(),
  ]);
  const byId = new Map(values.map((v) => [v.indicator_id, v]));
  return indicators.map((i) => ({ ...i, value: byId.get(i.id)! }));
}

export async function getItemRow(db: Kysely<Database>, itemId: string): Promise<ItemRow | undefined> {
  const [indicator, value] = await Promise.all([
    db.selectFrom('indicators').selectAll().where('id', '=', itemId).executeTakeFirst(),
    db.selectFrom('indicator_values').selectAll().where('indicator_id', '=', itemId).executeTakeFirst(),
  ]);
  return indicator && value ? { ...indicator, value } : undefined;
}

/** Rows an owner still has to answer (pending or returned) in evaluations that are collecting answers. */
export async function listOpenItemIdsForOwner(
  db: Kysely<Database>,
  tenantKey: string,
  openId: string,
): Promise<Array<{ evaluation_id: string; indicator_id: string }>> {
  return db
    .selectFrom('indicators as i')
    .innerJoin('indicator_values as v', 'v.indicator_id', 'i.id')
    .innerJoin('evaluations as e', 'e.id', 'i.evaluation_id')
    .select(['i.evaluation_id as evaluation_id', 'i.id as indicator_id'])
    .where('i.owner_open_id', '=', openId)
    .where('e.tenant_key', '=', tenantKey)
    .where('e.status', 'in', ['collecting', 'reviewing'])
    .where('v.status', 'in', ['pending', 'returned'])
    .orderBy('e.created_at')
    .orderBy('i.evaluation_id')
    .orderBy('i.position')
    .execute();
}

export function insertIndicator(db: Kysely<Database>, row: Insertable<IndicatorsTable>) {
  return db.insertInto('indicators').values(row);
}

export function insertValue(db: Kysely<Database>, row: Insertable<IndicatorValuesTable>) {
  return db.insertInto('indicator_values').values(row);
}

/** Guarded update of a current value: only while it is still at `expectedVersion`; bumps the version. */
export function updateValueGuarded(
  db: Kysely<Database>,
  itemId: string,
  expectedVersion: number,
  changes: Omit<Updateable<IndicatorValuesTable>, 'indicator_id' | 'evaluation_id' | 'version'>,
) {
  return db
    .updateTable('indicator_values')
    .set({ ...changes, version: expectedVersion + 1 })
    .where('indicator_id', '=', itemId)
    .where('version', '=', expectedVersion);
}

/**
 * `updateValueGuarded` that also requires the evaluation to be open (collecting or reviewing) in the same
 * statement, so an answer or a review racing a 锁定 either lands before the lock or not at all.
 */
export function updateValueWhileOpen(
  db: Kysely<Database>,
  evaluationId: string,
  itemId: string,
  expectedVersion: number,
  changes: Omit<Updateable<IndicatorValuesTable>, 'indicator_id' | 'evaluation_id' | 'version'>,
) {
  return updateValueGuarded(db, itemId, expectedVersion, changes).where((eb) =>
    eb.exists(
      eb
        .selectFrom('evaluations')
        .select('evaluations.id')
        .where('evaluations.id', '=', evaluationId)
        .where('evaluations.status', 'in', ['collecting', 'reviewing']),
    ),
  );
}

export function updateIndicator(
  db: Kysely<Database>,
  itemId: string,
  changes: Omit<Updateable<IndicatorsTable>, 'id' | 'evaluation_id'>,
) {
  return db.updateTable('indicators').set(changes).where('id', '=', itemId);
}

/** Each owned row of an evaluation with its answer's status, in table order (the reminder ladder's view). */
export function listOwnedItemStatuses(db: Kysely<Database>, evaluationId: string) {
  return db
    .selectFrom('indicators as i')
    .innerJoin('indicator_values as v', 'v.indicator_id', 'i.id')
    .select(['i.id', 'i.owner_open_id', 'i.owner_name', 'i.name', 'i.kind', 'v.status'])
    .where('i.evaluation_id', '=', evaluationId)
    .where('i.owner_open_id', 'is not', null)
    .orderBy('i.position')
    .execute();
}

/** Id, name, kind and position of some rows, in table order (queried in chunks: D1 allows 100 bound parameters). */
export async function listItemNames(db: Kysely<Database>, ids: readonly string[]) {
  const chunks = Array.from({ length: Math.ceil(ids.length / 90) }, (_, k) => ids.slice(k * 90, k * 90 + 90));
  const rows = await Promise.all(chunks.map((chunk) => db.selectFrom('indicators').select(['id', 'name', 'kind', 'position']).where('id', 'in', chunk).execute()));
  return rows.flat().sort((a, b) => a.position - b.position);
}
