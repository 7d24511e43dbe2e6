import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addAdmin,
  assignOwner,
  createEvaluation,
  getEvaluation,
  removeAdmin,
  resolveOwners,
  setDeadline,
  setItemDueDate,
  startCollection,
  type CollectionDeps,
} from '../../../../src/features/collection/service';
import { listHistory } from '../../../../src/storage/repositories/collection/history';
import { IMPORTER, importT1, MEMBERS, openIdOf, openTestDeps, startedT1, t1ForCollection, TENANT, CHAT } from '../../../helpers/collection';

let deps: CollectionDeps;
let close: () => Promise<void>;
let clock: Awaited<ReturnType<typeof openTestDeps>>['clock'];

beforeEach(async () => {
  ({ deps, close, clock } = await openTestDeps());
});
afterEach(() => close());

describe('importing a table', () => {
  it('stores 003-T1 as a draft: header, budget line owned by the importer, 13 indicators with their owners', async () => {
    const { evaluation, ownerIssues, input } = await importT1(deps);
    expect(ownerIssues).toEqual([]);
    expect(evaluation).toMatchObject({
      tenantKey: TENANT,
      chatId: CHAT,
      status: 'draft',
      project: { name: '金融监管专项经费', department: '自治区地方金融监督管理局', year: '2019' },
      budget: { initial: '105', fullYear: '105' },
      ruleProfile: 'mof-2020',
      deadline: null,
      importerOpenId: IMPORTER,
      admins: [IMPORTER],
      sourceFileName: '003-t1.xlsx',
    });
    expect(evaluation.items).toHaveLength(14);
    expect(evaluation.items[0]).toMatchObject({ kind: 'budget', position: 0, weight: 10, target: '105', owner: { openId: IMPORTER, name: '刘洋' } });
    const rows = evaluation.items.slice(1);
    expect(rows.map((r) => [r.name, r.target, r.weight])).toEqual(input.indicators.map((r) => [r.name, r.target, Number(r.weight)]));
    expect(rows.map((r) => r.owner.name)).toEqual(input.indicators.map((r) => r.owner));
    expect(rows.every((r) => r.value.status === 'pending' && r.value.version === 0 && r.value.actual === null)).toBe(true);
    expect(rows.find((r) => r.target === '有效提高')?.targetKind).toBe('qualitative');
    expect(rows[0]?.targetKind).toBe('positive');

    const history = await listHistory(deps.db, evaluation.id);
    expect(history.map((h) => [h.action, h.actor_open_id])).toEqual([['import', IMPORTER]]);
  });

  it('lists owners it could not match — unknown, shared by two people, or missing — without guessing', async () => {
    const { input } = t1ForCollection();
    input.indicators[0]!.owner = '赵敏';
    input.indicators[1]!.owner = '张伟';
    input.indicators[2]!.owner = null;
    const members = [...MEMBERS, { openId: 'ou_zhangwei0002', name: '张伟' }];
    const owners = await resolveOwners(input.indicators.map((i) => i.owner), { members });
    const { evaluation, ownerIssues } = await createEvaluation(deps, { tenantKey: TENANT, chatId: CHAT, importerOpenId: IMPORTER, input, owners });

    // Every 张伟 row is ambiguous now, not just the one we edited.
    const zhang = input.indicators.filter((i) => i.owner === '张伟').length;
    expect(ownerIssues.map((i) => i.resolution.status).sort()).toEqual(
      ['missing', 'not_found', ...Array(zhang).fill('ambiguous')].sort(),
    );
    const row1 = evaluation.items[1]!;
    expect(row1.owner).toEqual({ raw: '赵敏', openId: null, name: null, problem: 'not_found', candidates: [] });
    expect(evaluation.items[2]!.owner.problem).toBe('ambiguous');
    expect(evaluation.items[2]!.owner.candidates.map((c) => c.openId)).toEqual(['ou_zhangwei0001', 'ou_zhangwei0002']);
    expect(evaluation.items[3]!.owner).toMatchObject({ raw: null, openId: null, problem: 'missing' });

    await setDeadline(deps, { evaluationId: evaluation.id, actor: IMPORTER, deadline: '2026-10-09' });
    const refused = await startCollection(deps, { evaluationId: evaluation.id, actor: IMPORTER });
    expect(refused).toMatchObject({ ok: false, code: 'invalid_input', field: 'owner' });
    expect(refused.ok ? '' : refused.message).toContain('第1项“参加处非联办举行的业务培训交流会”（赵敏）');

    // The importer settles each row with the person picker; then collection can start.
    for (const issue of ownerIssues) {
      const done = await assignOwner(deps, { itemId: issue.itemId, actor: IMPORTER, openId: 'ou_zhangwei0002', name: '张伟' });
      expect(done.ok).toBe(true);
    }
    const started = await startCollection(deps, { evaluationId: evaluation.id, actor: IMPORTER });
    expect(started.ok).toBe(true);
    const history = await listHistory(deps.db, evaluation.id);
    expect(history.filter((h) => h.action === 'assign_owner')).toHaveLength(ownerIssues.length);
    expect(JSON.parse(history.find((h) => h.action === 'assign_owner')!.before_json!)).toMatchObject({ owner: null, raw: '赵敏' });
  });
});

describe('the table’s own 截止日期', () => {
  it('is kept when readable, with a note when it has passed or cannot be read', async () => {
    const { input } = t1ForCollection();
    const owners = await resolveOwners(input.indicators.map((i) => i.owner), { members: MEMBERS });
    const create = (deadline: string) => createEvaluation(deps, { tenantKey: TENANT, chatId: CHAT, importerOpenId: IMPORTER, input, owners, deadline });
    expect(await create('2026年10月9日')).toMatchObject({ evaluation: { deadline: '2026-10-09' }, notes: [] });
    expect(await create('2019-12-31')).toMatchObject({ evaluation: { deadline: '2019-12-31' }, notes: [expect.stringContaining('已经过去')] });
    expect(await create('年底前')).toMatchObject({ evaluation: { deadline: null }, notes: [expect.stringContaining('“年底前”无法识别')] });
  });
});

describe('settings on the preview card', () => {
  it('lets only admins change settings, and the importer add and remove admins', async () => {
    const { evaluation } = await importT1(deps);
    const stranger = openIdOf('李娜');
    expect(await setDeadline(deps, { evaluationId: evaluation.id, actor: stranger, deadline: '2026-10-09' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await assignOwner(deps, { itemId: evaluation.items[1]!.id, actor: stranger, openId: stranger })).toMatchObject({ ok: false, code: 'forbidden' });

    const added = await addAdmin(deps, { evaluationId: evaluation.id, actor: IMPORTER, openId: stranger });
    expect(added.ok && added.evaluation.admins).toEqual([IMPORTER, stranger]);
    expect(added.ok && added.evaluation.version).toBe(evaluation.version + 1);
    expect((await setDeadline(deps, { evaluationId: evaluation.id, actor: stranger, deadline: '2026-10-09' })).ok).toBe(true);

    expect(await removeAdmin(deps, { evaluationId: evaluation.id, actor: stranger, openId: IMPORTER })).toMatchObject({ ok: false, code: 'invalid_input' });
    const removed = await removeAdmin(deps, { evaluationId: evaluation.id, actor: IMPORTER, openId: stranger });
    expect(removed.ok && removed.evaluation.admins).toEqual([IMPORTER]);
    const actions = (await listHistory(deps.db, evaluation.id)).map((h) => h.action);
    expect(actions).toEqual(['import', 'add_admin', 'set_deadline', 'remove_admin']);
  });

  it('reads deadlines as people and the date picker write them, and refuses past or impossible days', async () => {
    const { evaluation } = await importT1(deps);
    const set = (deadline: string) => setDeadline(deps, { evaluationId: evaluation.id, actor: IMPORTER, deadline });
    expect(await set('2026年10月9日')).toMatchObject({ ok: true, evaluation: { deadline: '2026-10-09' } });
    expect(await set('2026-10-12 +0800')).toMatchObject({ ok: true, evaluation: { deadline: '2026-10-12' } });
    expect(await set('2026/2/30')).toMatchObject({ ok: false, field: 'deadline', message: expect.stringContaining('没有 2026年2月30日') });
    expect(await set('下周五')).toMatchObject({ ok: false, field: 'deadline', message: expect.stringContaining('2026-09-30') });
    // 2026-09-24 02:00 UTC is already 10:00 on the 24th in China: the 23rd is past, the 24th is not.
    expect(await set('2026-09-23')).toMatchObject({ ok: false, field: 'deadline' });
    expect((await set('2026-09-24')).ok).toBe(true);
  });
});

describe('a row due earlier', () => {
  it('takes a date no later than the evaluation deadline, and can be cleared', async () => {
    const { evaluation } = await importT1(deps);
    const budget = evaluation.items[0]!;
    await setDeadline(deps, { evaluationId: evaluation.id, actor: IMPORTER, deadline: '2026-10-09' });
    expect(await setItemDueDate(deps, { itemId: budget.id, actor: openIdOf('张伟'), dueDate: '2026-09-30' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await setItemDueDate(deps, { itemId: budget.id, actor: IMPORTER, dueDate: '2026-10-10' })).toMatchObject({ ok: false, field: 'deadline', message: expect.stringContaining('2026-10-09') });
    expect(await setItemDueDate(deps, { itemId: budget.id, actor: IMPORTER, dueDate: '2026-09-30' })).toMatchObject({ ok: true, item: { dueDate: '2026-09-30' } });
    expect(await setItemDueDate(deps, { itemId: budget.id, actor: IMPORTER, dueDate: null })).toMatchObject({ ok: true, item: { dueDate: null } });
    const records = (await listHistory(deps.db, evaluation.id, budget.id)).map((h) => [h.action, JSON.parse(h.after_json!).dueDate]);
    expect(records).toEqual([
      ['set_due_date', '2026-09-30'],
      ['set_due_date', null],
    ]);
  });
});

describe('开始收集', () => {
  it('needs a deadline, then hands back each owner with their rows in table order', async () => {
    const { evaluation } = await importT1(deps);
    expect(await startCollection(deps, { evaluationId: evaluation.id, actor: IMPORTER })).toMatchObject({ ok: false, field: 'deadline' });
    await setDeadline(deps, { evaluationId: evaluation.id, actor: IMPORTER, deadline: '2026-10-09' });
    expect(await startCollection(deps, { evaluationId: evaluation.id, actor: openIdOf('张伟') })).toMatchObject({ ok: false, code: 'forbidden' });

    const started = await startCollection(deps, { evaluationId: evaluation.id, actor: IMPORTER });
    if (!started.ok) throw new Error(started.message);
    expect(started.evaluation.status).toBe('collecting');
    const positions = (openId: string) => started.owners.find((o) => o.openId === openId)!.itemIds.map((id) => evaluation.items.find((i) => i.id === id)!.position);
    expect(started.owners.map((o) => o.name)).toEqual(['刘洋', '张伟', '李娜', '王芳']);
    expect(positions(IMPORTER)).toEqual([0]);
    expect(positions(openIdOf('张伟'))).toEqual([1, 4, 7, 10, 13]);
    expect(positions(openIdOf('李娜'))).toEqual([2, 5, 8, 11]);
    expect(positions(openIdOf('王芳'))).toEqual([3, 6, 9, 12]);

    // A second press (another admin, a double click) starts nothing twice.
    expect(await startCollection(deps, { evaluationId: evaluation.id, actor: IMPORTER })).toMatchObject({ ok: false, code: 'wrong_status' });
    const history = await listHistory(deps.db, evaluation.id);
    expect(history.filter((h) => h.action === 'start')).toHaveLength(1);
  });

  it('refuses to start when the deadline passed while the draft waited', async () => {
    const { evaluation } = await importT1(deps);
    await setDeadline(deps, { evaluationId: evaluation.id, actor: IMPORTER, deadline: '2026-09-25' });
    clock.set('2026-09-26T01:00:00Z');
    expect(await startCollection(deps, { evaluationId: evaluation.id, actor: IMPORTER })).toMatchObject({ ok: false, field: 'deadline' });
    expect((await getEvaluation(deps.db, evaluation.id))!.status).toBe('draft');
  });

  it('is reached by the shared helper used by the other tests', async () => {
    const { evaluation } = await startedT1(deps);
    expect(evaluation.status).toBe('collecting');
  });
});
