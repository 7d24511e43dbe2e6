import type { CardJson } from '../../src/transport/contract';
import { COLLECTION_ACTIONS } from './actions';
import { button, card, divider, markdown, type Element } from '../shared/elements';
import { join, tr, type Text } from '../shared/i18n';
import { statusIcon, statusLabel } from '../shared/labels';
import { clip, escapeMd } from '../shared/markdown';
import type { EntryStatus } from './view';

/** 我的 (DM): my open items in every evaluation, each evaluation with a button into its walk-through. */
export interface MyPendingView {
  evaluations: Array<{
    evaluationId: string;
    projectName: string;
    deadline?: string | null;
    rev: number;
    items: Array<{ indicatorId: string; name: string; status: EntryStatus }>;
  }>;
}

const MAX_EVALUATIONS = 8;
const MAX_ITEMS = 8;

export function myPendingCard(view: MyPendingView): CardJson {
  const elements: Element[] = [];
  if (view.evaluations.length > MAX_EVALUATIONS) {
    elements.push(markdown(tr('你有 {n} 个评价待填，先显示最早截止的 {m} 个。', '{n} evaluations are waiting; showing the {m} due first.', { n: view.evaluations.length, m: MAX_EVALUATIONS })));
  }
  if (view.evaluations.length > 0) {
    elements.push(markdown(join(['⏳ ', statusLabel('pending'), '　↩️ ', statusLabel('returned')]), { size: 'notation' }));
  }
  if (view.evaluations.length === 0) {
    elements.push(markdown(tr('🎉 你目前没有待填报的指标。', '🎉 Nothing is waiting for you.')));
  }
  for (const [n, ev] of view.evaluations.slice(0, MAX_EVALUATIONS).entries()) {
    if (n > 0) elements.push(divider());
    const items: Text[] = ev.items.slice(0, MAX_ITEMS).map((i) => `${statusIcon(i.status)} ${escapeMd(clip(i.name, 40))}`);
    if (ev.items.length > items.length) items.push(tr('…还有 {n} 项', '…{n} more', { n: ev.items.length - items.length }));
    elements.push(
      markdown(
        join([
          `**${escapeMd(ev.projectName)}**`,
          ev.deadline ? tr('　截止 {d}', '　due {d}', { d: ev.deadline }) : '',
          '\n',
          join(items, '\n'),
        ]),
      ),
    );
    const first = ev.items[0];
    if (first) {
      elements.push(
        button({
          text: tr('开始填写', 'Start'),
          type: 'primary',
          value: { action: COLLECTION_ACTIONS.entryOpen, rev: ev.rev, evaluationId: ev.evaluationId, indicatorId: first.indicatorId },
        }),
      );
    }
  }
  return card({
    title: tr('我的待填报', 'My open items'),
    template: view.evaluations.length === 0 ? 'green' : 'blue',
    elements,
  });
}
