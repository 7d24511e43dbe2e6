import type { EvaluationInput, IndicatorInput } from '../../../domain/evaluation';
import { actualPlaceholder } from '../../../domain/scoring/parse-target';
import { resolveProfile } from '../../../domain/scoring/profiles';
import type { ScoredBudget, ScoredIndicator } from '../../../domain/scoring/result';
import { AtomicConflictError, atomic } from '../../../storage/atomic';
import { getEvaluationRow, isAdmin } from '../../../storage/repositories/collection/evaluations';
import { appendHistory } from '../../../storage/repositories/collection/history';
import { updateValueWhileOpen } from '../../../storage/repositories/collection/items';
import type { EvaluationRow } from '../../../storage/tables/core';
import { conflict, invalid, notFound, notOwner, wrongStatus } from './refusals';
import { isFailure, scoreBudgetLine, scoreRow, type ScoreFailure } from './scoring';
import { recomputeStatus } from '../../../storage/repositories/collection/status';
import type { CollectionDeps, InputField, ItemView, Outcome, Refusal, SubmitInput, Submitted } from './types';
import { getItem, ownerLabel, valueSnapshot } from './views';

/**
 * An owner's (or an admin's) answer for one row: checked, scored by the engine, and committed as a
 * versioned write with its history record — or refused with a reason and nothing written. The caller
 * acknowledges the person only after this returns `ok`.
 */
export async function submitValue(deps: CollectionDeps, input: SubmitInput): Promise<Outcome<Submitted>> {
  const item = await getItem(deps.db, input.itemId);
  if (!item) return notFound('指标');
  const evaluation = await getEvaluationRow(deps.db, item.evaluationId);
  if (!evaluation) return notFound('评价');
  if (evaluation.status === 'draft' || evaluation.status === 'final') return wrongStatus(evaluation.status, '提交');
  if (item.owner.openId !== input.actor && !(await isAdmin(deps.db, evaluation.id, input.actor))) {
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

  const saved = (await getItem(deps.db, item.id))!;
  const latest = (await getEvaluationRow(deps.db, evaluation.id))!;
  return {
    ok: true,
    item: saved,
    scored,
    evaluationStatus: latest.status,
    changeNotice: latest.summary_posted_at ? changeNotice(item, saved) : null,
  };
}

type Checked = { ok: true; scored: ScoredIndicator | ScoredBudget; reason: string | null } | Refusal;

/** Validates and scores without writing anything. Exported for the card's live check. */
export function scoreAnswer(item: ItemView, evaluation: EvaluationRow, input: Omit<SubmitInput, 'itemId' | 'actor' | 'expectedVersion'>): Checked {
  const reason = clean(input.deviationReason);
  const actual = clean(input.actual);
  const applicable = input.applicable !== false;

  if (item.kind === 'budget') {
    if (!actual) return invalid('actual', `请填写全年执行数（万元），例如：${evaluation.budget_full_year}。`);
    const budget: EvaluationInput['budget'] = {
      initial: evaluation.budget_initial,
      fullYear: evaluation.budget_full_year,
      executed: actual,
      weight: String(item.weight),
      deviationReason: reason,
    };
    const scored = scoreBudgetLine(budget, evaluation.rule_profile);
    if (isFailure(scored)) return fromEngine(scored);
    if (scored.deviationMandatory && !reason) {
      const below = resolveProfile(evaluation.rule_profile).executionMandatoryBelow;
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
  const scored = scoreRow(row, evaluation.rule_profile);
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
