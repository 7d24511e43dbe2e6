import type { EvaluationInput } from '../../../domain/evaluation';
import { atomic, type AtomicStep } from '../../../storage/atomic';
import { insertAdmin, insertEvaluation, insertTenantIfMissing } from '../../../storage/repositories/collection/evaluations';
import { appendHistory } from '../../../storage/repositories/collection/history';
import { insertIndicator, insertValue } from '../../../storage/repositories/collection/items';
import { newId } from './ids';
import { resolutionFor, resolveOwners } from './resolve-owners';
import { budgetWeightOf, DEFAULT_RULE_PROFILE, readTarget } from './scoring';
import type { CollectionDeps, EvaluationView, OwnerDirectory, OwnerResolution } from './types';
import { getEvaluation } from './views';
import { parseDeadline, shanghaiDate } from '../../../platform/time';

export interface CreateEvaluationRequest {
  tenantKey: string;
  /** The group the evaluation runs in (null when imported from the CLI without a chat). */
  chatId: string | null;
  /** Who imported it: the first admin, and the budget line's owner unless reassigned. */
  importerOpenId: string;
  /** The importer's display name, shown as the budget line's owner. */
  importerName?: string | null;
  input: EvaluationInput;
  /** Resolutions of the 责任人 cells keyed by trimmed text (from `resolveOwners`). */
  owners: ReadonlyMap<string, OwnerResolution>;
  sourceFileName?: string | null;
  /** The triggering message or callback; one evaluation per source (a replayed import finds it). */
  sourceKey?: string | null;
  ruleProfile?: string;
  /** YYYY-MM-DD, e.g. from the table's 截止日期. */
  deadline?: string | null;
  /** More admins besides the importer. */
  admins?: readonly string[];
}

/** An owner cell the importer has to settle before collection can start. */
export interface OwnerIssue {
  itemId: string;
  position: number;
  name: string;
  resolution: Exclude<OwnerResolution, { status: 'resolved' }>;
}

export interface CreatedEvaluation {
  evaluation: EvaluationView;
  ownerIssues: OwnerIssue[];
  /** Things the importer should know, in Chinese (e.g. the table's 截止日期 could not be used). */
  notes: string[];
}

/**
 * Stores an imported table as a draft evaluation: header, budget line, indicators with their owners,
 * an empty value per row, the importer as admin, and an `import` history record — all or nothing.
 */
export async function createEvaluation(deps: CollectionDeps, req: CreateEvaluationRequest): Promise<CreatedEvaluation> {
  const now = deps.clock.now().toISOString();
  const evaluationId = newId('ev');
  const profile = req.ruleProfile ?? DEFAULT_RULE_PROFILE;
  const input = req.input;
  const notes: string[] = [];
  const parsedDeadline = req.deadline ? parseDeadline(req.deadline) : null;
  let deadline: string | null = null;
  if (parsedDeadline && !parsedDeadline.ok) {
    notes.push(`表中的截止日期“${req.deadline}”无法识别，请在预览卡片上选择截止日期。`);
  } else if (parsedDeadline?.ok) {
    deadline = parsedDeadline.date;
    if (deadline < shanghaiDate(deps.clock.now())) notes.push(`表中的截止日期 ${deadline} 已经过去，开始收集前请重新选择。`);
  }
  const { db } = deps;
  // The table readers already refuse these with the cell named; this guards other callers.
  for (const row of input.indicators) {
    if (!Number.isFinite(Number(String(row.weight).trim())) || String(row.weight).trim() === '') {
      throw new RangeError(`“${row.name}”的分值“${String(row.weight)}”不是数字`);
    }
  }

  const steps: AtomicStep[] = [
    { query: insertTenantIfMissing(db, req.tenantKey, now) },
    {
      query: insertEvaluation(db, {
        id: evaluationId,
        tenant_key: req.tenantKey,
        chat_id: req.chatId,
        status: 'draft',
        project_name: input.project.name,
        department: input.project.department ?? null,
        implementing_unit: input.project.implementingUnit ?? null,
        year: input.project.year == null ? null : String(input.project.year),
        budget_initial: text(input.budget.initial),
        budget_full_year: String(input.budget.fullYear),
        budget_sources_json: input.budget.sources ? JSON.stringify(input.budget.sources) : null,
        goals_expected: input.goals?.expected ?? null,
        goals_actual: input.goals?.actual ?? null,
        printed_total: text(input.printedTotal),
        rule_profile: profile,
        deadline,
        importer_open_id: req.importerOpenId,
        source_file_name: req.sourceFileName ?? null,
        source_key: req.sourceKey ?? null,
        progress_message_id: null,
        summary_posted_at: null,
        locked_at: null,
        locked_by: null,
        created_at: now,
        updated_at: now,
      }),
      expect: 1,
    },
    {
      query: insertAdmin(db, {
        evaluation_id: evaluationId,
        open_id: req.importerOpenId,
        role: 'importer',
        added_by: req.importerOpenId,
        added_at: now,
      }),
    },
  ];
  for (const admin of req.admins ?? []) {
    if (admin === req.importerOpenId) continue;
    steps.push({
      query: insertAdmin(db, { evaluation_id: evaluationId, open_id: admin, role: 'admin', added_by: req.importerOpenId, added_at: now }),
    });
  }

  const ownerIssues: OwnerIssue[] = [];
  const budgetId = newId('it');
  steps.push(
    {
      query: insertIndicator(db, {
        id: budgetId,
        evaluation_id: evaluationId,
        position: 0,
        kind: 'budget',
        level1: '预算执行率',
        level2: '预算执行率',
        name: '全年执行数',
        target_raw: String(input.budget.fullYear),
        target_kind: null,
        target_json: null,
        weight: budgetWeightOf(input, profile),
        printed_score: text(input.budget.printedScore),
        owner_raw: null,
        owner_open_id: req.importerOpenId,
        owner_name: req.importerName ?? null,
        owner_problem: null,
        owner_candidates_json: null,
        due_date: null,
      }),
    },
    { query: insertValue(db, emptyValue(budgetId, evaluationId, now)) },
  );

  input.indicators.forEach((row, index) => {
    const itemId = newId('it');
    const resolution = resolutionFor(req.owners, row.owner);
    const target = readTarget(row.target);
    if (resolution.status !== 'resolved') {
      ownerIssues.push({ itemId, position: index + 1, name: row.name, resolution });
    }
    steps.push(
      {
        query: insertIndicator(db, {
          id: itemId,
          evaluation_id: evaluationId,
          position: index + 1,
          kind: 'indicator',
          level1: row.level1,
          level2: row.level2,
          name: row.name,
          target_raw: row.target,
          target_kind: target.kind,
          target_json: target.json,
          weight: String(row.weight).trim(),
          printed_score: text(row.printedScore),
          owner_raw: resolution.raw,
          owner_open_id: resolution.status === 'resolved' ? resolution.openId : null,
          owner_name: resolution.status === 'resolved' ? resolution.name : null,
          owner_problem: resolution.status === 'resolved' ? null : resolution.status,
          owner_candidates_json: resolution.status === 'ambiguous' ? JSON.stringify(resolution.candidates) : null,
          due_date: null,
        }),
      },
      { query: insertValue(db, emptyValue(itemId, evaluationId, now)) },
    );
  });

  steps.push({
    query: appendHistory(db, {
      evaluationId,
      action: 'import',
      actor: req.importerOpenId,
      at: now,
      after: { sourceFileName: req.sourceFileName ?? null, indicators: input.indicators.length, profile, chatId: req.chatId },
    }),
  });

  await atomic(db, steps);
  const evaluation = await getEvaluation(db, evaluationId);
  if (!evaluation) throw new Error(`evaluation ${evaluationId} vanished right after it was created`);
  return { evaluation, ownerIssues, notes };
}

/** `resolveOwners` against the group's members, then `createEvaluation`. */
export async function importEvaluation(
  deps: CollectionDeps,
  req: Omit<CreateEvaluationRequest, 'owners'> & { directory: OwnerDirectory },
): Promise<CreatedEvaluation> {
  const owners = await resolveOwners(
    req.input.indicators.map((i) => i.owner),
    req.directory,
  );
  const { directory, ...rest } = req;
  const importerName = req.importerName ?? directory.members.find((m) => m.openId === req.importerOpenId)?.name ?? null;
  return createEvaluation(deps, { ...rest, importerName, owners });
}

/**
 * Every row starts empty (pending), even when the imported table already printed a value: the figure
 * counts only once its owner has given it through the bot, so the history says who vouched for it.
 */
function emptyValue(itemId: string, evaluationId: string, now: string) {
  return {
    indicator_id: itemId,
    evaluation_id: evaluationId,
    status: 'pending' as const,
    actual: null,
    band: null,
    manual_score: null,
    applicable: 1,
    score: null,
    explanation: null,
    deviation_reason: null,
    review_comment: null,
    version: 0,
    submitted_by: null,
    submitted_at: null,
    reviewed_by: null,
    reviewed_at: null,
    updated_at: now,
  };
}

function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const s = String(value).trim();
  return s.length === 0 ? null : s;
}
