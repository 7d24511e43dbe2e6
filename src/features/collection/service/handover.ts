import { assignOwner } from './settings';
import { atomic } from '../../../storage/atomic';
import { getEvaluationRow, isAdmin, listAdmins } from '../../../storage/repositories/collection/evaluations';
import { appendHistory } from '../../../storage/repositories/collection/history';
import { listItemNames, listOpenItemIdsForOwner } from '../../../storage/repositories/collection/items';
import { decideHandoverRequest, getHandoverRequest, insertHandoverRequest } from '../../../storage/repositories/collection/handover';
import type { HandoverRequestRow } from '../../../storage/tables/scheduler';
import type { CollectionDeps } from './types';

export interface HandoverRequested {
  requestId: string;
  evaluationId: string;
  title: string;
  itemIds: string[];
  itemNames: string[];
  admins: string[];
}

/**
 * 转交 <person>: the owner asks to hand every row they still have open (per running evaluation) to a
 * colleague. Nothing moves until an admin confirms; the request and the decision are in the history.
 */
export async function requestHandover(
  deps: CollectionDeps,
  req: { tenantKey: string; fromOpenId: string; toOpenId: string; toName: string | null },
): Promise<{ ok: true; requests: HandoverRequested[] } | { ok: false; message: string }> {
  if (req.toOpenId === req.fromOpenId) return { ok: false, message: '不能转交给自己。请写同事的名字，例如「转交 张伟」。' };
  const open = await listOpenItemIdsForOwner(deps.db, req.tenantKey, req.fromOpenId);
  if (open.length === 0) return { ok: false, message: '您目前没有待填报的指标，无需转交。' };
  const byEvaluation = new Map<string, string[]>();
  for (const row of open) byEvaluation.set(row.evaluation_id, [...(byEvaluation.get(row.evaluation_id) ?? []), row.indicator_id]);

  const at = deps.clock.now().toISOString();
  const requests: HandoverRequested[] = [];
  for (const [evaluationId, itemIds] of byEvaluation) {
    const evaluation = (await getEvaluationRow(deps.db, evaluationId))!;
    const items = await listItemNames(deps.db, itemIds);
    const requestId = newRequestId();
    await atomic(deps.db, [
      { query: insertHandoverRequest(deps.db, { id: requestId, evaluationId, fromOpenId: req.fromOpenId, toOpenId: req.toOpenId, toName: req.toName, at }), expect: 1 },
      {
        query: appendHistory(deps.db, {
          evaluationId,
          action: 'handover_request',
          actor: req.fromOpenId,
          at,
          after: { requestId, from: req.fromOpenId, to: req.toOpenId, items: itemIds },
        }),
      },
    ]);
    requests.push({
      requestId,
      evaluationId,
      title: evaluation.project_name,
      itemIds: items.map((i) => i.id),
      itemNames: items.map((i) => (i.kind === 'budget' ? '预算执行率（全年执行数）' : i.name)),
      admins: await listAdmins(deps.db, evaluationId),
    });
  }
  return { ok: true, requests };
}

export type HandoverDecision =
  | { ok: true; request: HandoverRequestRow; moved: string[]; notMoved: Array<{ itemId: string; message: string }> }
  | { ok: false; message: string; request?: HandoverRequestRow };

/**
 * An admin's 同意 / 拒绝. The first decision wins (a guarded update); on approval the rows the owner
 * still has open move to the colleague through the collection service (history action `handover`).
 */
export async function decideHandover(
  deps: CollectionDeps,
  req: { requestId: string; actor: string; approve: boolean },
): Promise<HandoverDecision> {
  const request = await getHandoverRequest(deps.db, req.requestId);
  if (!request) return { ok: false, message: '找不到这条转交申请，可能已被删除。' };
  if (!(await isAdmin(deps.db, request.evaluation_id, req.actor))) return { ok: false, message: '只有本评价的管理员可以确认转交。' };
  if (request.status !== 'pending') return { ok: false, message: `这条转交申请已${request.status === 'approved' ? '同意' : '拒绝'}，无需再次处理。`, request };

  const at = deps.clock.now().toISOString();
  const decision = req.approve ? 'approved' : 'declined';
  try {
    await atomic(deps.db, [
      { query: decideHandoverRequest(deps.db, request.id, decision, req.actor, at), expect: 1 },
      {
        query: appendHistory(deps.db, {
          evaluationId: request.evaluation_id,
          action: req.approve ? 'handover_approved' : 'handover_declined',
          actor: req.actor,
          at,
          before: { requestId: request.id, status: 'pending' },
          after: { requestId: request.id, status: decision, from: request.from_open_id, to: request.to_open_id },
        }),
      },
    ]);
  } catch {
    const now = (await getHandoverRequest(deps.db, req.requestId))!;
    return { ok: false, message: '另一位管理员刚刚处理了这条转交申请。', request: now };
  }
  const decided = (await getHandoverRequest(deps.db, req.requestId))!;
  if (!req.approve) return { ok: true, request: decided, moved: [], notMoved: [] };

  const tenantKey = (await getEvaluationRow(deps.db, request.evaluation_id))!.tenant_key;
  const open = (await listOpenItemIdsForOwner(deps.db, tenantKey, request.from_open_id)).filter(
    (r) => r.evaluation_id === request.evaluation_id,
  );
  const moved: string[] = [];
  const notMoved: Array<{ itemId: string; message: string }> = [];
  for (const { indicator_id: itemId } of open) {
    const result = await assignOwner(deps, { itemId, actor: req.actor, openId: request.to_open_id, name: request.to_name, action: 'handover' });
    if (result.ok) moved.push(itemId);
    else notMoved.push({ itemId, message: result.message });
  }
  return { ok: true, request: decided, moved, notMoved };
}

function newRequestId(): string {
  const bytes = new Uint8Array(9);
  crypto.getRandomValues(bytes);
  return `ho_${[...bytes].map((b) => b.toString(36).padStart(2, '0')).join('').slice(0, 14)}`;
}
