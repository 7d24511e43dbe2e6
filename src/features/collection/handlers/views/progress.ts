import { progressCard } from '#cards/collection/progress';
import { progressOf, type EvaluationView } from '../../service';
import type { CardJson } from '../../../../transport/contract';
import { shanghaiDateTime } from '../../../../platform/time';

export function progressCardFor(evaluation: EvaluationView, now: Date): CardJson {
  const p = progressOf(evaluation);
  return progressCard({
    evaluationId: evaluation.id,
    projectName: evaluation.project.name,
    status: evaluation.status,
    deadline: evaluation.deadline,
    total: p.total,
    submitted: p.submitted,
    approved: p.approved,
    returned: p.returned,
    pending: p.waitingOn.map((w) => ({ name: w.name ?? '未知成员', count: w.open })),
    updatedAt: shanghaiDateTime(now),
  });
}
