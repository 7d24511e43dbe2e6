import type { CollectionDeps, Outcome } from '../collection';
import { markSummaryPosted } from '../collection';
import { notAdmin, notFound } from '../collection';
import { getEvaluation } from '../collection';
import { recordCardMessage } from '../../storage/repositories/collection/card-messages';
import { isAdmin } from '../../storage/repositories/collection/evaluations';
import { listHistory } from '../../storage/repositories/collection/history';
import type { LarkClient } from '../../transport/contract';
import { buildSummary } from './build-summary';
import { sendKey } from '../../platform/send-key';

export interface SummaryDeps extends CollectionDeps {
  lark: LarkClient;
}

/**
 * Why the summary is posted: collection finished (every row approved; posted by the bot itself), an
 * admin's `@bot 汇总`, or an admin's 按现有数据汇总 after the deadline. The last two may run with rows
 * still open; the card then says how many and that they score 0.
 */
export type SummaryTrigger = 'complete' | 'command' | 'deadline';

export interface PostedSummary {
  total: number;
  grade: string;
  cardMessageId: string;
  fileMessageIds: string[];
  open: number;
}

export const SUMMARY_CARD_KIND = 'summary';

/**
 * Posts the summary to the evaluation's group: scores the stored answers, uploads the .xlsx and .docx,
 * sends the card and right after it the two files, then records the post (from then on a changed entry
 * produces a 变更 notice). Sends carry a uuid derived from the evaluation, the post's sequence number
 * and the content, so a retry after a crash does not post twice.
 */
export async function postSummary(
  deps: SummaryDeps,
  req: { evaluationId: string; actor: string; trigger: SummaryTrigger },
): Promise<Outcome<PostedSummary>> {
  const view = await getEvaluation(deps.db, req.evaluationId);
  if (!view) return notFound('评价');
  if (req.trigger !== 'complete' && !(await isAdmin(deps.db, view.id, req.actor))) return notAdmin();
  if (!view.chatId) {
    return { ok: false, code: 'wrong_status', message: '这个评价还没有绑定群聊，无法发送汇总。请先在群里导入或选择群聊。' };
  }
  if (view.status === 'draft') {
    return { ok: false, code: 'wrong_status', message: '评价还在准备阶段，尚未开始收集，暂无可汇总的数据。请先发送「开始」开始收集。' };
  }

  const built = await buildSummary(view, deps.clock.now());
  const earlier = (await listHistory(deps.db, view.id)).filter((h) => h.action === 'summary_posted').length;
  const tag = sendKey('sum', view.id, earlier + 1, JSON.stringify(built.card));

  const [xlsx, docx] = await Promise.all([
    deps.lark.uploadFile(built.files.xlsx.name, built.files.xlsx.data, 'xls'),
    deps.lark.uploadFile(built.files.docx.name, built.files.docx.data, 'doc'),
  ]);
  const opts = { uuid: `${tag}-c`, tenantKey: view.tenantKey };
  const cardMessage = await deps.lark.sendMessage('chat_id', view.chatId, { msgType: 'interactive', content: built.card }, opts);
  const fileMessageIds: string[] = [];
  for (const [suffix, file] of [['x', xlsx], ['d', docx]] as const) {
    const sent = await deps.lark.sendMessage('chat_id', view.chatId, { msgType: 'file', content: { file_key: file.fileKey } }, { uuid: `${tag}-${suffix}`, tenantKey: view.tenantKey });
    fileMessageIds.push(sent.messageId);
  }

  const at = deps.clock.now().toISOString();
  await recordCardMessage(deps.db, { messageId: cardMessage.messageId, evaluationId: view.id, kind: SUMMARY_CARD_KIND, recipientId: view.chatId, at }).execute();
  const marked = await markSummaryPosted(deps, { evaluationId: view.id, actor: req.actor, messageId: cardMessage.messageId });
  if (!marked.ok) return marked;
  return { ok: true, total: built.result.total, grade: built.result.grade, cardMessageId: cardMessage.messageId, fileMessageIds, open: built.open };
}
