import { env } from 'cloudflare:workers';
import { importEvaluation, setDeadline, startCollection, type CollectionDeps, type EvaluationView } from '../../src/features/collection/service';
import { evaluationInputSchema, type EvaluationInput } from '../../src/domain/evaluation';
import { createFakeLark } from '../../src/fake-lark';
import type { Clock } from '../../src/platform/clock';
import t1 from '../fixtures/seeds/003-t1.json';

/** Shanghai wall time as an instant. */
export const sh = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);

export const TENANT = 'tenant-workerd';
export const IMPORTER = 'ou_wd_importer01';
export const MEMBERS = [
  { openId: IMPORTER, name: '刘洋' },
  { openId: 'ou_wd_zhangwei01', name: '张伟' },
  { openId: 'ou_wd_lina000001', name: '李娜' },
  { openId: 'ou_wd_wangfang01', name: '王芳' },
];
export const openIdOf = (name: string) => MEMBERS.find((m) => m.name === name)!.openId;

export const seedT1: EvaluationInput = evaluationInputSchema.parse(t1);

/** 003-T1 as the clerk hands it to the bot: owners per row, no answers yet. */
export function blankT1(): EvaluationInput {
  const names = ['张伟', '李娜', '王芳'];
  return {
    ...seedT1,
    budget: { ...seedT1.budget, executed: null, deviationReason: null, printedScore: null, printedRate: null },
    indicators: seedT1.indicators.map((r, i) => ({ level1: r.level1, level2: r.level2, name: r.name, target: r.target, weight: r.weight, owner: names[i % 3]! })),
    printedTotal: null,
  };
}

/** The fake Lark playing this Worker's app (same id, secret, token and Encrypt Key as the test bindings). */
export function fakeLarkForWorker(clock: Clock, chatId: string) {
  const fake = createFakeLark({
    clock,
    appId: env.LARK_APP_ID,
    appSecret: env.LARK_APP_SECRET,
    verificationToken: env.LARK_VERIFICATION_TOKEN,
    encryptKey: env.LARK_ENCRYPT_KEY,
    tenantKey: TENANT,
    limits: { enforce: false },
  });
  for (const m of MEMBERS) fake.addUser({ openId: m.openId, name: m.name });
  fake.addChat({ chatId, name: '绩效自评群', members: MEMBERS.map((m) => m.openId) });
  return fake;
}

/** 003-T1 imported into `chatId` and started, deadline Friday 2026-10-09. */
export async function startT1(deps: CollectionDeps, chatId: string): Promise<EvaluationView> {
  const { evaluation } = await importEvaluation(deps, {
    tenantKey: TENANT,
    chatId,
    importerOpenId: IMPORTER,
    input: blankT1(),
    directory: { members: MEMBERS },
    sourceFileName: '003-t1.xlsx',
  });
  const deadline = await setDeadline(deps, { evaluationId: evaluation.id, actor: IMPORTER, deadline: '2026-10-09' });
  if (!deadline.ok) throw new Error(deadline.message);
  const started = await startCollection(deps, { evaluationId: evaluation.id, actor: IMPORTER });
  if (!started.ok) throw new Error(started.message);
  return started.evaluation;
}
