import type { Feature } from '../shared/feature';
import { summaryCommand, unitRollupCommand } from './commands';

/**
 * Summary: the summary card with the 自评表 and 自评报告 posted to the group (by 汇总, when every row is
 * approved, or after the deadline), the unit's 年度汇总, and the posted card marked outdated by a late
 * entry. Its card posts come from commands and from the other features (through `./index.ts`); it
 * declares no card actions of its own.
 */
export const summaryFeature = {
  name: 'summary',
  actions: {},
  commands: [summaryCommand, unitRollupCommand],
} satisfies Feature;
