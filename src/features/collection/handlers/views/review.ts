import { reviewBatchCard } from '#cards/collection/review-batch';
import type { EvaluationView } from '../../service';
import type { CardJson } from '../../../../transport/contract';
import { readOnlyReason } from './entry';
import { itemsOf, toRowView } from './rows';

/** One owner's answered rows (submitted, approved or returned) for an admin's review card. */
export function reviewCardFor(evaluation: EvaluationView, ownerOpenId: string, opts: { page?: number; notice?: string | null; pagerRev?: number } = {}): CardJson {
  const rows = itemsOf(evaluation, ownerOpenId).filter((i) => i.value.status !== 'pending');
  const ownerName = rows[0]?.owner.name ?? itemsOf(evaluation, ownerOpenId)[0]?.owner.name ?? ownerOpenId;
  return reviewBatchCard({
    evaluationId: evaluation.id,
    projectName: evaluation.project.name,
    ownerName,
    ownerOpenId,
    rows: rows.map((i) => ({ ...toRowView(i), rev: i.value.version, reviewComment: i.value.reviewComment })),
    page: opts.page ?? 0,
    notice: opts.notice ?? null,
    readOnlyReason: readOnlyReason(evaluation),
    pagerRev: opts.pagerRev ?? 0,
  });
}
