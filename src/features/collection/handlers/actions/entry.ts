import { entryPausedCard } from '#cards/collection/indicator-entry';
import { tr } from '#cards/shared/i18n';
import { getEvaluation, submitValue, type EvaluationView, type ItemView } from '../../service';
import type { CardAction, CardActionResponse } from '../../../../transport/contract';
import type { FeatureDeps } from '../../../shared/feature';
import { afterSubmit } from '../follow-up';
import { runLater } from '../../../shared/later';
import { entryCard, nextOpenItem, recapCard, savedNote } from '../views/entry';
import { isOpen } from '../../../shared/rows';
import { itemsOf } from '../views/rows';
import { answer, BAD_CARD, refusalToast, STALE_CARD, toast } from '../../../shared/respond';
import { formBand, formText, itemValueSchema } from './values';

/** The owner's walk-through: open a row, submit it, step back, or leave it for later. */
type Loaded = { evaluation: EvaluationView; item: ItemView } | { response: CardActionResponse };

async function load(deps: FeatureDeps, action: CardAction): Promise<Loaded> {
  const value = itemValueSchema.safeParse(action.value);
  if (!value.success) return { response: answer(null, BAD_CARD) };
  const evaluation = await getEvaluation(deps.db, value.data.evaluationId);
  const item = evaluation?.items.find((i) => i.id === value.data.indicatorId);
  if (!evaluation || !item) return { response: answer(null, STALE_CARD) };
  // A forwarded card pressed by someone else: only the row's owner and the admins may use it.
  if (item.owner.openId !== action.operator.openId && !evaluation.admins.includes(action.operator.openId)) {
    const who = item.owner.name ?? '责任人';
    return { response: answer(null, toast('error', tr('这张卡片是 {who} 的填报卡片，只有 {who} 或管理员可以操作。', 'This card belongs to {who}; only they or an admin can use it.', { who }))) };
  }
  return { evaluation, item };
}

export async function openEntry(deps: FeatureDeps, action: CardAction): Promise<CardActionResponse> {
  const loaded = await load(deps, action);
  if ('response' in loaded) return loaded.response;
  const { evaluation, item } = loaded;
  // "开始填写" from 我的 points at the first open row; it may have been answered since
  const target = isOpen(item) ? item : (item.owner.openId ? nextOpenItem(evaluation, item.owner.openId, item.id) : null) ?? item;
  return answer(entryCard(evaluation, target, { nonce: action.eventId }));
}

export async function previousEntry(deps: FeatureDeps, action: CardAction): Promise<CardActionResponse> {
  const loaded = await load(deps, action);
  if ('response' in loaded) return loaded.response;
  const { evaluation, item } = loaded;
  const mine = item.owner.openId ? itemsOf(evaluation, item.owner.openId) : [item];
  const at = mine.findIndex((i) => i.id === item.id);
  const previous = at > 0 ? mine[at - 1]! : item;
  return answer(entryCard(evaluation, previous));
}

export async function laterEntry(deps: FeatureDeps, action: CardAction): Promise<CardActionResponse> {
  const loaded = await load(deps, action);
  if ('response' in loaded) return loaded.response;
  const { evaluation, item } = loaded;
  const open = item.owner.openId ? itemsOf(evaluation, item.owner.openId).filter(isOpen) : [];
  return answer(
    entryPausedCard({ evaluationId: evaluation.id, projectName: evaluation.project.name, rev: item.value.version, pending: open.length, indicatorId: (open[0] ?? item).id, nonce: action.eventId }),
  );
}

export async function submitEntry(deps: FeatureDeps, action: CardAction): Promise<CardActionResponse> {
  const loaded = await load(deps, action);
  if ('response' in loaded) return loaded.response;
  const { evaluation, item } = loaded;
  const rev = itemValueSchema.parse(action.value).rev;
  const typed = {
    actual: formText(action.formValue, 'actual'),
    band: formBand(action.formValue),
    score: formText(action.formValue, 'score'),
    reason: formText(action.formValue, 'reason'),
  };

  const outcome = await submitValue(deps, {
    itemId: item.id,
    actor: action.operator.openId,
    expectedVersion: rev,
    actual: typed.actual,
    band: typed.band,
    score: typed.score,
    deviationReason: typed.reason,
    evaluation,
  });

  if (!outcome.ok) {
    switch (outcome.code) {
      case 'deviation_required':
        // the same card, the typed value kept, the reason field marked required with the rule's why
        return answer(entryCard(evaluation, item, { typed, error: outcome.message, reasonRequiredWhy: outcome.why }), refusalToast(outcome));
      case 'invalid_input':
        return answer(entryCard(evaluation, item, { typed, error: outcome.message }), refusalToast(outcome));
      case 'conflict': {
        // the loser sees the current value (and the current version to write against)
        const fresh = (await getEvaluation(deps.db, evaluation.id)) ?? evaluation;
        return answer(entryCard(fresh, outcome.current), refusalToast(outcome));
      }
      case 'wrong_status': {
        const fresh = (await getEvaluation(deps.db, evaluation.id)) ?? evaluation;
        return answer(entryCard(fresh, item), refusalToast(outcome));
      }
      default:
        return answer(null, refusalToast(outcome));
    }
  }

  const fresh = outcome.evaluation;
  const saved = savedNote(outcome.item);
  const owner = outcome.item.owner.openId;
  const next = owner ? nextOpenItem(fresh, owner, outcome.item.id) : null;
  runLater(deps, 'after submit', () => afterSubmit(deps, fresh, outcome.item, outcome.changeNotice));
  const card = next ? entryCard(fresh, next, { saved }) : recapCard(fresh, owner ?? action.operator.openId, { saved });
  const score = outcome.item.value.score;
  return answer(
    card,
    toast('success', tr('已保存，得分 {s}', 'Saved, score {s}', { s: score === null ? '—' : String(score) })),
  );
}
