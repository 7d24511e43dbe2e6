import { seed } from '../fixtures';
import type { EvaluationInput } from '../../src/domain/evaluation';
import { manualClock } from '../../src/platform/clock';
import { openSqlite } from '../../src/node/sqlite';
import {
  importEvaluation,
  setDeadline,
  startCollection,
  type CollectionDeps,
  type EvaluationView,
  type ItemView,
  type Member,
} from '../../src/features/collection/service';

/** A fresh in-memory database with every migration applied, and a clock the test moves by hand. */
export async function openTestDeps(start = '2026-09-24T02:00:00.000Z') {
  const { db, close } = await openSqlite(':memory:');
  const clock = manualClock(start);
  const deps: CollectionDeps = { db, clock };
  return { deps, db, clock, close };
}

/**
 * 003-T1 as the clerk would hand it to the bot: the seed's rows with a 责任人 per row and no answers yet
 * (actuals, printed scores and reasons are what owners will give through the cards).
 */
export function t1ForCollection(): { input: EvaluationInput; answers: EvaluationInput } {
  const answers = seed('003-t1');
  const owners = ['张伟', '李娜', '王芳'];
  const input: EvaluationInput = {
    ...answers,
    budget: { ...answers.budget, executed: null, deviationReason: null, printedScore: null, printedRate: null },
    indicators: answers.indicators.map((row, i) => ({
      level1: row.level1,
      level2: row.level2,
      name: row.name,
      target: row.target,
      weight: row.weight,
      owner: owners[i % owners.length]!,
    })),
    printedTotal: null,
  };
  return { input, answers };
}

export const IMPORTER = 'ou_importer0001';
export const MEMBERS: Member[] = [
  { openId: IMPORTER, name: '刘洋' },
  { openId: 'ou_zhangwei0001', name: '张伟' },
  { openId: 'ou_lina00000001', name: '李娜' },
  { openId: 'ou_wangfang0001', name: '王芳' },
];
export const openIdOf = (name: string) => MEMBERS.find((m) => m.name === name)!.openId;


export const TENANT = 'tenant_test';
export const CHAT = 'oc_group0001';

/** 003-T1 imported into the group by IMPORTER, owners matched by name. Still a draft. */
export async function importT1(deps: CollectionDeps) {
  const { input, answers } = t1ForCollection();
  const created = await importEvaluation(deps, {
    tenantKey: TENANT,
    chatId: CHAT,
    importerOpenId: IMPORTER,
    input,
    directory: { members: MEMBERS },
    sourceFileName: '003-t1.xlsx',
  });
  return { ...created, input, answers };
}

/** 003-T1 imported, deadline set, collection started. */
export async function startedT1(deps: CollectionDeps) {
  const imported = await importT1(deps);
  const id = imported.evaluation.id;
  const deadline = await setDeadline(deps, { evaluationId: id, actor: IMPORTER, deadline: '2026-10-09' });
  if (!deadline.ok) throw new Error(deadline.message);
  const started = await startCollection(deps, { evaluationId: id, actor: IMPORTER });
  if (!started.ok) throw new Error(started.message);
  return { ...imported, evaluation: started.evaluation, owners: started.owners };
}

export function indicatorNamed(evaluation: EvaluationView, fragment: string): ItemView {
  const hits = evaluation.items.filter((i) => i.name.includes(fragment));
  if (hits.length !== 1) throw new Error(`${hits.length} rows match ${fragment}`);
  return hits[0]!;
}
