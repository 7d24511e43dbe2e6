import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  approveItems,
  getEvaluation,
  getProgress,
  lockEvaluation,
  pendingItemsForOwner,
  reopenEvaluation,
  returnItem,
  reviewBatches,
  submitValue,
  type CollectionDeps,
  type EvaluationView,
  type ItemView,
} from '../../../../src/features/collection/service';
import { listHistory } from '../../../../src/storage/repositories/collection/history';
import { IMPORTER, indicatorNamed, openIdOf, openTestDeps, startedT1, TENANT } from '../../../helpers/collection';

let deps: CollectionDeps;
let close: () => Promise<void>;
let clock: Awaited<ReturnType<typeof openTestDeps>>['clock'];
let evaluation: EvaluationView;

beforeEach(async () => {
  ({ deps, close, clock } = await openTestDeps());
  ({ evaluation } = await startedT1(deps));
});
afterEach(() => close());

async function submit(item: ItemView, actual: string, expectedVersion = 0, deviationReason?: string) {
  const r = await submitValue(deps, { itemId: item.id, actor: item.owner.openId!, expectedVersion, actual, deviationReason });
  if (!r.ok) throw new Error(r.message);
  return r.item;
}

describe('review', () => {
  it('batches submitted rows per owner, approves them, and refuses people who are not admins', async () => {
    const a = await submit(indicatorNamed(evaluation, '参加处非联办'), '2'); // 张伟
    const b = await submit(indicatorNamed(evaluation, '非法集资风险情况报送频次'), '12'); // 张伟
    const c = await submit(indicatorNamed(evaluation, '重点企业监测数量'), '21'); // 张伟
    await submit(indicatorNamed(evaluation, '对小额贷款公司'), '25'); // 王芳
    const view = (await getEvaluation(deps.db, evaluation.id))!;
    expect(reviewBatches(view).map((batch) => [batch.ownerName, batch.items.length])).toEqual([
      ['张伟', 3],
      ['王芳', 1],
    ]);

    const denied = await approveItems(deps, { actor: openIdOf('李娜'), items: [{ itemId: a.id, expectedVersion: 1 }] });
    expect(denied.results[0]!.outcome).toMatchObject({ ok: false, code: 'forbidden' });

    const approved = await approveItems(deps, {
      actor: IMPORTER,
      items: [a, b, c].map((i) => ({ itemId: i.id, expectedVersion: i.value.version })),
    });
    expect(approved.results.map((r) => r.outcome.ok && r.outcome.item.value.status)).toEqual(['approved', 'approved', 'approved']);
    // A double click on 通过 changes nothing and fails nothing.
    const again = await approveItems(deps, { actor: IMPORTER, items: [{ itemId: a.id, expectedVersion: 2 }] });
    expect(again.results[0]!.outcome).toMatchObject({ ok: true, item: { value: { status: 'approved', version: 2 } } });
    expect((await listHistory(deps.db, evaluation.id, a.id)).map((h) => h.action)).toEqual(['submit', 'approve']);
  });

  it('does not approve a value the admin has not seen', async () => {
    const row = indicatorNamed(evaluation, '重点企业监测数量');
    const first = await submit(row, '21');
    await submit(row, '22', first.value.version, '新增两家重点企业');
    const stale = await approveItems(deps, { actor: IMPORTER, items: [{ itemId: row.id, expectedVersion: first.value.version }] });
    expect(stale.results[0]!.outcome).toMatchObject({ ok: false, code: 'conflict', current: { value: { actual: '22' } } });
  });

  it('退回 needs a comment; the row goes back to its owner, who resubmits; the history tells the story', async () => {
    const row = indicatorNamed(evaluation, '线上企业监测覆盖率'); // ≥80%, 李娜
    const owner = row.owner.openId!;
    const submitted = await submit(row, '80%');

    expect(await returnItem(deps, { itemId: row.id, actor: IMPORTER, expectedVersion: 1, comment: '  ' })).toMatchObject({
      ok: false,
      code: 'invalid_input',
      field: 'comment',
    });
    clock.advance(60_000);
    const returned = await returnItem(deps, { itemId: row.id, actor: IMPORTER, expectedVersion: submitted.value.version, comment: '请核对监测平台的年底数据' });
    expect(returned).toMatchObject({ ok: true, item: { value: { status: 'returned', reviewComment: '请核对监测平台的年底数据', version: 2 } } });

    const mine = await pendingItemsForOwner(deps.db, { tenantKey: TENANT, openId: owner });
    expect(mine[0]!.items.map((i) => i.id)).toContain(row.id);
    expect((await getProgress(deps.db, evaluation.id))!.returned).toBe(1);

    clock.advance(60_000);
    const resubmitted = await submitValue(deps, { itemId: row.id, actor: owner, expectedVersion: 2, actual: '82%' });
    expect(resubmitted).toMatchObject({ ok: true, item: { value: { status: 'submitted', actual: '82%', version: 3 } } });
    clock.advance(60_000);
    await approveItems(deps, { actor: IMPORTER, items: [{ itemId: row.id, expectedVersion: 3 }] });

    const history = await listHistory(deps.db, evaluation.id, row.id);
    expect(history.map((h) => [h.action, h.actor_open_id, h.version, h.at, h.comment])).toEqual([
      ['submit', owner, 1, '2026-09-24T02:00:00.000Z', null],
      ['return', IMPORTER, 2, '2026-09-24T02:01:00.000Z', '请核对监测平台的年底数据'],
      ['resubmit', owner, 3, '2026-09-24T02:02:00.000Z', null],
      ['approve', IMPORTER, 4, '2026-09-24T02:03:00.000Z', null],
    ]);
    expect(history.map((h) => JSON.parse(h.after_json!).actual)).toEqual(['80%', '80%', '82%', '82%']);
    expect(history.map((h) => JSON.parse(h.before_json!).status)).toEqual(['pending', 'submitted', 'returned', 'submitted']);
  });

  it('cannot approve what nobody answered yet', async () => {
    const row = indicatorNamed(evaluation, '线上企业监测覆盖率');
    const r = await approveItems(deps, { actor: IMPORTER, items: [{ itemId: row.id, expectedVersion: 0 }] });
    expect(r.results[0]!.outcome).toMatchObject({ ok: false, code: 'invalid_input', message: expect.stringContaining('待填写') });
  });
});

describe('lock and reopen', () => {
  it('locks (admins only); a locked evaluation takes no answers until an admin reopens it', async () => {
    const row = indicatorNamed(evaluation, '重点企业监测数量');
    await submit(row, '21');
    expect(await lockEvaluation(deps, { evaluationId: evaluation.id, actor: row.owner.openId! })).toMatchObject({ ok: false, code: 'forbidden' });
    const locked = await lockEvaluation(deps, { evaluationId: evaluation.id, actor: IMPORTER });
    expect(locked).toMatchObject({ ok: true, evaluation: { status: 'final', lockedBy: IMPORTER }, unanswered: 13, unreviewed: 1 });
    expect(await lockEvaluation(deps, { evaluationId: evaluation.id, actor: IMPORTER })).toMatchObject({ ok: false, code: 'wrong_status' });

    const refused = await submitValue(deps, { itemId: row.id, actor: row.owner.openId!, expectedVersion: 1, actual: '22', deviationReason: 'x' });
    expect(refused).toMatchObject({ ok: false, code: 'wrong_status', message: expect.stringContaining('需要管理员重新开放') });
    expect(await returnItem(deps, { itemId: row.id, actor: IMPORTER, expectedVersion: 1, comment: '改' })).toMatchObject({ ok: false, code: 'wrong_status' });
    expect(await pendingItemsForOwner(deps.db, { tenantKey: TENANT, openId: openIdOf('李娜') })).toEqual([]);

    expect(await reopenEvaluation(deps, { evaluationId: evaluation.id, actor: openIdOf('李娜') })).toMatchObject({ ok: false, code: 'forbidden' });
    const reopened = await reopenEvaluation(deps, { evaluationId: evaluation.id, actor: IMPORTER, reason: '补报数据' });
    expect(reopened).toMatchObject({ ok: true, evaluation: { status: 'collecting', lockedAt: null } });
    expect((await submitValue(deps, { itemId: row.id, actor: row.owner.openId!, expectedVersion: 1, actual: '22', deviationReason: '新增' })).ok).toBe(true);

    const actions = (await listHistory(deps.db, evaluation.id)).map((h) => h.action);
    expect(actions).toEqual(['import', 'set_deadline', 'start', 'submit', 'lock', 'reopen', 'revise']);
  });
});

describe('progress', () => {
  it('counts answers and lists who is still pending, most first', async () => {
    await submit(indicatorNamed(evaluation, '参加处非联办'), '2');
    await submit(indicatorNamed(evaluation, '重点企业监测数量'), '21');
    const progress = (await getProgress(deps.db, evaluation.id))!;
    expect(progress).toMatchObject({ total: 14, answered: 2, pending: 12, submitted: 2, approved: 0, returned: 0, unassigned: 0 });
    expect(progress.waitingOn.map((o) => [o.name, o.open, o.total])).toEqual([
      ['李娜', 4, 4],
      ['王芳', 4, 4],
      ['张伟', 3, 5],
      ['刘洋', 1, 1],
    ]);
  });
});

describe('writes racing a lock', () => {
  it('an answer or review write lands only while the evaluation is open, checked in the same statement', async () => {
    const { updateValueWhileOpen } = await import('../../../../src/storage/repositories/collection/items');
    const row = indicatorNamed(evaluation, '重点企业监测数量');
    const item = await submit(row, '21');
    const write = () =>
      updateValueWhileOpen(deps.db, evaluation.id, item.id, item.value.version, { status: 'returned', review_comment: '请核实' }).executeTakeFirst();
    // the lock commits between the reviewer's checks and their write
    await deps.db.updateTable('evaluations').set({ status: 'final' }).where('id', '=', evaluation.id).execute();
    expect(Number((await write()).numUpdatedRows)).toBe(0);
    await deps.db.updateTable('evaluations').set({ status: 'reviewing' }).where('id', '=', evaluation.id).execute();
    expect(Number((await write()).numUpdatedRows)).toBe(1);
  });
});
