import { tr } from '#cards/shared/i18n';
import { addAdmin, assignOwner, getEvaluation, setDeadline, startCollection, type EvaluationView, type Refusal } from '../../service';
import type { CardAction, CardActionResponse, ChatMember } from '../../../../transport/contract';
import type { FeatureDeps } from '../../../shared/feature';
import { sendFirstEntryCards } from '../notify/people';
import { refreshProgressCard } from '../notify/progress';
import { runLater } from '../../../shared/later';
import { previewCardFor } from '../views/preview';
import { answer, BAD_CARD, refusalToast, STALE_CARD, toast } from '../../../shared/respond';
import { evaluationValueSchema, formList, formText } from './values';

/**
 * 保存 / 开始收集 on the import preview. Both submit the whole form: owners picked for unassigned
 * rows, the budget line's owner, the deadline and added admins are saved first.
 */
const ONLY_ADMINS = toast('error', tr('只有导入人和 TA 添加的管理员可以操作这张卡片。', 'Only the importer and the admins they added can use this card.'));

type Loaded = { evaluation: EvaluationView; members: ChatMember[] } | { response: CardActionResponse };

async function load(deps: FeatureDeps, action: CardAction): Promise<Loaded> {
  const value = evaluationValueSchema.safeParse(action.value);
  if (!value.success) return { response: answer(null, BAD_CARD) };
  const evaluation = await getEvaluation(deps.db, value.data.evaluationId);
  if (!evaluation) return { response: answer(null, STALE_CARD) };
  if (!evaluation.admins.includes(action.operator.openId)) return { response: answer(null, ONLY_ADMINS) };
  const members = evaluation.chatId ? await deps.lark.listChatMembers(evaluation.chatId) : [];
  return { evaluation, members };
}

/** Saves what the form carries; returns the first refusal (nothing after it is applied). */
async function applyForm(deps: FeatureDeps, evaluation: EvaluationView, members: ChatMember[], action: CardAction): Promise<Refusal | null> {
  const actor = action.operator.openId;
  const form = action.formValue ?? {};
  const byId = new Map(members.map((m) => [m.openId, m]));
  const assign = async (itemId: string, openId: string) => {
    // the picker offers only chat members; a value from elsewhere is a tampered or stale card
    const member = byId.get(openId);
    if (!member) return { ok: false as const, code: 'invalid_input' as const, field: 'owner' as const, message: '责任人必须是本群成员，请重新选择。' };
    return assignOwner(deps, { itemId, actor, openId, name: member.name });
  };
  for (const item of evaluation.items) {
    const picked = item.kind === 'budget' ? formText(form, 'budget_owner') : formText(form, `owner_${item.id}`);
    if (!picked || picked === item.owner.openId) continue;
    const outcome = await assign(item.id, picked);
    if (!outcome.ok) return outcome;
  }
  const deadline = formText(form, 'deadline');
  if (deadline && !deadline.startsWith(evaluation.deadline ?? '\u0000')) {
    const outcome = await setDeadline(deps, { evaluationId: evaluation.id, actor, deadline });
    if (!outcome.ok) return outcome;
  }
  for (const admin of formList(form, 'admins')) {
    if (evaluation.admins.includes(admin)) continue;
    if (!byId.has(admin)) return { ok: false, code: 'invalid_input', field: 'owner', message: '管理员必须是本群成员，请重新选择。' };
    const outcome = await addAdmin(deps, { evaluationId: evaluation.id, actor, openId: admin });
    if (!outcome.ok) return outcome;
  }
  return null;
}

export async function savePreview(deps: FeatureDeps, action: CardAction): Promise<CardActionResponse> {
  const loaded = await load(deps, action);
  if ('response' in loaded) return loaded.response;
  const { evaluation, members } = loaded;
  if (evaluation.status !== 'draft') return answer(previewCardFor(evaluation, members, deps.clock.now()), toast('info', tr('已经开始收集，设置请在「总览」中查看。', 'Collection has already started; see the settings under 总览 (overview).')));
  const refusal = await applyForm(deps, evaluation, members, action);
  const fresh = (await getEvaluation(deps.db, evaluation.id))!;
  const card = previewCardFor(fresh, members);
  if (refusal) return answer(card, refusalToast(refusal));
  const left = fresh.items.filter((i) => !i.owner.openId).length;
  return answer(card, toast('success', left > 0 ? tr('已保存，还有 {n} 项需要指定责任人。', 'Saved. {n} rows still need an owner.', { n: String(left) }) : tr('已保存。', 'Saved.')));
}

export async function startFromPreview(deps: FeatureDeps, action: CardAction): Promise<CardActionResponse> {
  const loaded = await load(deps, action);
  if ('response' in loaded) return loaded.response;
  const { evaluation, members } = loaded;
  if (evaluation.status === 'draft') {
    const refusal = await applyForm(deps, evaluation, members, action);
    if (refusal) {
      const fresh = (await getEvaluation(deps.db, evaluation.id))!;
      return answer(previewCardFor(fresh, members), refusalToast(refusal));
    }
  }
  const outcome = await startCollection(deps, { evaluationId: evaluation.id, actor: action.operator.openId });
  const fresh = (await getEvaluation(deps.db, evaluation.id))!;
  const card = previewCardFor(fresh, members, deps.clock.now());
  if (!outcome.ok) return answer(card, refusalToast(outcome));
  const started = outcome.evaluation;
  runLater(deps, 'after start', async () => {
    await refreshProgressCard(deps, started.id);
    await sendFirstEntryCards(deps, started, outcome.owners);
  });
  return answer(card, toast('success', tr('已开始收集，正在私聊 {n} 位责任人。', 'Collection started; messaging {n} owners.', { n: String(outcome.owners.length) })));
}
