import type { ScoredIndicator } from '../../../domain/scoring/result';
import type { Finding } from '../findings';
import { allFindings } from '../findings';
import type { ReportData } from '../model';
import { belowFull, draftReasons, overshoots, unanswered } from '../model';

/**
 * What the sections of the report share, worked out once: the draft state, the audit's findings and the rows
 * they concern, so that 四 and 五 never disagree (a duplicate is called one in both; a contradicted row is not
 * reported as simply met) and no section states another's sentence again.
 */
export interface ReportFacts {
  draft: string[];
  findings: Finding[];
  /** Second occurrence → first occurrence of a duplicated indicator. */
  duplicateOf: Map<number, number>;
  /** Rows whose value contradicts the table (the 预算执行率 row against the funding block). */
  contradicted: Set<number>;
  belowFull: ReturnType<typeof belowFull>;
  overshoots: ReturnType<typeof overshoots>;
  unanswered: ScoredIndicator[];
  /** Indicator completion (scores ÷ weights of the scored rows), a fraction. */
  completion: number | null;
}

export function reportFacts(data: ReportData): ReportFacts {
  const { result } = data;
  const findings = allFindings(data);
  const duplicateOf = new Map<number, number>();
  for (const f of findings) {
    if (f.code !== 'duplicate-indicator' || f.indicator === undefined) continue;
    const name = result.indicators[f.indicator]!.name.trim();
    const first = result.indicators.findIndex((r) => r.name.trim() === name);
    if (first >= 0 && first < f.indicator) duplicateOf.set(f.indicator, first);
  }
  const contradicted = new Set(findings.filter((f) => f.code === 'budget-rate-contradiction' && f.indicator !== undefined).map((f) => f.indicator!));
  const scored = result.indicators.filter((r) => r.applicable && r.score !== null);
  const weights = scored.reduce((s, r) => s + r.weight, 0);
  return {
    draft: draftReasons(data),
    findings,
    duplicateOf,
    contradicted,
    belowFull: belowFull(result),
    overshoots: overshoots(result),
    unanswered: unanswered(result),
    completion: weights > 0 ? scored.reduce((s, r) => s + (r.score ?? 0), 0) / weights : null,
  };
}
