import type { Feature } from '../shared/feature';

/**
 * Reports: the .xlsx 自评表 and .docx 自评报告, built in memory from one score result. The summary posts
 * them and `jixiao report` writes them (both through `./index.ts`); no card action or command of its own.
 */
export const reportsFeature = {
  name: 'reports',
  actions: {},
  commands: [],
} satisfies Feature;
