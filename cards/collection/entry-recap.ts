import type { CardJson } from '../../src/transport/contract';
import { COLLECTION_ACTIONS } from './actions';
import { button, card, columns, divider, markdown, type Element } from '../shared/elements';
import { join, tr } from '../shared/i18n';
import { statusIcon, statusLabel } from '../shared/labels';
import { clip, escapeMd, num } from '../shared/markdown';
import type { EntryRowView } from './view';
import { isOpenStatus } from '../../src/domain/value-status';

/** 填报汇总 (DM): every entry of one owner after the last item, each with a 修改 button. */
export interface RecapRow extends EntryRowView {
  /** The row's value version, the revision its 修改 button carries. */
  rev: number;
}

export interface EntryRecapView {
  evaluationId: string;
  projectName: string;
  rows: RecapRow[];
  /** 0-based page; rows are paged so the card stays under 200 components. */
  page?: number;
  saved?: { name: string; actual: string; score: number | null; weight: number; explanation: string } | null;
  readOnlyReason?: string | null;
  /** Counts page turns on this message, so a return to a page is never taken for a repeat of an earlier click. */
  pagerRev?: number;
}

export const RECAP_PAGE_SIZE = 25;

export function entryRecapCard(view: EntryRecapView): CardJson {
  const pages = Math.max(1, Math.ceil(view.rows.length / RECAP_PAGE_SIZE));
  const page = Math.min(Math.max(view.page ?? 0, 0), pages - 1);
  const rows = view.rows.slice(page * RECAP_PAGE_SIZE, (page + 1) * RECAP_PAGE_SIZE);
  const open = view.rows.filter((r) => isOpenStatus(r.status)).length;
  const elements: Element[] = [];
  if (view.saved) {
    elements.push(
      markdown(
        join([
          tr('✅ 已保存「{name}」：{actual}，得分 ', '✅ Saved "{name}": {actual}, score ', {
            name: escapeMd(view.saved.name),
            actual: escapeMd(view.saved.actual),
          }),
          `**${num(view.saved.score)}** / ${num(view.saved.weight)}\n${escapeMd(view.saved.explanation)}`,
        ]),
        { size: 'notation' },
      ),
    );
  }
  elements.push(
    markdown(
      open === 0
        ? tr('你负责的 **{n}** 项已全部提交，谢谢！需要修改哪一项，点它右边的「修改」。', 'All **{n}** of your items are in — thank you! Press "Edit" next to any row to change it.', { n: view.rows.length })
        : tr('你负责的 {n} 项中还有 **{open}** 项未完成。', '**{open}** of your {n} items are still open.', { n: view.rows.length, open }),
    ),
    markdown(join(['⏳ ', statusLabel('pending'), '　📝 ', statusLabel('submitted'), '　✅ ', statusLabel('approved'), '　↩️ ', statusLabel('returned')]), { size: 'notation' }),
    divider(),
  );
  for (const row of rows) elements.push(recapRow(view, row));
  if (pages > 1) elements.push(pager(view, page, pages));
  if (view.readOnlyReason) elements.push(markdown(`🔒 ${escapeMd(view.readOnlyReason)}`));
  return card({
    title: tr('填报汇总', 'Your entries'),
    subtitle: view.projectName,
    template: open === 0 ? 'green' : 'blue',
    summary: tr('填报汇总：{p}', 'Your entries: {p}', { p: view.projectName }),
    elements,
  });
}

function recapRow(view: EntryRecapView, row: RecapRow): Element {
  const value = [row.band, row.actual].filter(Boolean).join(' · ') || '—';
  // language-neutral row (status icon, value, score/weight): 25 bilingual rows would not fit 30 KB
  const text = `${statusIcon(row.status)} **${escapeMd(clip(row.name, 40))}**\n${escapeMd(clip(value, 40))} · **${num(row.score)}**/${num(row.weight)}`;
  return columns([
    { weight: 5, elements: [markdown(text, { size: 'notation' })] },
    {
      weight: 1,
      elements: [
        button({
          text: tr('修改', 'Edit'),
          size: 'small',
          disabled: Boolean(view.readOnlyReason),
          // `state` (all rows' versions): 修改 on a row untouched since the last press is still a new click
          value: { action: COLLECTION_ACTIONS.recapEdit, rev: row.rev, state: view.rows.reduce((s, r) => s + r.rev, 0), evaluationId: view.evaluationId, indicatorId: row.indicatorId },
        }),
      ],
    },
  ]);
}

function pager(view: EntryRecapView, page: number, pages: number): Element {
  // see review-batch: a pager value must never repeat on one message, or the click is dropped as a repeat
  const state = view.rows.reduce((s, r) => s + r.rev, 0);
  const go = (to: number) => ({ action: COLLECTION_ACTIONS.recapPage, rev: view.pagerRev ?? 0, state, evaluationId: view.evaluationId, page: to });
  return columns([
    { elements: [button({ text: tr('上一页', 'Previous page'), size: 'small', disabled: page === 0, value: go(page - 1) })] },
    { elements: [markdown(tr('第 {p}/{n} 页', 'Page {p} of {n}', { p: page + 1, n: pages }), { size: 'notation' })] },
    { elements: [button({ text: tr('下一页', 'Next page'), size: 'small', disabled: page >= pages - 1, value: go(page + 1) })] },
  ]);
}
