import { findEvaluationsInChat } from '../collection/service/queries';
import type { MessageEvent } from '../../transport/contract';
import { postSummary, type SummaryDeps } from './post-summary';
import { postUnitRollup } from './unit-rollup';

/**
 * The group commands of this feature, for the message router: `@bot 汇总` and `@bot 年度汇总 [年份]`.
 * Each returns the text to reply with when it did not post (a refusal that says what to do), or null
 * when the card is in the group.
 */
export const SUMMARY_COMMANDS = { summary: '汇总', unitRollup: '年度汇总' } as const;

const GROUP_ONLY = '请在评价所在的群里 @我 发送这个命令。';

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
