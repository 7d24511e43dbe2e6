import type { ItemKind, EntryRowView } from '#cards/collection/view';
import { actualPlaceholder } from '../../../../domain/scoring/parse-target';
import type { EvaluationView, ItemView } from '../../service';

/** Maps the services' read models onto the cards' row view. */
export function itemKind(item: ItemView): ItemKind {
  if (item.kind === 'budget') return 'budget';
  // an unreadable target is answered like a qualitative row: a band and a description
  return item.targetKind === null || item.targetKind === 'qualitative' || item.targetKind === 'time' ? 'qualitative' : 'quantitative';
}

export function toRowView(item: ItemView): EntryRowView {
  return {
    indicatorId: item.id,
    kind: itemKind(item),
    level1: item.level1,
    level2: item.level2,
    name: item.kind === 'budget' ? '预算执行率（全年执行数）' : item.name,
    target: item.target,
    weight: item.weight,
    status: item.value.status,
    actual: item.value.actual,
    band: item.value.band,
    score: item.value.score,
    explanation: item.value.explanation,
    deviationReason: item.value.deviationReason,
    ownerName: item.owner.name ?? item.owner.raw,
  };
}

export function placeholderFor(item: ItemView, evaluation: EvaluationView): string {
  if (item.kind === 'budget') return `例如：${evaluation.budget.fullYear}（单位：万元）`;
  if (itemKind(item) === 'qualitative') return '例如：按计划完成全部督导检查，整改率 100%';
  return actualPlaceholder(item.target);
}

/** The items one person answers, in table order. */
export function itemsOf(evaluation: EvaluationView, openId: string): ItemView[] {
  return evaluation.items.filter((i) => i.owner.openId === openId);
}

