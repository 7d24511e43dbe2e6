import { z } from 'zod';
import { adminOverdueResolvedCard } from '#cards/reminders/admin-overdue';
import { tr } from '#cards/shared/i18n';
import { getEvaluation, lockEvaluation, setDeadline } from '../../collection';
import { formatDay, parseDeadline } from '../../../platform/time';
import { postSummary } from '../../summary';
import type { CardAction, CardActionResponse } from '../../../transport/contract';
import { answer, refusalToast, toast } from '../../shared/respond';
import { sendText } from '../../shared/send';
import { sendKey } from '../../../platform/send-key';
import type { FeatureDeps } from '../../shared/feature';
import { runLater } from '../../shared/later';

const valueSchema = z.object({ action: z.string(), evaluationId: z.string().min(1) });
const BAD = toast('error', { zh_cn: '无法识别这张卡片，请等待明天的逾期提醒或在群里 @我 进度。', en_us: 'This card could not be read.' });

/** 延期: a new deadline; the reminder ladder re-arms for it, and the group is told. */
export async function extendDeadline(deps: FeatureDeps, action: CardAction): Promise<CardActionResponse> {
  const value = valueSchema.safeParse(action.value);
  if (!value.success) return answer(null, BAD);
  const picked = typeof action.formValue?.new_deadline === 'string' ? action.formValue.new_deadline : (action.option ?? '');
  const parsed = parseDeadline(picked);
  if (!parsed.ok) return answer(null, toast('warning', '请先在日期框里选择新的截止日期，再点「延期」。'));
  const result = await setDeadline(deps, { evaluationId: value.data.evaluationId, actor: action.operator.openId, deadline: parsed.date });
  if (!result.ok) return answer(null, refusalToast(result));
  const evaluation = result.evaluation;
  if (evaluation.chatId) {
    const chatId = evaluation.chatId;
    runLater(deps, 'extend notice', () =>
      sendText(deps, { type: 'chat_id', id: chatId, tenantKey: evaluation.tenantKey }, `「${evaluation.project.name}」截止日期已延期至 ${formatDay(parsed.date)}，还没填完的同事请抓紧。`, sendKey('extend', evaluation.id, parsed.date)),
    );
  }
  return answer(
    adminOverdueResolvedCard({ project: evaluation.project.name, outcome: tr('已延期至 {d}，提醒将按新日期进行', 'Extended to {d}; reminders follow the new date', { d: formatDay(parsed.date) }) }),
    toast('success', { zh_cn: `已延期至 ${parsed.date}`, en_us: `Extended to ${parsed.date}` }),
  );
}

/** 关闭收集: locks the evaluation (no more entries, no more reminders). */
export async function closeCollection(deps: FeatureDeps, action: CardAction): Promise<CardActionResponse> {
  const value = valueSchema.safeParse(action.value);
  if (!value.success) return answer(null, BAD);
  const result = await lockEvaluation(deps, { evaluationId: value.data.evaluationId, actor: action.operator.openId });
  if (!result.ok) return answer(null, refusalToast(result));
  return answer(
    adminOverdueResolvedCard({
      project: result.evaluation.project.name,
      outcome: tr('已关闭收集（{n} 项未填报），不再提醒', 'Collection closed ({n} open); no more reminders', { n: result.unanswered }),
    }),
    toast('success', { zh_cn: '已关闭收集', en_us: 'Collection closed' }),
  );
}

/**
 * 按现有数据汇总: posts the summary now (open rows count 0, as the card says). The summary takes longer
 * than the 3 s callback budget (files are built and uploaded), so it runs after the answer; once it is
 * posted the ladder stops, and a late entry still produces a 变更 notice.
 */
export async function summarizeNow(deps: FeatureDeps, action: CardAction): Promise<CardActionResponse> {
  const value = valueSchema.safeParse(action.value);
  if (!value.success) return answer(null, BAD);
  const evaluation = await getEvaluation(deps.db, value.data.evaluationId);
  if (!evaluation) return answer(null, toast('error', '这个评价已不存在。'));
  if (!evaluation.admins.includes(action.operator.openId)) return answer(null, toast('error', '只有本评价的管理员可以汇总。'));
  const actor = action.operator.openId;
  runLater(deps, 'summary after deadline', async () => {
    const posted = await postSummary(deps, { evaluationId: evaluation.id, actor, trigger: 'deadline' });
    if (!posted.ok) await sendText(deps, { type: 'open_id', id: actor, tenantKey: evaluation.tenantKey }, `汇总没有发出：${posted.message}`, sendKey('summary-refused', evaluation.id, action.eventId));
  });
  return answer(
    adminOverdueResolvedCard({ project: evaluation.project.name, outcome: tr('正在按现有数据汇总，稍后发到群里', 'Summarising what we have; it will appear in the group') }),
    toast('info', { zh_cn: '正在生成汇总…', en_us: 'Building the summary…' }),
  );
}
