import type { CardJson } from '../../src/transport/contract';
import { card, markdown, type Element } from '../shared/elements';
import { currentValueLine, entryForm, itemDescription, type EntryFormView } from './entry-form';
import { join, tr } from '../shared/i18n';
import { escapeMd } from '../shared/markdown';

/** 退回修改 (DM): a row an admin sent back, with their comment and the value as it stands. */
export interface ReviseEntryView extends EntryFormView {
  projectName: string;
  budgetFullYear?: string | null;
  reviewerName: string;
  comment: string;
  error?: string | null;
}

export function reviseEntryCard(view: ReviseEntryView): CardJson {
  const elements: Element[] = [
    markdown(
      join([
        tr('↩️ **{by} 退回了此项，请修改后重新提交。**', '↩️ **{by} returned this row; please correct and resubmit.**', { by: escapeMd(view.reviewerName) }),
        '\n',
        tr('审核意见：{c}', 'Comment: {c}', { c: escapeMd(view.comment) }),
      ]),
    ),
    itemDescription(view.item, view.budgetFullYear),
  ];
  const current = currentValueLine(view.item);
  if (current) elements.push(current);
  if (view.error) elements.push(markdown(`❗ <font color='red'>${escapeMd(view.error)}</font>`));
  elements.push(entryForm(view, tr('重新提交', 'Resubmit')));
  return card({
    title: tr('退回修改：{name}', 'Returned: {name}', { name: view.item.name }),
    subtitle: view.projectName,
    template: view.error ? 'red' : 'orange',
    summary: tr('「{name}」被退回，请修改', '"{name}" was returned for correction', { name: view.item.name }),
    elements,
  });
}
