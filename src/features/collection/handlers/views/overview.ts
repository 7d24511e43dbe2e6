import { adminOverviewCard } from '#cards/collection/admin-overview';
import { toEvaluationInput, type EvaluationView } from '../../service';
import { scoreEvaluation } from '../../../../domain/scoring/score-evaluation';
import type { CardJson } from '../../../../transport/contract';
import { nameOf } from './entry';
import { toRowView } from './rows';
import { shanghaiDateTime } from '../../../../platform/time';

/** 总览 for admins: rows, the running total from the engine, its warnings, and lock / reopen. */
export function overviewCardFor(evaluation: EvaluationView): CardJson {
  const result = scoreEvaluation(toEvaluationInput(evaluation), { profile: evaluation.ruleProfile });
  return adminOverviewCard({
    evaluationId: evaluation.id,
    projectName: evaluation.project.name,
    status: evaluation.status,
    rev: evaluation.version,
    rows: evaluation.items.map(toRowView),
    total: result.total,
    grade: result.grade,
    warnings: result.warnings.filter((w) => w.severity !== 'info').map((w) => w.message),
    lockedBy: evaluation.lockedBy ? nameOf(evaluation, evaluation.lockedBy) : null,
    lockedAt: evaluation.lockedAt ? shanghaiDateTime(new Date(evaluation.lockedAt)) : null,
  });
}
