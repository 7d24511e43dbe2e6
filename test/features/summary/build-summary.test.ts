import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getEvaluation, returnItem, type CollectionDeps, type EvaluationView } from '../../../src/features/collection/service';
import { buildSummary } from '../../../src/features/summary/build-summary';
import { IMPORTER, openTestDeps, startedT1 } from '../../helpers/collection';
import { answerAndApprove } from '../../helpers/summary';

let deps: CollectionDeps;
let close: () => Promise<void>;
let evaluation: EvaluationView;

beforeEach(async () => {
  ({ deps, close } = await openTestDeps());
  const started = await startedT1(deps);
  evaluation = await answerAndApprove(deps, started.evaluation, started.answers);
});
afterEach(() => close());

describe('summary with a row returned for correction', () => {
  it('does not tell the group a row is unfilled and scores 0 while the total still counts its answer', async () => {
    const row = evaluation.items.find((i) => i.kind !== 'budget')!;
    const returned = await returnItem(deps, { itemId: row.id, expectedVersion: row.value.version, actor: IMPORTER, comment: '请核对数据来源' });
    if (!returned.ok) throw new Error(returned.message);
    const view = (await getEvaluation(deps.db, evaluation.id))!;

    const built = await buildSummary(view, deps.clock.now());
    const scored = built.result.indicators[row.position - 1]!;
    expect(scored.score).not.toBeNull(); // the engine scores the answer given before it was returned
    // …so the card must not say that this row is missing and counts 0.
    expect(built.open).toBe(0);
    expect(JSON.stringify(built.card)).not.toContain('未填项不得分');
  });
});
