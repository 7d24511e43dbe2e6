import { atomic } from '../../../storage/atomic';
import { bumpEvaluation, deleteAdmin, getEvaluationRow, insertAdmin, isAdmin } from '../../../storage/repositories/collection/evaluations';
import { appendHistory } from '../../../storage/repositories/collection/history';
import { getItemRow, updateIndicator } from '../../../storage/repositories/collection/items';
import { parseDeadline, shanghaiDate } from '../../../platform/time';
import { isOpenId } from './open-id';
import { invalid, notAdmin, notFound, wrongStatus } from './refusals';
import type { CollectionDeps, EvaluationView, ItemView, Outcome } from './types';
import { getEvaluation, getItem } from './views';

/**
 * Settings an admin changes on the preview card (and later): deadline, admins, owners. Each change
 * bumps the evaluation's version (the preview card's `rev`) and is written to the history.
 */

export async function setDeadline(
  deps: CollectionDeps,
  req: { evaluationId: string; actor: string; deadline: string },
): Promise<Outcome<{ evaluation: EvaluationView }>> {
  const row = await getEvaluationRow(deps.db, req.evaluationId);
  if (!row) return notFound('评价');
  if (!(await isAdmin(deps.db, row.id, req.actor))) return notAdmin();
  if (row.status === 'final') return wrongStatus(row.status, '修改截止日期');
  const parsed = parseDeadline(req.deadline);
  if (!parsed.ok) return invalid('deadline', parsed.message);
  const now = deps.clock.now();
  if (parsed.date < shanghaiDate(now)) return invalid('deadline', `截止日期 ${parsed.date} 已经过去，请选择今天或以后的日期。`);
  const at = now.toISOString();
  await atomic(deps.db, [
    { query: bumpEvaluation(deps.db, row.id, { deadline: parsed.date, updated_at: at }), expect: 1 },
    {
      query: appendHistory(deps.db, {
        evaluationId: row.id,
        action: 'set_deadline',
        actor: req.actor,
        at,
        before: { deadline: row.deadline },
        after: { deadline: parsed.date },
      }),
    },
  ]);
  return { ok: true, evaluation: (await getEvaluation(deps.db, row.id))! };
}

export async function addAdmin(
  deps: CollectionDeps,
  req: { evaluationId: string; actor: string; openId: string },
): Promise<Outcome<{ evaluation: EvaluationView }>> {
  const row = await getEvaluationRow(deps.db, req.evaluationId);
  if (!row) return notFound('评价');
  if (!(await isAdmin(deps.db, row.id, req.actor))) return notAdmin();
  if (await isAdmin(deps.db, row.id, req.openId)) return { ok: true, evaluation: (await getEvaluation(deps.db, row.id))! };
  const at = deps.clock.now().toISOString();
  await atomic(deps.db, [
    { query: insertAdmin(deps.db, { evaluation_id: row.id, open_id: req.openId, role: 'admin', added_by: req.actor, added_at: at }), expect: 1 },
    { query: bumpEvaluation(deps.db, row.id, { updated_at: at }), expect: 1 },
    { query: appendHistory(deps.db, { evaluationId: row.id, action: 'add_admin', actor: req.actor, at, after: { admin: req.openId } }) },
  ]);
  return { ok: true, evaluation: (await getEvaluation(deps.db, row.id))! };
}

/** The importer stays an admin; only added admins can be removed. */
export async function removeAdmin(
  deps: CollectionDeps,
  req: { evaluationId: string; actor: string; openId: string },
): Promise<Outcome<{ evaluation: EvaluationView }>> {
  const row = await getEvaluationRow(deps.db, req.evaluationId);
  if (!row) return notFound('评价');
  if (!(await isAdmin(deps.db, row.id, req.actor))) return notAdmin();
  if (req.openId === row.importer_open_id) return invalid('owner', '导入人始终是管理员，不能移除。');
  if (!(await isAdmin(deps.db, row.id, req.openId))) return { ok: true, evaluation: (await getEvaluation(deps.db, row.id))! };
  const at = deps.clock.now().toISOString();
  await atomic(deps.db, [
    { query: deleteAdmin(deps.db, row.id, req.openId), expect: 1 },
    { query: bumpEvaluation(deps.db, row.id, { updated_at: at }), expect: 1 },
    { query: appendHistory(deps.db, { evaluationId: row.id, action: 'remove_admin', actor: req.actor, at, before: { admin: req.openId } }) },
  ]);
  return { ok: true, evaluation: (await getEvaluation(deps.db, row.id))! };
}

/**
 * Gives a row (or the budget line) to a person — from the preview card's person picker, or a hand-over.
 * Allowed until the evaluation is locked; the value already given stays with the row.
 */
export async function assignOwner(
  deps: CollectionDeps,
  req: { itemId: string; actor: string; openId: string; name?: string | null; action?: string },
): Promise<Outcome<{ item: ItemView }>> {
  const item = await getItemRow(deps.db, req.itemId);
  if (!item) return notFound('指标');
  const row = await getEvaluationRow(deps.db, item.evaluation_id);
  if (!row) return notFound('评价');
  if (!(await isAdmin(deps.db, row.id, req.actor))) return notAdmin();
  if (row.status === 'final') return wrongStatus(row.status, '更换责任人');
  if (!isOpenId(req.openId)) return invalid('owner', '请从成员列表中选择责任人。');
  const at = deps.clock.now().toISOString();
  await atomic(deps.db, [
    {
      query: updateIndicator(deps.db, item.id, {
        owner_open_id: req.openId,
        owner_name: req.name ?? null,
        owner_problem: null,
        owner_candidates_json: null,
      }),
      expect: 1,
    },
    { query: bumpEvaluation(deps.db, row.id, { updated_at: at }), expect: 1 },
    {
      query: appendHistory(deps.db, {
        evaluationId: row.id,
        itemId: item.id,
        action: req.action ?? 'assign_owner',
        actor: req.actor,
        at,
        before: { owner: item.owner_open_id, name: item.owner_name, raw: item.owner_raw },
        after: { owner: req.openId, name: req.name ?? null },
      }),
    },
  ]);
  return { ok: true, item: (await getItem(deps.db, item.id))! };
}

/**
 * A row due earlier than the evaluation (e.g. the budget figure the finance office needs first).
 * `null` clears it; a row without its own date is due on the evaluation's deadline.
 */
export async function setItemDueDate(
  deps: CollectionDeps,
  req: { itemId: string; actor: string; dueDate: string | null },
): Promise<Outcome<{ item: ItemView }>> {
  const item = await getItemRow(deps.db, req.itemId);
  if (!item) return notFound('指标');
  const row = await getEvaluationRow(deps.db, item.evaluation_id);
  if (!row) return notFound('评价');
  if (!(await isAdmin(deps.db, row.id, req.actor))) return notAdmin();
  if (row.status === 'final') return wrongStatus(row.status, '修改截止日期');
  let dueDate: string | null = null;
  if (req.dueDate !== null) {
    const parsed = parseDeadline(req.dueDate);
    if (!parsed.ok) return invalid('deadline', parsed.message);
    if (parsed.date < shanghaiDate(deps.clock.now())) return invalid('deadline', `截止日期 ${parsed.date} 已经过去，请选择今天或以后的日期。`);
    if (row.deadline && parsed.date > row.deadline) {
      return invalid('deadline', `这一项的截止日期不能晚于整项评价的截止日期 ${row.deadline}。`);
    }
    dueDate = parsed.date;
  }
  const at = deps.clock.now().toISOString();
  await atomic(deps.db, [
    { query: updateIndicator(deps.db, item.id, { due_date: dueDate }), expect: 1 },
    { query: bumpEvaluation(deps.db, row.id, { updated_at: at }), expect: 1 },
    {
      query: appendHistory(deps.db, {
        evaluationId: row.id,
        itemId: item.id,
        action: 'set_due_date',
        actor: req.actor,
        at,
        before: { dueDate: item.due_date },
        after: { dueDate },
      }),
    },
  ]);
  return { ok: true, item: (await getItem(deps.db, item.id))! };
}
