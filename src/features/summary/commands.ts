import { tr } from '#cards/shared/i18n';
import type { Command } from '../shared/router';
import { findEvaluationsInChat } from '../collection';
import type { MessageEvent } from '../../transport/contract';
import { postSummary, type SummaryDeps } from './post-summary';
import { postUnitRollup } from './unit-rollup';

/**
 * The chat commands of this feature: `@我 汇总` posts the summary card with the two files, `@我 年度汇总
 * [年份]` the unit's projects of the year. A refusal (what to do instead) is answered in the chat.
 */
export const summaryCommand: Command = {
  words: ['汇总', 'summary'],
  where: 'group',
  help: { usage: '@我 汇总', description: tr('发送总分、等级和评分明细，并附自评表和自评报告', 'post the total, grade and details with the workbook and report'), adminOnly: true },
  async run(ctx) {
    const refusal = await runSummaryCommand(ctx.deps, ctx.event);
    if (refusal) await ctx.say(refusal, 'summary-refused');
  },
};

export const unitRollupCommand: Command = {
  words: ['年度汇总', 'yearly'],
  gluedArgs: true,
  where: 'group',
  help: { usage: '@我 年度汇总 [年份]', description: tr('列出本单位该年度所有项目的预算、执行、得分和等级', 'list the unit’s projects of the year with budget, spending, score and grade'), adminOnly: true },
  async run(ctx) {
    const refusal = await runUnitRollupCommand(ctx.deps, ctx.event, ctx.args);
    if (refusal) await ctx.say(refusal, 'rollup-refused');
  },
};

const GROUP_ONLY = '请在评价所在的群里 @我 发送这个命令。';

/** The text to reply with when the summary was not posted, or null when the card is in the group. */
export async function runSummaryCommand(deps: SummaryDeps, event: MessageEvent): Promise<string | null> {
  if (event.chatType !== 'group') return GROUP_ONLY;
  const running = await findEvaluationsInChat(deps.db, { tenantKey: event.tenantKey, chatId: event.chatId, statuses: ['collecting', 'reviewing', 'final'] });
  const evaluation = running[0];
  if (!evaluation) return '这个群还没有开始收集的评价，暂无可汇总的数据。请先导入自评表并发送「开始」。';
  const posted = await postSummary(deps, { evaluationId: evaluation.id, actor: event.sender.openId, trigger: 'command' });
  return posted.ok ? null : posted.message;
}

export async function runUnitRollupCommand(deps: SummaryDeps, event: MessageEvent, args: string): Promise<string | null> {
  if (event.chatType !== 'group') return GROUP_ONLY;
  const year = /(\d{4})/.exec(args)?.[1] ?? null;
  if (args.trim() !== '' && !year) return '请写四位年份，例如「年度汇总 2019」；不写年份则汇总本群最近一个评价的年度。';
  const posted = await postUnitRollup(deps, { tenantKey: event.tenantKey, chatId: event.chatId, actor: event.sender.openId, year });
  return posted.ok ? null : posted.message;
}
