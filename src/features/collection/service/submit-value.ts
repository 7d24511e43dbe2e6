import type { EvaluationInput, IndicatorInput } from '../../../domain/evaluation';
import { actualPlaceholder } from '../../../domain/scoring/parse-target';
import { resolveProfile } from '../../../domain/scoring/profiles';
import type { ScoredBudget, ScoredIndicator } from '../../../domain/scoring/result';
import { AtomicConflictError, atomic } from '../../../storage/atomic';
import { getEvaluationRow } from '../../../storage/repositories/collection/evaluations';
import { appendHistory } from '../../../storage/repositories/collection/history';
import { updateValueWhileOpen } from '../../../storage/repositories/collection/items';
import { conflict, invalid, notFound, notOwner, wrongStatus } from './refusals';
import { isFailure, scoreBudgetLine, scoreRow, type ScoreFailure } from './scoring';
import { recomputeStatus } from '../../../storage/repositories/collection/status';
import type { CollectionDeps, EvaluationView, InputField, ItemView, Outcome, Refusal, SubmitInput, Submitted } from './types';
import { getEvaluation, getItem, ownerLabel, valueSnapshot } from './views';
import { isOpen } from '../../shared/rows';
import { bandSchema } from '../../../domain/evaluation';

/**
 * An owner's (or an admin's) answer for one row: checked, scored by the engine, and committed as a
 * versioned write with its history record — or refused with a reason and nothing written. The caller
 * acknowledges the person only after this returns `ok`.
 */
export async function submitValue(deps: CollectionDeps, input: SubmitInput & { evaluation?: EvaluationView }): Promise<Outcome<Submitted>> {
  // The caller's copy when it has one (a card handler loaded it to check the card): a 提交 reads the evaluation once.
  const evaluation = input.evaluation ?? (await evaluationOfItem(deps, input.itemId));
  const item = evaluation?.items.find((i) => i.id === input.itemId);
  if (!item) return notFound('指标');
  if (!evaluation) return notFound('评价');
  if (evaluation.status === 'draft' || evaluation.status === 'final') return wrongStatus(evaluation.status, '提交');
  if (item.owner.openId !== input.actor && !evaluation.admins.includes(input.actor)) {
    return notOwner(ownerLabel(item));
  }
  if (input.expectedVersion !== item.value.version) return conflict(item, whoChanged(item));

  const checked = scoreAnswer(item, evaluation, input);
  if (!checked.ok) return checked;
  const { scored, reason } = checked;

  const now = deps.clock.now().toISOString();
  // The budget line is always applicable and has no band or chosen score.
  const isBudget = item.kind === 'budget';
  const applicable = isBudget || input.applicable !== false;
  const score = scored.score;
  const after = {
    status: 'submitted' as const,
    actual: applicable ? clean(input.actual) : null,
    band: applicable && !isBudget ? (input.band ?? ('band' in scored ? (scored.band as ItemView['value']['band']) : null)) : null,
    manual_score: applicable && !isBudget && input.score != null && String(input.score).trim() !== '' ? String(input.score).trim() : null,
    applicable: applicable ? 1 : 0,
    score,
    explanation: scored.explanation,
    deviation_reason: reason,
    submitted_by: input.actor,
    submitted_at: now,
    updated_at: now,
  };
  const action = item.value.status === 'pending' ? 'submit' : item.value.status === 'returned' ? 'resubmit' : 'revise';

  const write = updateValueWhileOpen(deps.db, evaluation.id, item.id, input.expectedVersion, after);
  try {
    await atomic(deps.db, [
      { query: write, expect: 1 },
      {
        query: appendHistory(deps.db, {
          evaluationId: evaluation.id,
          itemId: item.id,
          version: input.expectedVersion + 1,
          action,
          actor: input.actor,
          at: now,
          before: valueSnapshot(item.value),
          after: {
            status: after.status,
            actual: after.actual,
            band: after.band,
            manualScore: after.manual_score,
            applicable,
            score,
            deviationReason: reason,
            reviewComment: item.value.reviewComment,
          },
        }),
      },
      { query: recomputeStatus(deps.db, evaluation.id, now) },
    ]);
  } catch (error) {
    if (!(error instanceof AtomicConflictError)) throw error;
    return lostRace(deps, item.id);
  }

  // The state after this commit, built from what was read and written rather than read back: the row's new
  // value, and the evaluation's status by the same rule `recomputeStatus` applied in SQL.
  const band = bandSchema.safeParse(after.band);
  const saved: ItemView = {
    ...item,
    value: {
      ...item.value,
      status: after.status,
      actual: after.actual,
      band: band.success ? band.data : null,
      manualScore: after.manual_score,
      applicable,
      score,
      explanation: after.explanation,
      deviationReason: reason,
      version: input.expectedVersion + 1,
      submittedBy: input.actor,
      submittedAt: now,
    },
  };
  const items = evaluation.items.map((i) => (i.id === item.id ? saved : i));
  const status = items.some(isOpen) ? 'collecting' : 'reviewing';
  return {
    ok: true,
    item: saved,
    evaluation: { ...evaluation, status, items },
    scored,
    evaluationStatus: status,
    changeNotice: evaluation.summaryPostedAt ? changeNotice(item, saved) : null,
  };
}

async function evaluationOfItem(deps: CollectionDeps, itemId: string): Promise<EvaluationView | undefined> {
  const item = await getItem(deps.db, itemId);
  return item ? getEvaluation(deps.db, item.evaluationId) : undefined;
}

type Checked = { ok: true; scored: ScoredIndicator | ScoredBudget; reason: string | null } | Refusal;

/** Validates and scores without writing anything. Exported for the card's live check. */
export function scoreAnswer(item: ItemView, evaluation: Pick<EvaluationView, 'budget' | 'ruleProfile'>, input: Omit<SubmitInput, 'itemId' | 'actor' | 'expectedVersion'>): Checked {
  const reason = clean(input.deviationReason);
  const actual = clean(input.actual);
  const applicable = input.applicable !== false;

  if (item.kind === 'budget') {
    if (!actual) return invalid('actual', `请填写全年执行数（万元），例如：${evaluation.budget.fullYear}。`);
    const budget: EvaluationInput['budget'] = {
      initial: evaluation.budget.initial,
      fullYear: evaluation.budget.fullYear,
      executed: actual,
      weight: String(item.weight),
      deviationReason: reason,
    };
    const scored = scoreBudgetLine(budget, evaluation.ruleProfile);
    if (isFailure(scored)) return fromEngine(scored);
    if (scored.deviationMandatory && !reason) {
      const below = resolveProfile(evaluation.ruleProfile).executionMandatoryBelow;
      const rate = scored.rate === null ? '无法计算' : `${(scored.rate * 100).toFixed(2)}%`;
      const why = `预算执行率 ${rate}，低于 ${(below * 100).toFixed(0)}%，必须说明原因`;
      return deviationRequired(why, scored);
    }
    return { ok: true, scored, reason };
  }

  if (applicable && !actual && !input.band) {
    const example = actualPlaceholder(item.target);
    return invalid('actual', `请填写实际完成值（${example}），不能留空。`);
  }
  const row: IndicatorInput = {
    level1: item.level1,
    level2: item.level2,
    name: item.name,
    target: item.target,
    weight: String(item.weight),
    actual: applicable ? actual : null,
    band: applicable ? (input.band ?? null) : null,
    score: applicable && input.score != null && String(input.score).trim() !== '' ? input.score : null,
    applicable,
    deviationReason: reason,
  };
  const scored = scoreRow(row, evaluation.ruleProfile);
  if (isFailure(scored)) return fromEngine(scored);
  if (scored.deviationRequired && !reason) {
    return deviationRequired(scored.deviationWhy ?? '得分低于分值', scored);
  }
  return { ok: true, scored, reason };
}

function deviationRequired(why: string, scored: ScoredIndicator | ScoredBudget): Refusal {
  return {
    ok: false,
    code: 'deviation_required',
    why,
    scored,
    message: `${why}。请填写“偏差原因分析及改进措施”后再提交，已填的数值已保留。`,
  };
}

const FIELD_OF: Record<string, InputField> = {
  'band-required': 'band',
  'score-required': 'score',
  'bad-score': 'score',
  'score-outside-band': 'score',
};

function fromEngine(failure: ScoreFailure): Refusal {
  return invalid(FIELD_OF[failure.error.code] ?? 'actual', failure.error.message);
}

async function lostRace(deps: CollectionDeps, itemId: string): Promise<Refusal> {
  const current = await getItem(deps.db, itemId);
  if (!current) return notFound('指标');
  const evaluation = await getEvaluationRow(deps.db, current.evaluationId);
  if (evaluation && (evaluation.status === 'final' || evaluation.status === 'draft')) return wrongStatus(evaluation.status, '提交');
  return conflict(current, whoChanged(current));
}

function whoChanged(item: ItemView): string | null {
  const by = item.value.reviewedAt && (!item.value.submittedAt || item.value.reviewedAt > item.value.submittedAt)
    ? item.value.reviewedBy
    : item.value.submittedBy;
  if (!by) return null;
  return by === item.owner.openId ? (item.owner.name ?? by) : by;
}

function changeNotice(before: ItemView, after: ItemView): string {
  const was = before.value.actual ?? before.value.band ?? '（空）';
  const now = after.value.applicable ? (after.value.actual ?? after.value.band ?? '（空）') : '不适用';
  const score = (s: number | null) => (s === null ? '—' : String(s));
  return `变更：“${before.name}”的实际完成值 ${was} → ${now}，得分 ${score(before.value.score)} → ${score(after.value.score)}（${ownerLabel(after)}）。汇总已发布，请管理员留意。`;
}

function clean(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const t = text.trim();
  return t.length === 0 ? null : t;
}
