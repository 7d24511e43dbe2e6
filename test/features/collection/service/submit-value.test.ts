import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  exportEvaluation,
  getEvaluation,
  getItem,
  markSummaryPosted,
  pendingItemsForOwner,
  submitValue,
  type CollectionDeps,
  type EvaluationView,
} from '../../../../src/features/collection/service';
import { listHistory } from '../../../../src/storage/repositories/collection/history';
import { IMPORTER, indicatorNamed, openIdOf, openTestDeps, startedT1, TENANT } from '../../../helpers/collection';

let deps: CollectionDeps;
let close: () => Promise<void>;
let evaluation: EvaluationView;

beforeEach(async () => {
  ({ deps, close } = await openTestDeps());
  ({ evaluation } = await startedT1(deps));
});
afterEach(() => close());

const zhang = () => openIdOf('张伟');

describe('submitting a value', () => {
  it('scores the owner’s answer, commits it with a history record, and bumps the version', async () => {
    const row = indicatorNamed(evaluation, '参加处非联办'); // ≥2次, 5 points, 张伟
    const result = await submitValue(deps, { itemId: row.id, actor: zhang(), expectedVersion: 0, actual: '2' });
    if (!result.ok) throw new Error(result.message);
    expect(result.scored).toMatchObject({ score: 5, deviationRequired: false });
    expect(result.item.value).toMatchObject({ status: 'submitted', actual: '2', score: 5, version: 1, submittedBy: zhang() });
    expect(result.item.value.explanation).toBe(result.scored.explanation);
    expect(result.changeNotice).toBeNull();

    const [record] = (await listHistory(deps.db, evaluation.id, row.id));
    expect(record).toMatchObject({ action: 'submit', actor_open_id: zhang(), version: 1, at: '2026-09-24T02:00:00.000Z' });
    expect(JSON.parse(record!.before_json!)).toMatchObject({ status: 'pending', actual: null, score: null });
    expect(JSON.parse(record!.after_json!)).toMatchObject({ status: 'submitted', actual: '2', score: 5 });
  });

  it('refuses a forwarded card pressed by someone else, but lets an admin fill in for the owner', async () => {
    const row = indicatorNamed(evaluation, '参加处非联办');
    const refused = await submitValue(deps, { itemId: row.id, actor: openIdOf('李娜'), expectedVersion: 0, actual: '2' });
    expect(refused).toMatchObject({ ok: false, code: 'forbidden', message: expect.stringContaining('由 张伟 填写') });
    const byAdmin = await submitValue(deps, { itemId: row.id, actor: IMPORTER, expectedVersion: 0, actual: '2' });
    expect(byAdmin.ok && byAdmin.item.value.submittedBy).toBe(IMPORTER);
  });

  it('asks for 偏差原因 exactly when the rules require it, keeping the typed value, and writes nothing until then', async () => {
    const row = indicatorNamed(evaluation, '召开小额贷款公司'); // ≥7次, actual 5 → 3.57 of 5
    const first = await submitValue(deps, { itemId: row.id, actor: row.owner.openId!, expectedVersion: 0, actual: '5', deviationReason: '  ' });
    if (first.ok || first.code !== 'deviation_required') throw new Error(`expected a deviation refusal, got ${JSON.stringify(first)}`);
    expect(first.why.length).toBeGreaterThan(0);
    expect(first.message).toContain('偏差原因分析及改进措施');
    expect(first.scored.score).toBe(3.57);
    expect((await getItem(deps.db, row.id))!.value).toMatchObject({ status: 'pending', version: 0, actual: null });
    expect(await listHistory(deps.db, evaluation.id, row.id)).toEqual([]);

    const reason = '在新疆外地计划举办的培训，因费用无法报销而未开展';
    const second = await submitValue(deps, { itemId: row.id, actor: row.owner.openId!, expectedVersion: 0, actual: '5', deviationReason: reason });
    expect(second).toMatchObject({ ok: true, item: { value: { score: 3.57, deviationReason: reason, version: 1 } } });
  });

  it('asks for an explanation of a large overshoot too (8 against ≥6 is 133 %)', async () => {
    const row = indicatorNamed(evaluation, '对全区非法集资工作督导检查');
    const owner = row.owner.openId!;
    const refused = await submitValue(deps, { itemId: row.id, actor: owner, expectedVersion: 0, actual: '8' });
    expect(refused).toMatchObject({ ok: false, code: 'deviation_required' });
    const ok = await submitValue(deps, { itemId: row.id, actor: owner, expectedVersion: 0, actual: '8', deviationReason: '专项整治期间加开两次督导' });
    expect(ok).toMatchObject({ ok: true, item: { value: { score: 5 } } });
  });

  it('requires the budget reason below 90 % execution and scores 57 of 105 as 5.43', async () => {
    const budget = evaluation.items[0]!;
    const refused = await submitValue(deps, { itemId: budget.id, actor: IMPORTER, expectedVersion: 0, actual: '57' });
    if (refused.ok || refused.code !== 'deviation_required') throw new Error('expected a deviation refusal');
    expect(refused.why).toContain('54.29%');
    const ok = await submitValue(deps, { itemId: budget.id, actor: IMPORTER, expectedVersion: 0, actual: '57', deviationReason: '部分培训未开展，经费结余' });
    expect(ok).toMatchObject({ ok: true, item: { value: { score: 5.43, actual: '57' } } });
    // 不适用 and a chosen score mean nothing for the budget line.
    const odd = await submitValue(deps, { itemId: budget.id, actor: IMPORTER, expectedVersion: 1, actual: '100', applicable: false, band: '达成', score: 3, deviationReason: '补记' });
    expect(odd).toMatchObject({ ok: true, item: { value: { applicable: true, band: null, manualScore: null, score: 9.52 } } });
  });

  it('explains bad input in Chinese and says what to type: empty, not a number, wrong unit', async () => {
    const row = indicatorNamed(evaluation, '重点企业监测数量'); // ≥20家
    const actor = row.owner.openId!;
    const empty = await submitValue(deps, { itemId: row.id, actor, expectedVersion: 0, actual: '   ' });
    expect(empty).toMatchObject({ ok: false, code: 'invalid_input', field: 'actual', message: expect.stringMatching(/请填写实际完成值.*例如：20/) });
    const words = await submitValue(deps, { itemId: row.id, actor, expectedVersion: 0, actual: '二十一家左右' });
    expect(words).toMatchObject({ ok: false, code: 'invalid_input', field: 'actual' });
    expect(words.ok ? '' : words.message).toMatch(/[\u4e00-\u9fa5]/);
    const unit = await submitValue(deps, { itemId: row.id, actor, expectedVersion: 0, actual: '21万元' });
    expect(unit).toMatchObject({ ok: false, code: 'invalid_input', field: 'actual' });
    const budget = await submitValue(deps, { itemId: evaluation.items[0]!.id, actor: IMPORTER, expectedVersion: 0, actual: '-3' });
    expect(budget).toMatchObject({ ok: false, code: 'invalid_input', field: 'actual' });
    expect((await getItem(deps.db, row.id))!.value.version).toBe(0);
  });

  it('takes a band for a qualitative row', async () => {
    const row = indicatorNamed(evaluation, '提高民众金融普法满意度'); // 有效提高, 10 points
    const result = await submitValue(deps, { itemId: row.id, actor: row.owner.openId!, expectedVersion: 0, actual: '普法宣传覆盖全区', band: '达成' });
    expect(result).toMatchObject({ ok: true, item: { value: { band: '达成', score: 10, actual: '普法宣传覆盖全区' } } });
  });

  it('asks for a score inside the band when a qualitative row is only partly achieved, and keeps it for the export', async () => {
    const row = indicatorNamed(evaluation, '提高民众金融普法满意度'); // 10 points: 部分达成 = 6–8
    const actor = row.owner.openId!;
    const noScore = await submitValue(deps, { itemId: row.id, actor, expectedVersion: 0, actual: '宣传覆盖一半地州', band: '部分达成' });
    expect(noScore).toMatchObject({ ok: false, code: 'invalid_input', field: 'score', message: expect.stringContaining('6–8') });
    const outside = await submitValue(deps, { itemId: row.id, actor, expectedVersion: 0, actual: '宣传覆盖一半地州', band: '部分达成', score: '9', deviationReason: 'x' });
    expect(outside).toMatchObject({ ok: false, code: 'invalid_input', field: 'score' });
    const noReason = await submitValue(deps, { itemId: row.id, actor, expectedVersion: 0, actual: '宣传覆盖一半地州', band: '部分达成', score: '7' });
    expect(noReason).toMatchObject({ ok: false, code: 'deviation_required' });
    const ok = await submitValue(deps, { itemId: row.id, actor, expectedVersion: 0, actual: '宣传覆盖一半地州', band: '部分达成', score: '7', deviationReason: '南疆地州宣传未覆盖' });
    expect(ok).toMatchObject({ ok: true, item: { value: { band: '部分达成', manualScore: '7', score: 7 } } });
    const exported = (await exportEvaluation(deps.db, evaluation.id))!;
    expect(exported.indicators.find((r) => r.name === row.name)).toMatchObject({ actual: '宣传覆盖一半地州', band: '部分达成', score: '7', deviationReason: '南疆地州宣传未覆盖' });
  });

  it('answers a card built from an older version with the current value instead of overwriting it', async () => {
    const row = indicatorNamed(evaluation, '重点企业监测数量');
    const actor = row.owner.openId!;
    await submitValue(deps, { itemId: row.id, actor, expectedVersion: 0, actual: '21' });
    const stale = await submitValue(deps, { itemId: row.id, actor, expectedVersion: 0, actual: '19', deviationReason: 'x' });
    if (stale.ok || stale.code !== 'conflict') throw new Error('expected a conflict');
    expect(stale.current.value).toMatchObject({ actual: '21', version: 1 });
    expect(stale.message).toContain('当前值：21');
  });

  it('never loses an update when two devices submit the same row at once: one wins, the other sees the winner', async () => {
    const row = indicatorNamed(evaluation, '重点企业监测数量');
    const actor = row.owner.openId!;
    const results = await Promise.all([
      submitValue(deps, { itemId: row.id, actor, expectedVersion: 0, actual: '21' }),
      submitValue(deps, { itemId: row.id, actor, expectedVersion: 0, actual: '22' }),
    ]);
    const winners = results.filter((r) => r.ok);
    const losers = results.filter((r) => !r.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toMatchObject([{ code: 'conflict' }]);
    const saved = (await getItem(deps.db, row.id))!;
    expect(winners[0]!.ok && winners[0]!.item.value.actual).toBe(saved.value.actual);
    expect(losers[0]!.ok === false && losers[0]!.code === 'conflict' && losers[0]!.current.value.actual).toBe(saved.value.actual);
    expect(await listHistory(deps.db, evaluation.id, row.id)).toHaveLength(1);
  });

  it('moves the evaluation to reviewing once every row is answered, and the owner’s list empties', async () => {
    const answers: Record<string, { actual?: string; band?: '达成'; reason?: string }> = {};
    for (const item of evaluation.items) {
      if (item.kind === 'budget') answers[item.id] = { actual: '105' };
      else if (item.targetKind === 'qualitative') answers[item.id] = { actual: '已完成', band: '达成' };
      else answers[item.id] = { actual: item.target.replace(/[^\d.%]/g, ''), reason: '按计划完成' };
    }
    expect((await pendingItemsForOwner(deps.db, { tenantKey: TENANT, openId: zhang() }))[0]!.items).toHaveLength(5);
    for (const [i, item] of evaluation.items.entries()) {
      const a = answers[item.id]!;
      const r = await submitValue(deps, { itemId: item.id, actor: item.owner.openId!, expectedVersion: 0, actual: a.actual, band: a.band, deviationReason: a.reason });
      if (!r.ok) throw new Error(`${item.name}: ${r.message}`);
      expect(r.evaluationStatus).toBe(i === evaluation.items.length - 1 ? 'reviewing' : 'collecting');
    }
    expect(await pendingItemsForOwner(deps.db, { tenantKey: TENANT, openId: zhang() })).toEqual([]);
    expect((await getEvaluation(deps.db, evaluation.id))!.status).toBe('reviewing');
  });

  it('returns a 变更 notice for the group when a value changes after the summary was posted', async () => {
    const row = indicatorNamed(evaluation, '重点企业监测数量');
    const actor = row.owner.openId!;
    await submitValue(deps, { itemId: row.id, actor, expectedVersion: 0, actual: '21' });
    await markSummaryPosted(deps, { evaluationId: evaluation.id, actor: 'bot' });
    const changed = await submitValue(deps, { itemId: row.id, actor, expectedVersion: 1, actual: '18', deviationReason: '两家企业注销' });
    expect(changed.ok && changed.changeNotice).toBe('变更：“重点企业监测数量”的实际完成值 21 → 18，得分 5 → 4.5（张伟）。汇总已发布，请管理员留意。');
    const actions = (await listHistory(deps.db, evaluation.id, row.id)).map((h) => h.action);
    expect(actions).toEqual(['submit', 'revise']);
  });

  it('refuses answers before collection starts', async () => {
    const { evaluation: other } = await (await import('../../../helpers/collection')).importT1(deps);
    const row = other.items[1]!;
    expect(await submitValue(deps, { itemId: row.id, actor: row.owner.openId!, expectedVersion: 0, actual: '2' })).toMatchObject({
      ok: false,
      code: 'wrong_status',
      message: expect.stringContaining('还没有开始收集'),
    });
  });
});
