import type { CardJson } from '../../src/transport/contract';
import { COLLECTION_ACTIONS } from './actions';
import { button, card, columns, markdown } from '../shared/elements';
import { tr } from '../shared/i18n';
import { clip, escapeMd } from '../shared/markdown';

/** Sent to the evaluation's admins when an owner replies 转交 <person>; the first decision wins. */
export interface HandoverConfirmView {
  requestId: string;
  project: string;
  fromName: string;
  toName: string;
  items: string[];
  /** Set once decided: the buttons disappear and the outcome is shown. */
  decided?: { approved: boolean; byName: string } | null;
}

export function handoverConfirmCard(view: HandoverConfirmView): CardJson {
  const items = view.items.slice(0, 15).map((n) => `- ${escapeMd(clip(n, 40))}`);
  if (view.items.length > 15) items.push(`- …（另 ${view.items.length - 15} 项）`);
  const value = (action: string) => ({ action, rev: 0, requestId: view.requestId });
  const outcome = view.decided
    ? [
        markdown(
          view.decided.approved
            ? tr('✅ {by} 已同意转交', '✅ Approved by {by}', { by: escapeMd(view.decided.byName) })
            : tr('❌ {by} 已拒绝转交', '❌ Declined by {by}', { by: escapeMd(view.decided.byName) }),
        ),
      ]
    : [
        columns([
          { elements: [button({ text: tr('同意转交', 'Approve'), value: value(COLLECTION_ACTIONS.handoverApprove), type: 'primary' })] },
          { elements: [button({ text: tr('拒绝', 'Decline'), value: value(COLLECTION_ACTIONS.handoverDecline) })] },
        ]),
      ];
  return card({
    title: tr('转交确认', 'Confirm hand-over'),
    subtitle: escapeMd(clip(view.project, 60)),
    template: view.decided ? 'grey' : 'blue',
    summary: tr('{a} 请求转交给 {b}', '{a} asks to hand over to {b}', { a: view.fromName, b: view.toName }),
    elements: [
      markdown(
        tr('**{a}** 请求把以下 {n} 项指标转交给 **{b}**：', '**{a}** asks to hand these {n} item(s) to **{b}**:', {
          a: escapeMd(view.fromName),
          b: escapeMd(view.toName),
          n: view.items.length,
        }),
      ),
      markdown(items.join('\n')),
      ...outcome,
    ],
  });
}
