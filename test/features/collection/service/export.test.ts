import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  exportEvaluation,
  loadEvaluationForScoring,
  submitValue,
  type CollectionDeps,
} from '../../../../src/features/collection/service';
import { evaluationInputSchema } from '../../../../src/domain/evaluation';
import { scoreEvaluation } from '../../../../src/domain/scoring/score-evaluation';
import { IMPORTER, openTestDeps, startedT1 } from '../../../helpers/collection';

let deps: CollectionDeps;
let close: () => Promise<void>;

beforeEach(async () => {
  ({ deps, close } = await openTestDeps());
});
afterEach(() => close());

describe('export', () => {
  it('gives back what the owners answered as input for `jixiao score`, scoring exactly like the seed table', async () => {
    const { evaluation, answers } = await startedT1(deps);
    // Owners answer with the seed's figures; where the rules want an explanation the seed lacks, they give one.
    const budget = evaluation.items[0]!;
    const b = await submitValue(deps, {
      itemId: budget.id, actor: IMPORTER, expectedVersion: 0, actual: String(answers.budget.executed), deviationReason: '培训未全部开展，经费结余',
    });
    expect(b.ok).toBe(true);
    for (const [i, row] of answers.indicators.entries()) {
      const item = evaluation.items[i + 1]!;
      const answer = { actual: row.actual == null ? null : String(row.actual), band: row.band ?? null, score: row.score ?? null };
      let r = await submitValue(deps, { itemId: item.id, actor: item.owner.openId!, expectedVersion: 0, ...answer, deviationReason: row.deviationReason });
      if (!r.ok && r.code === 'deviation_required') {
        r = await submitValue(deps, { itemId: item.id, actor: item.owner.openId!, expectedVersion: 0, ...answer, deviationReason: '超额完成：专项整治期间增加' });
      }
      if (!r.ok) throw new Error(`${row.name}: ${r.message}`);
    }

    const exported = (await exportEvaluation(deps.db, evaluation.id))!;
    expect(evaluationInputSchema.safeParse(JSON.parse(JSON.stringify(exported))).success).toBe(true);
    expect(exported.project).toEqual({ ...answers.project, year: '2019' });
    expect(exported.budget).toMatchObject({ initial: '105', fullYear: '105', executed: '57', weight: 10, sources: answers.budget.sources });
    expect(exported.indicators.map((r) => [r.name, r.target, Number(r.weight), r.actual])).toEqual(
      answers.indicators.map((r) => [r.name, r.target, Number(r.weight), r.actual == null ? null : String(r.actual)]),
    );
    expect(exported.indicators.map((r) => r.owner)).toEqual(answers.indicators.map((_, i) => ['张伟', '李娜', '王芳'][i % 3]));

    const fromBot = scoreEvaluation(exported);
    const fromSeed = scoreEvaluation(answers);
    expect(fromBot.total).toBe(94);
    expect(fromBot.total).toBe(fromSeed.total);
    expect(fromBot.indicators.map((r) => r.score)).toEqual(fromSeed.indicators.map((r) => r.score));
    expect(fromBot.budget.score).toBe(5.43);
    // Every reason the rules require is there, so the audit has nothing to say about missing reasons.
    expect(fromSeed.warnings.map((w) => w.code)).toContain('deviation-missing');
    expect(fromBot.warnings.filter((w) => w.code === 'deviation-missing')).toEqual([]);

    const loaded = (await loadEvaluationForScoring(deps.db, evaluation.id))!;
    expect(loaded.profile).toBe('mof-2020');
    expect(scoreEvaluation(loaded.input, { profile: loaded.profile }).total).toBe(94);
  });

  it('leaves unanswered rows without an actual, and marks 不适用 rows as such', async () => {
    const { evaluation } = await startedT1(deps);
    const item = evaluation.items[3]!;
    const r = await submitValue(deps, { itemId: item.id, actor: item.owner.openId!, expectedVersion: 0, applicable: false });
    expect(r).toMatchObject({ ok: true, item: { value: { applicable: false, score: null } } });
    const exported = (await exportEvaluation(deps.db, evaluation.id))!;
    expect(exported.budget.executed).toBeNull();
    expect(exported.indicators[2]).toMatchObject({ actual: null, applicable: false });
    expect(exported.indicators[0]).toMatchObject({ actual: null });
    expect(exported.indicators[0]).not.toHaveProperty('applicable');
    expect(() => scoreEvaluation(exported)).not.toThrow();
  });

  it('returns nothing for an unknown evaluation', async () => {
    expect(await exportEvaluation(deps.db, 'ev_missing')).toBeUndefined();
  });
});
