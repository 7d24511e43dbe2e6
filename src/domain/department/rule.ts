import { z } from 'zod';
import { D, fixed2, plain, round, type Dec } from '../scoring/decimal';

/**
 * How a formula indicator's rate becomes a score, as the published 部门整体支出绩效评价指标表 word it. Rates are
 * percentages as people write them (100 = 100 %). Deductions are quoted for the weight the source printed (`per`)
 * and scale with the indicator's own weight: "每超过一个百分点扣0.5分" on a 5-point row is `deduct 0.5, per 5`, and
 * a 10-point row of the same rule loses 1 point per step.
 */
const bandSchema = z
  .object({
    gt: z.number().finite().optional(),
    gte: z.number().finite().optional(),
    lt: z.number().finite().optional(),
    lte: z.number().finite().optional(),
    points: z.number().nonnegative(),
  })
  .strict();
export type Band = z.infer<typeof bandSchema>;

export const ruleSchema = z.discriminatedUnion('kind', [
  /** ≤ limit: full marks; every whole `step` points above it loses `deduct` (of `per`), down to 0. */
  z.object({ kind: z.literal('ceiling'), limit: z.number().finite(), step: z.number().positive(), deduct: z.number().positive(), per: z.number().positive() }).strict(),
  /** ≥ target: full marks; every whole `step` points below it loses `deduct` (of `per`), down to 0. */
  z.object({ kind: z.literal('floor'), target: z.number().finite(), step: z.number().positive(), deduct: z.number().positive(), per: z.number().positive() }).strict(),
  /** The first band the rate falls in gives `points` (of `per`). */
  z.object({ kind: z.literal('bands'), per: z.number().positive(), bands: z.array(bandSchema).min(1) }).strict(),
  /** 分值 × min(rate ÷ target, 1): "未完成指标值的，按照完成值与指标值的比例记分". */
  z.object({ kind: z.literal('proportional'), target: z.number().positive() }).strict(),
]);
export type Rule = z.infer<typeof ruleSchema>;

export interface RuleScore {
  score: Dec;
  /** `≤100%，得满分 5 分` / `比 100% 低 12.00 个百分点，满 5 个百分点 2 档，每档扣 2 分，得 1 分`. */
  reason: string;
}

const pct = (v: number | Dec) => `${plain(new D(v))}%`;

function inBand(b: Band, rate: Dec): boolean {
  return (
    (b.gt === undefined || rate.gt(b.gt)) &&
    (b.gte === undefined || rate.gte(b.gte)) &&
    (b.lt === undefined || rate.lt(b.lt)) &&
    (b.lte === undefined || rate.lte(b.lte))
  );
}

/** `=0`, `≥90%`, `80%（含）–90%`, `0–10%（含）`, `＞30%`. */
function bandText(b: Band): string {
  if (b.gte !== undefined && b.lte !== undefined && b.gte === b.lte) return `=${pct(b.gte)}`;
  const low = b.gte ?? b.gt;
  const high = b.lte ?? b.lt;
  if (low !== undefined && high !== undefined) {
    return `${pct(low)}${b.gte !== undefined ? '（含）' : ''}–${pct(high)}${b.lte !== undefined ? '（含）' : ''}`;
  }
  if (b.gte !== undefined) return `≥${pct(b.gte)}`;
  if (b.gt !== undefined) return `＞${pct(b.gt)}`;
  if (b.lte !== undefined) return `≤${pct(b.lte)}`;
  if (b.lt !== undefined) return `＜${pct(b.lt)}`;
  return '其他';
}

/** Points of a `per`-point source scaled to this weight, rounded as the engine rounds scores. */
function scaled(points: number, per: number, weight: Dec): Dec {
  return round(new D(points).times(weight).div(per));
}

/** The scoring standard in the words of the published tables, for this weight: what the card and the report show. */
export function describeRule(rule: Rule, weight: number | Dec): string {
  const w = new D(weight);
  switch (rule.kind) {
    case 'ceiling': {
      const d = plain(scaled(rule.deduct, rule.per, w));
      const step = rule.step === 1 ? '一个百分点' : `${plain(new D(rule.step))}个百分点`;
      return rule.limit === 0
        ? `≤0，计${plain(w)}分；>0，每超过${step}扣${d}分，扣完为止。`
        : `以${pct(rule.limit)}为标准，≤${pct(rule.limit)}计${plain(w)}分；每超过${step}扣${d}分，扣完为止。`;
    }
    case 'floor': {
      const d = plain(scaled(rule.deduct, rule.per, w));
      return `${pct(rule.target)}计满分（${plain(w)}分），每低于${plain(new D(rule.step))}个百分点扣${d}分，扣完为止。`;
    }
    case 'bands':
      return `${rule.bands
        .map((b) => {
          const points = scaled(b.points, rule.per, w);
          return `${bandText(b)}，${points.isZero() ? '不得分' : `计${plain(points)}分`}`;
        })
        .join('；')}。`;
    case 'proportional':
      return `达到${pct(rule.target)}计满分（${plain(w)}分）；未达到的，按实际值与${pct(rule.target)}的比例计分。`;
  }
}

/** Scores a rate (in percent) by the rule; the reason names the rule's numbers so the line can be checked by hand. */
export function scoreRate(rule: Rule, ratePercent: Dec, weight: number | Dec): RuleScore {
  const w = new D(weight);
  const rate = round(ratePercent, 2);
  switch (rule.kind) {
    case 'ceiling':
    case 'floor': {
      const edge = new D(rule.kind === 'ceiling' ? rule.limit : rule.target);
      const gap = rule.kind === 'ceiling' ? rate.minus(edge) : edge.minus(rate);
      const sign = rule.kind === 'ceiling' ? '≤' : '≥';
      if (gap.lte(0)) return { score: w, reason: `${sign}${pct(edge)}，得满分 ${plain(w)} 分` };
      const steps = gap.div(rule.step).floor();
      const per = scaled(rule.deduct, rule.per, w);
      const lost = D.min(w, per.times(steps));
      const score = w.minus(lost);
      const dir = rule.kind === 'ceiling' ? '超过' : '低于';
      const stepText = rule.step === 1 ? '1 个百分点' : `${plain(new D(rule.step))} 个百分点`;
      if (steps.isZero()) {
        return { score: w, reason: `${dir} ${pct(edge)} ${fixed2(gap)} 个百分点，不足 ${stepText}，不扣分，得 ${plain(w)} 分` };
      }
      return {
        score,
        reason: `${dir} ${pct(edge)} ${fixed2(gap)} 个百分点，按每 ${stepText}扣 ${plain(per)} 分扣 ${plain(steps)} 次${lost.eq(w) ? '（扣完为止）' : ''}，得 ${plain(score)} 分`,
      };
    }
    case 'bands': {
      const band = rule.bands.find((b) => inBand(b, rate));
      if (!band) return { score: new D(0), reason: `${pct(rate)} 不在评分标准的任何一档内，得 0 分` };
      const score = scaled(band.points, rule.per, w);
      return { score, reason: `${bandText(band)} 一档，得 ${plain(score)} 分` };
    }
    case 'proportional': {
      const target = new D(rule.target);
      if (rate.gte(target)) return { score: w, reason: `达到 ${pct(target)}，得满分 ${plain(w)} 分` };
      const score = round(w.times(D.max(rate, 0)).div(target));
      return { score, reason: `未达到 ${pct(target)}，按比例 ${pct(rate)} ÷ ${pct(target)} × ${plain(w)} 分 = ${plain(score)} 分` };
    }
  }
}
