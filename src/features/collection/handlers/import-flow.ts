import { getEvaluation, importEvaluation, type EvaluationView } from '../service';
import { findEvaluationIdBySource } from '../../../storage/repositories/collection/evaluations';
import type { ChatMember } from '../../../transport/contract';
import type { FeatureDeps } from '../../shared/feature';
import { readPastedSheet, readSheetFile, type ReadOutcome } from './table-readers';
import { sendCard, sendText } from '../../shared/send';
import { errorFields } from '../../../platform/log';
import { sendKey } from '../../../platform/send-key';
import { previewCardFor } from './views/preview';

/**
 * From a sheet (file bytes or pasted text) to a draft evaluation in a group with its preview card.
 * Owners are matched against the group's members; names that match nobody or several people are
 * left for the importer to settle on the card, never guessed.
 */
export type SheetSource = { kind: 'file'; bytes: Uint8Array; fileName: string } | { kind: 'pasted'; text: string };

export interface ImportRequest {
  tenantKey: string;
  chatId: string;
  importerOpenId: string;
  source: SheetSource;
  /** Makes the sends of a retried event land once (the triggering message or callback id). */
  key: string;
  /** Members already fetched by the caller (the DM flow checks membership with them). */
  members?: ChatMember[];
}

export type ImportResult = { ok: true; evaluation: EvaluationView } | { ok: false; message: string };

export async function importIntoChat(deps: FeatureDeps, req: ImportRequest): Promise<ImportResult> {
  const read = await readSheet(deps, req.source);
  const to = { type: 'chat_id' as const, id: req.chatId, tenantKey: req.tenantKey };
  if (!read.ok) {
    await sendText(deps, to, `没能导入这张表：${read.message}`, sendKey('import-failed', req.key));
    return read;
  }
  if (read.input.indicators.length === 0) {
    const message = '表格里没有找到绩效指标行（需要“一级指标 / 二级指标 / 三级指标 / 年度指标值 / 分值”这些列）。可以发送「@我 模板」获取模板。';
    await sendText(deps, to, `没能导入这张表：${message}`, sendKey('import-failed', req.key));
    return { ok: false, message };
  }
  const members = req.members ?? (await deps.lark.listChatMembers(req.chatId));
  // A replay of this import (crash after the commit, before the preview went out) re-sends the same preview.
  const earlier = await findEvaluationIdBySource(deps.db, req.tenantKey, req.key);
  const earlierView = earlier ? await getEvaluation(deps.db, earlier) : undefined;
  if (earlierView) {
    await sendCard(deps, to, previewCardFor(earlierView, members), sendKey('preview', earlierView.id));
    return { ok: true, evaluation: earlierView };
  }
  const { evaluation } = await importEvaluation(deps, {
    tenantKey: req.tenantKey,
    chatId: req.chatId,
    importerOpenId: req.importerOpenId,
    input: read.input,
    sourceFileName: req.source.kind === 'file' ? req.source.fileName : null,
    sourceKey: req.key,
    deadline: read.deadline ?? null,
    directory: {
      members: members.map((m) => ({ openId: m.openId, name: m.name })),
      lookupContacts: (q) => deps.lark.batchGetUserIds(q),
    },
  });
  await sendCard(deps, to, previewCardFor(evaluation, members), sendKey('preview', evaluation.id));
  return { ok: true, evaluation };
}

async function readSheet(deps: FeatureDeps, source: SheetSource): Promise<ReadOutcome> {
  try {
    return source.kind === 'file' ? await readSheetFile(source.bytes, source.fileName) : await readPastedSheet(source.text);
  } catch (error) {
    deps.log.warn('sheet could not be read', errorFields(error));
    return { ok: false, message: '文件无法打开，请确认是 .xlsx 或 .csv 格式且没有加密。' };
  }
}
