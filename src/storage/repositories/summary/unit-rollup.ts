import { sql, type Kysely } from 'kysely';
import type { Database } from '../../database';

/**
 * 年度汇总: the evaluations (past draft) of one unit in one year that `admin` administers, oldest first. A
 * table without 年度 groups with the other undated ones; unit names compare trimmed, the 实施单位 first and
 * the 主管部门 when there is none (as `unitOf` in src/features/summary/unit-rollup.ts reads them).
 */
export function listUnitEvaluationIdsForAdmin(
  db: Kysely<Database>,
  req: { tenantKey: string; admin: string; unit: string; year: string | null },
): Promise<Array<{ id: string }>> {
  return db
    .selectFrom('evaluations')
    .innerJoin('evaluation_admins', 'evaluation_admins.evaluation_id', 'evaluations.id')
    .select('evaluations.id')
    .where('evaluations.tenant_key', '=', req.tenantKey)
    .where('evaluation_admins.open_id', '=', req.admin)
    .where('evaluations.status', '!=', 'draft')
    .where('evaluations.year', req.year === null ? 'is' : '=', req.year)
    .where((eb) =>
      eb.or([
        eb(sql<string>`trim(evaluations.implementing_unit)`, '=', req.unit),
        eb.and([
          eb.or([eb('evaluations.implementing_unit', 'is', null), eb(sql<string>`trim(evaluations.implementing_unit)`, '=', '')]),
          eb(sql<string>`trim(evaluations.department)`, '=', req.unit),
        ]),
      ]),
    )
    .orderBy('evaluations.created_at')
    .orderBy('evaluations.id')
    .execute();
}
