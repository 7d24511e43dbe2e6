import { z } from 'zod';
import { handoverConfirmCard } from '#cards/collection/handover-confirm';
import { getEvaluation } from '../../service';
import { decideHandover } from '../../service/handover';
import type { CardAction, CardActionResponse } from '../../../../transport/contract';
import { answer, toast } from '../../../shared/respond';
import { sendEntryCard } from '../notify/people';
import { sendText } from '../../../shared/send';
import { sendKey } from '../../../../platform/send-key';
import { nameOf } from '../views/entry';
import type { FeatureDeps } from '../../../shared/feature';
import { runLater } from '../../../shared/later';

const valueSchema = z.object({ action: z.string(), requestId: z.string().min(1) });

/** 同意 / 拒绝 on the hand-over card: the first admin decides; both people hear the outcome. */
async function decide(deps: FeatureDeps, action: CardAction, approve: boolean): Promise<CardActionResponse> {
  const value = valueSchema.safeParse(action.value);
  if (!value.success) return answer(null, toast('error', '无法识别这张卡片。'));
  const result = await decideHandover(deps, { requestId: value.data.requestId, actor: action.operator.openId, approve });
  if (!result.ok) return answer(null, toast('warning', result.message));
  const request = result.request;
  const evaluation = (await getEvaluation(deps.db, request.evaluation_id))!;
  const fromName = nameOf(evaluation, request.from_open_id);
  const toName = request.to_name ?? nameOf(evaluation, request.to_open_id);
  const items = evaluation.items.filter((i) => result.moved.includes(i.id)).map((i) => i.name);
  const card = handoverConfirmCard({
    requestId: request.id,
    project: evaluation.project.name,
    fromName,
    toName,
    items: approve ? items : [],
    decided: { approved: approve, byName: nameOf(evaluation, action.operator.openId) },
  });
  const to = { tenantKey: evaluation.tenantKey };
  runLater(deps, 'hand-over notices', async () => {
    if (approve) {
      const first = evaluation.items.find((i) => i.id === result.moved[0]);
      if (first) await sendEntryCard(deps, evaluation, first, request.to_open_id, sendKey('handover-entry', request.id));
      await sendText(deps, { type: 'open_id', id: request.from_open_id, ...to }, `转交已确认：${result.moved.length} 项指标已交给 ${toName}。`, sendKey('handover-done', request.id));
    } else {
      await sendText(deps, { type: 'open_id', id: request.from_open_id, ...to }, `转交给 ${toName} 的申请未获同意，这些指标仍由您填报。如有疑问请联系管理员。`, sendKey('handover-declined', request.id));
    }
  });
  const notMoved = result.notMoved.length > 0 ? `（${result.notMoved.length} 项未能转交：${result.notMoved[0]!.message}）` : '';
  return answer(card, toast(approve ? 'success' : 'info', approve ? `已转交 ${result.moved.length} 项${notMoved}` : '已拒绝转交'));
}

export function approveHandover(deps: FeatureDeps, action: CardAction): Promise<CardActionResponse> {
  return decide(deps, action, true);
}

export function declineHandover(deps: FeatureDeps, action: CardAction): Promise<CardActionResponse> {
  return decide(deps, action, false);
}
