import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  getEvaluation,
  importEvaluation,
  loadEvaluationForScoring,
  setDeadline,
  startCollection,
  submitValue,
  type CollectionDeps,
  type ItemView,
} from '../../../src/features/collection/service';
import { evaluationInputSchema, type EvaluationInput } from '../../../src/domain/evaluation';
import { scoreEvaluation } from '../../../src/domain/scoring/score-evaluation';
import { manualClock } from '../../../src/platform/clock';
import { listHistory } from '../../../src/storage/repositories/collection/history';
import { openD1 } from '../../../src/worker/d1-database';
import t1 from '../../fixtures/seeds/003-t1.json';

// One repository layer for both: the collection services that Node runs on SQLite, here on D1 (whose
// atomic writes are batches), from import to the engine's score of the exported table.
const IMPORTER = 'ou_d1importer01';
const MEMBERS = [
  { openId: IMPORTER, name: '刘洋' },
  { openId: 'ou_d1zhangwei01', name: '张伟' },
  { openId: 'ou_d1lina000001', name: '李娜' },
  { openId: 'ou_d1wangfang01', name: '王芳' },
];
const answers: EvaluationInput = evaluationInputSchema.parse(t1);

function blankTable(): EvaluationInput {
  const names = ['张伟', '李娜', '王芳'];
  return {
    ...answers,
    budget: { ...answers.budget, executed: null, deviationReason: null, printedScore: null, printedRate: null },
    indicators: answers.indicators.map((r, i) => ({ level1: r.level1, level2: r.level2, name: r.name, target: r.target, weight: r.weight, owner: names[i % 3]! })),
    printedTotal: null,
  };
}

let deps: CollectionDeps;

beforeEach(() => {
  deps = { db: openD1(env.DB), clock: manualClock('2026-09-24T02:00:00.000Z') };
});

async function startedEvaluation() {
  const { evaluation } = await importEvaluation(deps, {
    tenantKey: 'tenant-d1',
    chatId: `oc_d1_${crypto.randomUUID()}`,
    importerOpenId: IMPORTER,
    input: blankTable(),
    directory: { members: MEMBERS },
    sourceFileName: '003-t1.xlsx',
  });
  const deadline = await setDeadline(deps, { evaluationId: evaluation.id, actor: IMPORTER, deadline: '2026-10-09' });
  expect(deadline).toMatchObject({ ok: true });
  const started = await startCollection(deps, { evaluationId: evaluation.id, actor: IMPORTER });
  if (!started.ok) throw new Error(started.message);
  return started.evaluation;
}

function answerFor(item: ItemView) {
  if (item.kind === 'budget') return { actual: String(answers.budget.executed), deviationReason: answers.budget.deviationReason ?? null };
  const row = answers.indicators[item.position - 1]!;
  return { actual: row.actual == null ? null : String(row.actual), band: row.band ?? null, score: row.score ?? null, deviationReason: row.deviationReason ?? null };
}

describe('collection services on D1', () => {
  it('imports 003-T1 and starts collection: every row, owner and the import history stored', async () => {
    const evaluation = await startedEvaluation();
    expect(evaluation.status).toBe('collecting');
    expect(evaluation.items).toHaveLength(answers.indicators.length + 1);
    expect(evaluation.items.slice(1).map((i) => i.owner.name)).toEqual(blankTable().indicators.map((r) => r.owner));
    const history = await listHistory(deps.db, evaluation.id);
    expect(history.map((h) => h.action)).toEqual(expect.arrayContaining(['import', 'start']));
  });

  it('imports a 60-row table in one all-or-nothing batch (D1 caps bound parameters per statement)', async () => {
    const table = blankTable();
    const rows = Array.from({ length: 60 }, (_, i) => ({ ...table.indicators[i % table.indicators.length]!, name: `指标${i + 1}`, weight: 1.5 }));
    const { evaluation } = await importEvaluation(deps, {
      tenantKey: 'tenant-d1',
      chatId: `oc_d1_${crypto.randomUUID()}`,
      importerOpenId: IMPORTER,
      input: { ...table, indicators: rows },
      directory: { members: MEMBERS },
    });
    expect(evaluation.items.slice(1).map((i) => i.name)).toEqual(rows.map((r) => r.name));
  });

  it('commits every answer with its history, and scores the exported table exactly like the seed', async () => {
    const evaluation = await startedEvaluation();
    let explained = 0;
    for (const item of evaluation.items) {
      const answer = { itemId: item.id, actor: item.owner.openId!, expectedVersion: item.value.version, ...answerFor(item) };
      let result = await submitValue(deps, answer);
      if (!result.ok && result.code === 'deviation_required') {
        // As an owner would: the card asks for 偏差原因, they add one and submit again.
        explained++;
        result = await submitValue(deps, { ...answer, deviationReason: '偏差原因已核实：计划年中调整，详见自评报告' });
      }
      if (!result.ok) throw new Error(`${item.name}: ${result.message}`);
    }
    expect(explained).toBeGreaterThan(0);
    const stored = await getEvaluation(deps.db, evaluation.id);
    expect(stored!.items.every((i) => i.value.status !== 'pending')).toBe(true);

    const loaded = await loadEvaluationForScoring(deps.db, evaluation.id);
    const fromD1 = scoreEvaluation(loaded!.input, { profile: loaded!.profile });
    const direct = scoreEvaluation(answers);
    expect(fromD1.total).toBe(direct.total);
    expect(fromD1.grade).toBe(direct.grade);
    expect(fromD1.indicators.map((r) => r.score)).toEqual(direct.indicators.map((r) => r.score));

    const submits = (await listHistory(deps.db, evaluation.id)).filter((h) => h.action === 'submit');
    expect(submits).toHaveLength(evaluation.items.length);
  });

  it('refuses a stale write (the batch guard) and leaves the first answer and its single history row intact', async () => {
    const evaluation = await startedEvaluation();
    const item = evaluation.items[1]!;
    const first = await submitValue(deps, { itemId: item.id, actor: item.owner.openId!, expectedVersion: item.value.version, actual: '2' });
    expect(first.ok).toBe(true);
    const stale = await submitValue(deps, { itemId: item.id, actor: item.owner.openId!, expectedVersion: item.value.version, actual: '1' });
    expect(stale).toMatchObject({ ok: false, code: 'conflict' });
    const after = (await getEvaluation(deps.db, evaluation.id))!.items[1]!;
    expect(after.value.actual).toBe('2');
    const writes = (await listHistory(deps.db, evaluation.id)).filter((h) => h.action === 'submit');
    expect(writes).toHaveLength(1);
  });
});
