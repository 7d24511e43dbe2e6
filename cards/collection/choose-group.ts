import type { CardJson } from '../../src/transport/contract';
import { COLLECTION_ACTIONS } from './actions';
import { button, card, form, markdown, selectStatic, type Element } from '../shared/elements';
import { tr } from '../shared/i18n';
import { escapeMd } from '../shared/markdown';

/**
 * 选择群 (DM): a sheet sent to the bot privately is imported into the group chosen here. The file's
 * message id and key ride in the button value, so nothing is stored until the import runs.
 */
export interface ChooseGroupView {
  fileName: string;
  messageId: string;
  fileKey: string;
  /** Who sent the file: only they may choose where it goes (the card can be forwarded). */
  sender: string;
  groups: Array<{ chatId: string; name: string }>;
}

export function chooseGroupCard(view: ChooseGroupView): CardJson {
  const elements: Element[] = [
    markdown(tr('收到表格 **{f}**。要导入到哪个群？', 'Got **{f}**. Which group is it for?', { f: escapeMd(view.fileName) })),
  ];
  if (view.groups.length === 0) {
    elements.push(
      markdown(
        tr(
          '我还没有和你在同一个群里。请先把我加入项目群，然后在群里把文件发出来并回复它「@我 导入」。',
          'We share no group yet. Add me to the project group, send the file there and reply to it with "@me 导入".',
        ),
      ),
    );
  } else {
    elements.push(
      form('choose_group_form', [
        selectStatic({
          name: 'chat',
          placeholder: tr('选择群', 'Choose a group'),
          options: view.groups.map((g) => ({ text: g.name, value: g.chatId })),
          initial: view.groups.length === 1 ? view.groups[0]!.chatId : null,
          required: true,
        }),
        button({
          text: tr('导入到该群', 'Import there'),
          name: 'choose_group_submit',
          type: 'primary_filled',
          formAction: 'submit',
          value: { action: COLLECTION_ACTIONS.importChooseGroup, rev: 0, messageId: view.messageId, fileKey: view.fileKey, fileName: view.fileName, sender: view.sender },
        }),
      ]),
    );
  }
  return card({ title: tr('导入表格', 'Import a sheet'), template: 'blue', elements });
}

/** After the choice: where the sheet went (or why it did not). */
export function groupChosenCard(view: { fileName: string; groupName: string; ok: boolean; message?: string | null }): CardJson {
  return card({
    title: tr('导入表格', 'Import a sheet'),
    template: view.ok ? 'green' : 'red',
    elements: [
      markdown(
        view.ok
          ? tr('✅ **{f}** 已导入到{g}，请在群里的预览卡片上指定责任人并开始收集。', '✅ **{f}** was imported into {g}; finish the setup on the preview card there.', {
              f: escapeMd(view.fileName),
              g: escapeMd(view.groupName),
            })
          : tr('❌ **{f}** 没有导入：{m}', '❌ **{f}** was not imported: {m}', { f: escapeMd(view.fileName), m: escapeMd(view.message ?? '') }),
      ),
    ],
  });
}
