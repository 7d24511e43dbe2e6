import { describe, expect, it } from 'vitest';
import { reviewBatchCard, type ReviewRow } from '#cards/collection/review-batch';
import { validateCard } from '../../../src/fake-lark/card-rules';
import { sixtyRows } from '../../helpers/sixty-rows';

/**
 * Lark rejects a form without a submit button, so the card the admin gets back after deciding the
 * last row (or after a lock) must still be a valid card — otherwise the update is refused and the
 * admin keeps seeing 通过 / 退回 on rows that are already decided.
 */
const rows = (status: ReviewRow['status']): ReviewRow[] => sixtyRows().slice(0, 3).map((r) => ({ ...r, status, rev: 2 }));
const view = { evaluationId: 'ev_1', projectName: '项目', ownerName: '张伟', ownerOpenId: 'ou_zhang' };

describe('review card with nothing left to decide', () => {
  it('is a valid card once every row is approved', () => {
    const card = reviewBatchCard({ ...view, rows: rows('approved') });
    expect(validateCard(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain(sixtyRows()[0]!.name.slice(0, 10));
  });

  it('is a valid card when the evaluation is locked', () => {
    expect(validateCard(reviewBatchCard({ ...view, rows: rows('submitted'), readOnlyReason: '本次自评已锁定' }))).toEqual([]);
  });

  it('keeps the form while a row waits for a decision', () => {
    const card = reviewBatchCard({ ...view, rows: [...rows('approved'), { ...rows('submitted')[0]!, indicatorId: 'ind_x' }] });
    expect(validateCard(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain('"tag":"form"');
  });
});
