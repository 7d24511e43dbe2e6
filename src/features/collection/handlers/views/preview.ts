import { importPreviewCard, type AuditFinding } from '#cards/collection/import-preview';
import { toEvaluationInput, type EvaluationView } from '../../service';
import { scoreEvaluation } from '../../../../domain/scoring/score-evaluation';
import type { CardJson, ChatMember } from '../../../../transport/contract';
import { shanghaiDateTime } from '../../../../platform/time';

/**
 * What the importer must know before starting: the engine's table checks that make sense before any
 * answer exists (weights, level subtotals, double counting, multi-year targets), unreadable targets
 * and rows without an owner.
 */
const PRE_COLLECTION_CHECKS = new Set(['weights-sum', 'budget-weight', 'level1-subtotal', 'duplicate-indicator', 'budget-rate-reused', 'multi-year-target']);

const FIX: Record<string, string> = {
  'weights-sum': '核对各指标分值，使合计为 100，然后重新导入',
  'budget-weight': '如无特殊规定，预算执行率分值应为 10',
  'level1-subtotal': '如确需调整一级指标分值，请在自评报告中说明理由',
  'duplicate-indicator': '删除重复的一行后重新导入',
  'budget-rate-reused': '删除该指标，或改为其他产出指标',
  'multi-year-target': '改为本年度可考核的指标值',
};

export function previewAudit(evaluation: EvaluationView): AuditFinding[] {
  const findings: AuditFinding[] = [];
  const result = scoreEvaluation(toEvaluationInput(evaluation), { profile: evaluation.ruleProfile });
  for (const w of result.warnings) {
    if (!PRE_COLLECTION_CHECKS.has(w.code)) continue;
    findings.push({ severity: w.severity === 'red' ? 'error' : 'warning', message: w.message, fix: FIX[w.code] ?? null });
  }
  for (const item of evaluation.items) {
    if (item.kind === 'indicator' && item.targetKind === null) {
      findings.push({
        severity: 'warning',
        message: `“${item.name}”的年度指标值“${item.target}”无法识别为数值目标，将按定性指标（达成 / 部分达成 / 未达成）收集`,
        fix: '如是数量目标，请改写为“≥25家”“≥80%”这样的形式后重新导入',
      });
    }
  }
  const unowned = evaluation.items.filter((i) => !i.owner.openId).length;
  if (unowned > 0) {
    findings.push({ severity: 'error', message: `${unowned} 项没有确定的责任人`, fix: '在下方为每一项选择责任人（只能选择本群成员），然后保存' });
  }
  return findings;
}

/** `members` are the group's members: the card names the importer and the admins with them. */
export function previewCardFor(evaluation: EvaluationView, members: readonly ChatMember[], now?: Date): CardJson {
  const name = (openId: string) => members.find((m) => m.openId === openId)?.name ?? evaluation.items.find((i) => i.owner.openId === openId)?.owner.name ?? '未知成员';
  const budget = evaluation.items.find((i) => i.kind === 'budget');
  return importPreviewCard({
    project: {
      evaluationId: evaluation.id,
      name: evaluation.project.name,
      department: evaluation.project.department,
      implementingUnit: evaluation.project.implementingUnit,
      year: evaluation.project.year,
      budgetInitial: evaluation.budget.initial,
      budgetFullYear: evaluation.budget.fullYear,
      deadline: evaluation.deadline,
    },
    rev: evaluation.version,
    status: evaluation.status,
    importerName: name(evaluation.importerOpenId),
    adminNames: evaluation.admins.filter((a) => a !== evaluation.importerOpenId).map(name),
    budget: { weight: budget?.weight ?? 10, ownerOpenId: budget?.owner.openId ?? null, ownerName: budget?.owner.name ?? null },
    indicators: evaluation.items
      .filter((i) => i.kind === 'indicator')
      .map((i) => ({
        indicatorId: i.id,
        level1: i.level1,
        level2: i.level2,
        name: i.name,
        target: i.target,
        weight: i.weight,
        ownerOpenId: i.owner.openId,
        ownerName: i.owner.name,
        ownerRaw: i.owner.raw,
        ownerProblem: i.owner.problem,
        candidates: i.owner.candidates.map((c) => c.name),
      })),
    audit: evaluation.status === 'draft' ? previewAudit(evaluation) : [],
    startedNote: evaluation.status !== 'draft' ? `截止日期 ${evaluation.deadline ?? '未定'}${now ? `，${shanghaiDateTime(now)} 更新` : ''}。各责任人已收到私聊填报卡片。` : null,
  });
}
