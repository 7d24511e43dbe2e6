import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  findEvaluationsInChat,
  itemsOfOwner,
  lockEvaluation,
  pendingItemsForOwner,
  type CollectionDeps,
} from '../../../../src/features/collection/service';
import { createEvaluation, resolveOwners } from '../../../../src/features/collection/service';
import { IMPORTER, MEMBERS, openIdOf, openTestDeps, startedT1, t1ForCollection, TENANT, CHAT } from '../../../helpers/collection';

let deps: CollectionDeps;
let close: () => Promise<void>;
let clock: Awaited<ReturnType<typeof openTestDeps>>['clock'];

beforeEach(async () => {
  ({ deps, close, clock } = await openTestDeps());
});
afterEach(() => close());

describe('finding evaluations and work', () => {
  it('lists a group’s evaluations newest first, narrowed by status, and never another tenant’s', async () => {
    const first = await startedT1(deps);
    clock.advance(60_000);
    const second = await startedT1(deps);
    clock.advance(60_000);
    const { input } = t1ForCollection();
    const owners = await resolveOwners(input.indicators.map((i) => i.owner), { members: MEMBERS });
    await createEvaluation(deps, { tenantKey: 'other_tenant', chatId: CHAT, importerOpenId: IMPORTER, input, owners });
    await lockEvaluation(deps, { evaluationId: first.evaluation.id, actor: IMPORTER });

    const all = await findEvaluationsInChat(deps.db, { tenantKey: TENANT, chatId: CHAT });
    expect(all.map((e) => e.id)).toEqual([second.evaluation.id, first.evaluation.id]);
    const running = await findEvaluationsInChat(deps.db, { tenantKey: TENANT, chatId: CHAT, statuses: ['collecting', 'reviewing'] });
    expect(running.map((e) => e.id)).toEqual([second.evaluation.id]);
    expect(await findEvaluationsInChat(deps.db, { tenantKey: TENANT, chatId: 'oc_elsewhere' })).toEqual([]);
  });

  it('gives an owner their open rows across running evaluations, oldest evaluation first, in table order', async () => {
    const first = await startedT1(deps);
    clock.advance(60_000);
    const second = await startedT1(deps);
    const li = openIdOf('李娜');
    const work = await pendingItemsForOwner(deps.db, { tenantKey: TENANT, openId: li });
    expect(work.map((w) => w.evaluation.id)).toEqual([first.evaluation.id, second.evaluation.id]);
    expect(work[0]!.items.map((i) => i.position)).toEqual([2, 5, 8, 11]);
    expect(itemsOfOwner(first.evaluation, li).map((i) => i.position)).toEqual([2, 5, 8, 11]);
    expect(await pendingItemsForOwner(deps.db, { tenantKey: 'other_tenant', openId: li })).toEqual([]);
  });

  it('asks nothing of owners while the evaluation is still a draft', async () => {
    const { input } = t1ForCollection();
    const owners = await resolveOwners(input.indicators.map((i) => i.owner), { members: MEMBERS });
    await createEvaluation(deps, { tenantKey: TENANT, chatId: CHAT, importerOpenId: IMPORTER, input, owners });
    expect(await pendingItemsForOwner(deps.db, { tenantKey: TENANT, openId: openIdOf('王芳') })).toEqual([]);
  });
});
