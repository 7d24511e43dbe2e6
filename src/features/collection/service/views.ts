import type { Kysely } from 'kysely';
import { bandSchema } from '../../../domain/evaluation';
import type { Database } from '../../../storage/database';
import { getEvaluationRow, listAdmins } from '../../../storage/repositories/collection/evaluations';
import { getItemRow, listItemRows, type ItemRow } from '../../../storage/repositories/collection/items';
import type { EvaluationRow } from '../../../storage/tables/core';
import type { EvaluationView, ItemView, Member, ValueView } from './types';

/** Read models the cards and handlers are built from. */

export async function getEvaluation(db: Kysely<Database>, evaluationId: string): Promise<EvaluationView | undefined> {
  const row = await getEvaluationRow(db, evaluationId);
  if (!row) return undefined;
  const [admins, items] = await Promise.all([listAdmins(db, evaluationId), listItemRows(db, evaluationId)]);
  return toEvaluationView(row, admins, items.map(toItemView));
}

export async function getItem(db: Kysely<Database>, itemId: string): Promise<ItemView | undefined> {
  const row = await getItemRow(db, itemId);
  return row ? toItemView(row) : undefined;
}

export function toEvaluationView(row: EvaluationRow, admins: string[], items: ItemView[]): EvaluationView {
  return {
    id: row.id,
    tenantKey: row.tenant_key,
    chatId: row.chat_id,
    status: row.status,
    project: {
      name: row.project_name,
      department: row.department,
      implementingUnit: row.implementing_unit,
      year: row.year,
    },
    budget: {
      initial: row.budget_initial,
      fullYear: row.budget_full_year,
      sources: row.budget_sources_json ? (JSON.parse(row.budget_sources_json) as EvaluationView['budget']['sources']) : null,
    },
    goals: { expected: row.goals_expected, actual: row.goals_actual },
    printedTotal: row.printed_total,
    ruleProfile: row.rule_profile,
    deadline: row.deadline,
    importerOpenId: row.importer_open_id,
    admins,
    sourceFileName: row.source_file_name,
    progressMessageId: row.progress_message_id,
    summaryPostedAt: row.summary_posted_at,
    lockedAt: row.locked_at,
    lockedBy: row.locked_by,
    version: row.version,
    createdAt: row.created_at,
    items,
  };
}

export function toItemView(row: ItemRow): ItemView {
  return {
    id: row.id,
    evaluationId: row.evaluation_id,
    position: row.position,
    kind: row.kind,
    level1: row.level1,
    level2: row.level2,
    name: row.name,
    target: row.target_raw,
    targetKind: row.target_kind,
    weight: Number(row.weight),
    printedScore: row.printed_score,
    owner: {
      raw: row.owner_raw,
      openId: row.owner_open_id,
      name: row.owner_name,
      problem: row.owner_problem,
      candidates: row.owner_candidates_json ? (JSON.parse(row.owner_candidates_json) as Member[]) : [],
    },
    dueDate: row.due_date,
    value: toValueView(row.value),
  };
}

function toValueView(v: ItemRow['value']): ValueView {
  const band = bandSchema.safeParse(v.band);
  return {
    status: v.status,
    actual: v.actual,
    band: band.success ? band.data : null,
    manualScore: v.manual_score,
    applicable: v.applicable !== 0,
    score: v.score,
    explanation: v.explanation,
    deviationReason: v.deviation_reason,
    reviewComment: v.review_comment,
    version: v.version,
    submittedBy: v.submitted_by,
    submittedAt: v.submitted_at,
    reviewedBy: v.reviewed_by,
    reviewedAt: v.reviewed_at,
  };
}

/** The value fields a history record keeps as `before` / `after`. */
export function valueSnapshot(v: ValueView | ItemRow['value']) {
  if ('indicator_id' in v) {
    return {
      status: v.status,
      actual: v.actual,
      band: v.band,
      manualScore: v.manual_score,
      applicable: v.applicable !== 0,
      score: v.score,
      deviationReason: v.deviation_reason,
      reviewComment: v.review_comment,
    };
  }
  return {
    status: v.status,
    actual: v.actual,
    band: v.band,
    manualScore: v.manualScore,
    applicable: v.applicable,
    score: v.score,
    deviationReason: v.deviationReason,
    reviewComment: v.reviewComment,
  };
}

/** Who the row waits on, for messages: the owner's name, else their open_id, else the raw 责任人 text. */
export function ownerLabel(item: ItemView): string {
  return item.owner.name ?? item.owner.openId ?? item.owner.raw ?? '（未指定）';
}
