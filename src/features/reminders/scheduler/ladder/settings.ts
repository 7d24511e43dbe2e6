import { z } from 'zod';
import { isWallTime } from '../../../../platform/time';
import { sendWindowSchema } from '../calendar/quiet-hours';

const wallTime = z.string().refine(isWallTime, '时间格式应为 HH:MM，例如 09:30');
const workingDays = z.number().int().min(1).max(20);

/**
 * The reminder ladder of one evaluation. Defaults follow the issue; an admin can change any of them
 * per evaluation from the preview card or by command (stored as a partial override, merged over these).
 */
export const ladderSettingsSchema = z.object({
  /**
   * A safety-net first card for owners the collection flow never reached. Off by default: the flow
   * sends every owner's first entry card as collection starts (`sendFirstEntryCards`) without recording
   * it where the scheduler could see it, so this rung would send a second message.
   */
  firstCard: z.object({ enabled: z.boolean().default(false) }).prefault({}),
  /** A new DM to every owner with items pending, N working days before the deadline. */
  ownerDm: z
    .object({ enabled: z.boolean().default(true), workingDaysBefore: workingDays.default(3), at: wallTime.default('09:30') })
    .prefault({}),
  /** One group message naming the owners still pending, N working days before the deadline. */
  groupNotice: z
    .object({
      enabled: z.boolean().default(true),
      /** The admin's group-@ switch: off → the message names people without notifying them. */
      mention: z.boolean().default(true),
      workingDaysBefore: workingDays.default(1),
      at: wallTime.default('09:30'),
    })
    .prefault({}),
  /** 加急 (urgent_app) on each pending owner's card on the deadline day. */
  urgent: z.object({ enabled: z.boolean().default(true), at: wallTime.default('15:00') }).prefault({}),
  /** A daily DM to the admins once the deadline has passed, while anyone is pending. */
  adminDaily: z.object({ enabled: z.boolean().default(true), at: wallTime.default('09:30') }).prefault({}),
  /** Quiet hours are everything outside this window, and every non-working day. */
  window: sendWindowSchema.prefault({}),
});
export type LadderSettings = z.output<typeof ladderSettingsSchema>;
export type LadderSettingsInput = z.input<typeof ladderSettingsSchema>;

export const DEFAULT_LADDER: LadderSettings = ladderSettingsSchema.parse({});

/** Merges a stored partial override over the defaults; throws a ZodError on bad values. */
export function resolveLadderSettings(override: unknown): LadderSettings {
  return ladderSettingsSchema.parse(override ?? {});
}
