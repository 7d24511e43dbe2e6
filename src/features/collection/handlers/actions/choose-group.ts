import { groupChosenCard } from '#cards/collection/choose-group';
import { tr } from '#cards/shared/i18n';
import type { CardAction, CardActionResponse } from '../../../../transport/contract';
import type { FeatureDeps } from '../../../shared/feature';
import { importIntoChat } from '../import-flow';
import { knownGroupsOf } from '../messages/known-groups';
import { answer, BAD_CARD, toast } from '../../../shared/respond';
import { chooseGroupSchema, formText } from './values';

/** A sheet sent by DM goes to the group chosen on the card — if the person is a member of it. */
export async function chooseGroup(deps: FeatureDeps, action: CardAction): Promise<CardActionResponse> {
  const value = chooseGroupSchema.safeParse(action.value);
  if (!value.success) return answer(null, BAD_CARD);
  if (value.data.sender !== action.operator.openId) {
    // a forwarded card must not let someone else import the sender's file into a group of theirs
    return answer(null, toast('error', tr('只有发送这份表格的人可以选择导入到哪个群。', 'Only the person who sent this sheet can choose where it goes.')));
  }
  const chatId = formText(action.formValue, 'chat') ?? action.option ?? null;
  if (!chatId) return answer(null, toast('warning', tr('请先选择要导入到哪个群。', 'Choose a group first.')));
  const members = await deps.lark.listChatMembers(chatId);
  if (!members.some((m) => m.openId === action.operator.openId)) {
    return answer(null, toast('error', tr('你不在这个群里，不能把表格导入到该群。', 'You are not a member of that group.')));
  }
  const { fileName, messageId, fileKey } = value.data;
  // the name the person saw on the card (after the import the project's name would take over)
  const groups = await knownGroupsOf(deps.db, { tenantKey: action.tenantKey, openId: action.operator.openId });
  const groupName = groups.find((g) => g.chatId === chatId)?.name ?? '所选群';
  const bytes = await deps.lark.downloadMessageResource(messageId, fileKey, 'file');
  const result = await importIntoChat(deps, {
    tenantKey: action.tenantKey,
    chatId,
    importerOpenId: action.operator.openId,
    source: { kind: 'file', fileName, bytes },
    key: action.eventId,
    members,
  });
  return answer(groupChosenCard({ fileName, groupName, ok: result.ok, message: result.ok ? null : result.message }));
}
