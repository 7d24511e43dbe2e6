import type { Kysely } from 'kysely';
import { unitRollupCard, type UnitRollupProject, type UnitRollupView } from '#cards/summary/unit-rollup';
import { toEvaluationInput } from '../collection';
import { findEvaluationsInChat } from '../collection';
import type { EvaluationView, Outcome } from '../collection';
import { getEvaluation } from '../collection';
import { scoreEvaluation } from '../../domain/scoring/score-evaluation';
import type { Database } from '../../storage/database';
import { listUnitEvaluationIdsForAdmin } from '../../storage/repositories/summary/unit-rollup';
import type { SummaryDeps } from './post-summary';
import { sendKey } from '../../platform/send-key';

/**
 * 年度汇总: the projects of the group's unit in one year — the unit and year of the group's newest
 * evaluation unless a year is named. Only evaluations the asker administers are listed, so the group
 * never sees a project its admin could not see.
 */
export async function unitRollupFor(
  db: Kysely<Database>,
  req: { tenantKey: string; chatId: string; actor: string; year?: string | null },
): Promise<Outcome<{ view: UnitRollupView }>> {
  const inChat = (await findEvaluationsInChat(db, { tenantKey: req.tenantKey, chatId: req.chatId })).filter((e) => !req.year || e.project.year === req.year);
  const anchor = inChat.find((e) => unitOf(e) !== null);
  if (!anchor) {
    return {
      ok: false,
      code: 'not_found',
      message: req.year
        ? `这个群没有${req.year}年度、填写了实施单位或主管部门的评价。请发送「年度汇总 年份」，例如「年度汇总 2019」。`
        : '这个群还没有填写了实施单位或主管部门的评价，无法确定要汇总哪个单位。请先在群里导入自评表。',
    };
  }
  const unit = unitOf(anchor)!;
  const year = anchor.project.year ?? null;
  const ids = await listUnitEvaluationIdsForAdmin(db, { tenantKey: req.tenantKey, admin: req.actor, unit, year });
  if (ids.length === 0) {
    return { ok: false, code: 'forbidden', message: `你不是${unit}${year ?? ''}${year ? '年度' : ''}任何评价的管理员，无法查看年度汇总。请让评价的导入人发送「年度汇总」。` };
  }
  const projects: UnitRollupProject[] = [];
  for (const { id } of ids) {
    const evaluation = await getEvaluation(db, id);
    if (evaluation) projects.push(projectLine(evaluation));
  }
  return { ok: true, view: { unit, year: year ?? '', projects } };
}

/** Posts the roll-up card to the group. */
export async function postUnitRollup(
  deps: SummaryDeps,
  req: { tenantKey: string; chatId: string; actor: string; year?: string | null },
): Promise<Outcome<{ messageId: string; view: UnitRollupView }>> {
  const found = await unitRollupFor(deps.db, req);
  if (!found.ok) return found;
  const card = unitRollupCard(found.view);
  const sent = await deps.lark.sendMessage('chat_id', req.chatId, { msgType: 'interactive', content: card }, {
    uuid: sendKey('roll', req.chatId, JSON.stringify(card)),
    tenantKey: req.tenantKey,
  });
  return { ok: true, messageId: sent.messageId, view: found.view };
}

function unitOf(e: EvaluationView): string | null {
  return e.project.implementingUnit?.trim() || e.project.department?.trim() || null;
}

function projectLine(evaluation: EvaluationView): UnitRollupProject {
  const result = scoreEvaluation(toEvaluationInput(evaluation), { profile: evaluation.ruleProfile });
  const allApproved = evaluation.items.every((i) => i.value.status === 'approved');
  return {
    name: evaluation.project.name,
    fullYear: result.budget.fullYear,
    executed: result.budget.executed,
    rate: result.budget.rate,
    total: result.total,
    grade: result.grade,
    complete: evaluation.status === 'final' || allApproved,
  };
}
