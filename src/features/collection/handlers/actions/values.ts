import { z } from 'zod';
import { BANDS } from '../../../../domain/evaluation';

/** The button values our cards send back, checked before use (a card can be old or tampered with). */
const rev = z.coerce.number().int().min(0);

export const itemValueSchema = z.object({ action: z.string(), rev, evaluationId: z.string().min(1), indicatorId: z.string().min(1) });
export const evaluationValueSchema = z.object({ action: z.string(), rev, evaluationId: z.string().min(1) });
export const pageValueSchema = z.object({ action: z.string(), rev: z.coerce.number().int(), evaluationId: z.string().min(1), page: z.coerce.number().int().min(0), ownerOpenId: z.string().optional() });
export const reviewDecideSchema = itemValueSchema.extend({ decision: z.enum(['approve', 'return']) });
export const approveAllSchema = evaluationValueSchema.extend({ ownerOpenId: z.string().min(1), rows: z.string() });
export const chooseGroupSchema = z.object({ action: z.string(), messageId: z.string().min(1), fileKey: z.string().min(1), fileName: z.string().min(1), sender: z.string().min(1) });

/** Form fields arrive as strings (multi-selects as arrays); anything else is treated as empty. */
export function formText(form: Record<string, unknown> | undefined, name: string): string | null {
  const v = form?.[name];
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t.length > 0 ? t : null;
}

export function formList(form: Record<string, unknown> | undefined, name: string): string[] {
  const v = form?.[name];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string' && x.length > 0);
  return typeof v === 'string' && v.length > 0 ? [v] : [];
}

export type BandValue = (typeof BANDS)[number];

export function formBand(form: Record<string, unknown> | undefined): BandValue | null {
  const v = formText(form, 'band');
  return v && (BANDS as readonly string[]).includes(v) ? (v as BandValue) : null;
}
