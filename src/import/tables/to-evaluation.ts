import type { EvaluationInput, IndicatorInput } from '../../domain/evaluation';
import { collectionGate, type Gate } from './gate';
import type { BudgetReading, RowReading, TableReading } from './reading';

type Sources = NonNullable<EvaluationInput['budget']['sources']>;

/** The three source lines of the MoF template, by the words their labels use. */
function sourcesOf(budget: BudgetReading): Sources | undefined {
  const out: Sources = {};
  for (const s of budget.sources) {
    const key = /当年财政拨款|本年财政拨款/.test(s.label) ? 'currentYear' : /上年结转/.test(s.label) ? 'carryOver' : /^其他资金/.test(s.label) ? 'other' : null;
    if (key && !out[key]) out[key] = { initial: s.initial, fullYear: s.fullYear, executed: s.executed };
  }
  return Object.keys(out).length ? out : undefined;
}

function budgetOf(b: BudgetReading): EvaluationInput['budget'] {
  if (!b.present) return { fullYear: 0, weight: 0, absent: true };
  const sources = sourcesOf(b);
  return {
    initial: b.initial,
    fullYear: b.fullYear ?? 0,
    executed: b.executed,
    ...(b.weight !== null ? { weight: b.weight } : {}),
    ...(b.printedRate !== null ? { printedRate: b.printedRate } : {}),
    ...(b.printedScore !== null ? { printedScore: b.printedScore } : {}),
    ...(sources ? { sources } : {}),
  };
}

function indicatorOf(r: RowReading): IndicatorInput {
  return {
    level1: r.level1,
    level2: r.level2,
    name: r.name,
    target: r.target,
    // A 不适用 row without a 分值 weighs nothing; it is dropped from the total anyway.
    weight: r.weight ?? (r.applicable ? r.weightText : 0),
    actual: r.actual,
    ...(r.band ? { band: r.band } : {}),
    ...(r.applicable ? {} : { applicable: false }),
    deviationReason: r.deviationReason,
    printedScore: r.printedScore,
    owner: r.owner,
  };
}

/**
 * The evaluation a reading describes — indicator rows only, skipped rows left out — once nothing blocks it; else
 * the gate saying which rows to fix.
 */
export function evaluationOf(reading: TableReading): { ok: true; evaluation: EvaluationInput } | { ok: false; gate: Gate } {
  const gate = collectionGate(reading);
  if (!gate.ok) return { ok: false, gate };
  const p = reading.project;
  const evaluation: EvaluationInput = {
    project: { name: p.name, department: p.department, implementingUnit: p.implementingUnit, year: p.year },
    budget: budgetOf(reading.budget),
    ...(reading.goals ? { goals: reading.goals } : {}),
    indicators: reading.rows.filter((r) => r.status !== 'skipped').map(indicatorOf),
    ...(reading.printedTotal !== null ? { printedTotal: reading.printedTotal } : {}),
  };
  return { ok: true, evaluation };
}
