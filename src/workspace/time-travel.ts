import type { Kysely } from 'kysely';
import { type EvaluationSnapshot, loadCollectingSnapshots, type RunReport, runDueJobs, scheduleRungs, type WorkCalendar } from '../features/reminders';
import { addDays, shanghaiDate, shanghaiInstant } from '../platform/time';
import type { AdjustableClock } from '../platform/clock';
import type { Database } from '../storage/database';
import type { LarkClient } from '../transport/contract';
import type { Logger } from '../platform/log';

/**
 * 快进: local mode's clock control. Finds the next reminder rung of any collecting evaluation — the owners'
 * DM, the group notice, the 加急 on the last working day, the admins' daily overdue card — moves the shared
 * clock (bot, scheduler and fake Lark) just past it and runs the one scheduler entry point, `runDueJobs`,
 * exactly as the every-minute timer would at that moment. The rungs come from the ladder's own
 * `scheduleRungs`, so what is shown here is what production would send.
 */
export type RungStep = 'owner_dm' | 'group_notice' | 'urgent' | 'admin_daily';

export interface NextRung {
  at: Date;
  step: RungStep;
  project: string;
}

const SEARCH_DAYS = 60;

export function nextRung(snapshots: readonly EvaluationSnapshot[], now: Date, calendar: WorkCalendar): NextRung | null {
  const candidates: NextRung[] = [];
  for (const ev of snapshots) {
    if (ev.summaryPosted || !ev.owners.some((o) => o.pending > 0)) continue;
    const rungs = scheduleRungs(ev, calendar);
    for (const step of ['owner_dm', 'group_notice', 'urgent'] as const) {
      const rung = rungs[step === 'owner_dm' ? 'ownerDm' : step === 'group_notice' ? 'groupNotice' : 'urgent'];
      if (rung && rung.dueAt > now) candidates.push({ at: rung.dueAt, step, project: ev.title });
    }
    if (ev.settings.adminDaily.enabled) {
      let day = shanghaiDate(now > ev.deadline ? now : ev.deadline);
      for (let i = 0; i < SEARCH_DAYS; i++, day = addDays(day, 1)) {
        if (!calendar.isWorkingDay(day)) continue;
        const at = shanghaiInstant(day, ev.settings.adminDaily.at);
        if (at > ev.deadline && at > now) {
          candidates.push({ at, step: 'admin_daily', project: ev.title });
          break;
        }
      }
    }
  }
  return candidates.sort((a, b) => a.at.getTime() - b.at.getTime())[0] ?? null;
}

export interface TravelDeps {
  db: Kysely<Database>;
  lark: LarkClient;
  calendar: WorkCalendar;
  clock: AdjustableClock;
  log: Logger;
}

export type TravelResult = { moved: false } | { moved: true; rung: NextRung; now: Date; report: RunReport };

export async function travelToNextRung(deps: TravelDeps): Promise<TravelResult> {
  const rung = nextRung(await loadCollectingSnapshots(deps.db), deps.clock.now(), deps.calendar);
  if (!rung) return { moved: false };
  // a second past the rung: due, and still before the next one
  const now = deps.clock.advanceTo(new Date(rung.at.getTime() + 1000));
  let report: RunReport = { ran: false, reason: 'lease_held' };
  // the every-minute timer may hold the lease for a moment; it is released as soon as its run ends
  for (let attempt = 0; attempt < 20 && !report.ran; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, 250));
    report = await runDueJobs(deps.clock.now(), { db: deps.db, lark: deps.lark, calendar: deps.calendar, holder: 'workspace:time-travel', log: deps.log, retryDelayMs: 200 });
  }
  return { moved: true, rung, now, report };
}
