import {
  approveItems,
  getEvaluation,
  importEvaluation,
  setDeadline,
  startCollection,
  submitValue,
  type CollectionDeps,
  type EvaluationView,
} from '../../src/features/collection/service';
import type { EvaluationInput } from '../../src/domain/evaluation';
import { seed } from '../fixtures';
import { IMPORTER, MEMBERS, TENANT } from './collection';

/**
 * A seed table as the clerk hands it over (rows with a 责任人, no answers), imported into `chatId` and
 * started; `answers` is the seed itself, what the owners will type.
 */
export async function startedSeed(deps: CollectionDeps, table: string, chatId: string, importer = IMPORTER) {
  const answers = seed(table);
  const owners = MEMBERS.slice(1).map((m) => m.name);
  const input: EvaluationInput = {
    ...answers,
    budget: { ...answers.budget, executed: null, deviationReason: null, printedScore: null, printedRate: null },
    indicators: answers.indicators.map((row, i) => ({ level1: row.level1, level2: row.level2, name: row.name, target: row.target, weight: row.weight, owner: owners[i % owners.length]! })),
    printedTotal: null,
  };
  const created = await importEvaluation(deps, { tenantKey: TENANT, chatId, importerOpenId: importer, input, directory: { members: MEMBERS }, sourceFileName: `${table}.xlsx` });
  const id = created.evaluation.id;
  const deadline = await setDeadline(deps, { evaluationId: id, actor: importer, deadline: '2026-10-09' });
  if (!deadline.ok) throw new Error(deadline.message);
  const started = await startCollection(deps, { evaluationId: id, actor: importer });
  if (!started.ok) throw new Error(started.message);
  return { evaluation: started.evaluation, answers };
}

/** Every owner answers as the seed did (a reason where the rules ask for one), then the admin approves all. */
export async function answerAndApprove(deps: CollectionDeps, evaluation: EvaluationView, answers: EvaluationInput, importer = IMPORTER) {
  for (const item of evaluation.items) {
    const row = item.kind === 'budget' ? null : answers.indicators[item.position - 1]!;
    const actual = row ? String(row.actual) : String(answers.budget.executed);
    const given = row ? (row.deviationReason ?? undefined) : (answers.budget.deviationReason ?? undefined);
    const send = (deviationReason?: string) =>
      submitValue(deps, { itemId: item.id, actor: item.owner.openId!, expectedVersion: item.value.version, actual, deviationReason });
    let r = await send(given);
    if (!r.ok && r.code === 'deviation_required') r = await send('资金按计划使用，部分支出跨年度结算；下一年度加快执行进度。');
    if (!r.ok) throw new Error(`${item.name}: ${r.message}`);
  }
  const current = (await getEvaluation(deps.db, evaluation.id))!;
  const approved = await approveItems(deps, { actor: importer, items: current.items.map((i) => ({ itemId: i.id, expectedVersion: i.value.version })) });
  const refused = approved.results.filter((r) => !r.outcome.ok);
  if (refused.length > 0) throw new Error(`approval refused: ${JSON.stringify(refused)}`);
  return (await getEvaluation(deps.db, evaluation.id))!;
}
