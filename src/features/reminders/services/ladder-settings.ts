import { atomic } from '../../../storage/atomic';
import { bumpEvaluation, isAdmin } from '../../../storage/repositories/collection/evaluations';
import { appendHistory } from '../../../storage/repositories/collection/history';
import { getReminderSettingsJson, upsertReminderSettings } from '../../../storage/repositories/reminders/settings';
import { type LadderSettings, ladderSettingsSchema } from '../scheduler/ladder/settings';
import type { ReminderServiceDeps } from './leave';

/** A change to some fields of some rungs, e.g. `{ groupNotice: { mention: false } }`. */
export type LadderPatch = { [K in keyof LadderSettings]?: Partial<LadderSettings[K]> };

/**
 * Per-evaluation ladder adjustments (the group-@ switch, days before, times). Admins only; the stored
 * override is merged rung by rung and validated whole; every change is a history record.
 */
export async function updateLadderSettings(
  deps: ReminderServiceDeps,
  req: { evaluationId: string; actor: string; patch: LadderPatch },
): Promise<{ ok: true; settings: LadderSettings } | { ok: false; message: string }> {
  if (!(await isAdmin(deps.db, req.evaluationId, req.actor))) return { ok: false, message: '只有本评价的管理员可以修改提醒设置。' };
  const before = ((await getReminderSettingsJson(deps.db, req.evaluationId)) ?? {}) as Record<string, Record<string, unknown>>;
  const after: Record<string, Record<string, unknown>> = { ...before };
  for (const [rung, fields] of Object.entries(req.patch)) after[rung] = { ...(before[rung] ?? {}), ...(fields as Record<string, unknown>) };
  const parsed = ladderSettingsSchema.safeParse(after);
  if (!parsed.success) return { ok: false, message: `提醒设置有误：${parsed.error.issues[0]?.message ?? '格式不对'}` };
  const at = deps.clock.now().toISOString();
  await atomic(deps.db, [
    { query: upsertReminderSettings(deps.db, req.evaluationId, after, req.actor, at) },
    { query: bumpEvaluation(deps.db, req.evaluationId, { updated_at: at }), expect: 1 },
    { query: appendHistory(deps.db, { evaluationId: req.evaluationId, action: 'reminder_settings', actor: req.actor, at, before, after }) },
  ]);
  return { ok: true, settings: parsed.data };
}
