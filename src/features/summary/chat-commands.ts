import { tr } from '#cards/shared/i18n';
import type { Command } from '../shared/router';
import { runSummaryCommand, runUnitRollupCommand } from './commands';

/**
 * Rows for the message router's command table: `@我 汇总` posts the summary card with the two files,
 * `@我 年度汇总 [年份]` the unit's projects of the year. A refusal is answered in the chat.
 */
export const summaryCommand: Command = {
  words: ['汇总', 'summary'],
  where: 'group',
  help: { usage: '@我 汇总', description: tr('发送总分、等级和评分明细，并附自评表和自评报告', 'post the total, grade and details with the workbook and report'), adminOnly: true },
  async run(ctx) {
    const refusal = await runSummaryCommand(ctx.deps, ctx.event);
    if (refusal) await ctx.reply({ msgType: 'text', content: { text: refusal } }, 'summary-refused');
  },
};

export const unitRollupCommand: Command = {
  words: ['年度汇总', 'yearly'],
  gluedArgs: true,
  where: 'group',
  help: { usage: '@我 年度汇总 [年份]', description: tr('列出本单位该年度所有项目的预算、执行、得分和等级', 'list the unit’s projects of the year with budget, spending, score and grade'), adminOnly: true },
  async run(ctx) {
    const refusal = await runUnitRollupCommand(ctx.deps, ctx.event, ctx.args);
    if (refusal) await ctx.reply({ msgType: 'text', content: { text: refusal } }, 'rollup-refused');
  },
};
