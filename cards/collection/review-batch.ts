import type { CardJson } from '../../src/transport/contract';
import { COLLECTION_ACTIONS } from './actions';
import { button, card, columns, divider, form, input, markdown, type Element } from '../shared/elements';
import { join, tr } from '../shared/i18n';
import { L, statusIcon } from '../shared/labels';
import { clip, escapeMd, num } from '../shared/markdown';
import type { EntryRowView } from './view';

/**
 * 审核 (admin DM): one owner's submitted rows with 通过 / 退回 per row. 退回 needs the comment typed
 * in that row's box; the handler refuses an empty one with a toast.
 */
export interface ReviewRow extends EntryRowView {
  rev: number;
  reviewComment?: string | null;
}

export interface ReviewBatchView {
  evaluationId: string;
  projectName: string;
  ownerName: string;
  ownerOpenId: string;
  rows: ReviewRow[];
  page?: number;
  /** Shown after a decision: what the last click did. */
  notice?: string | null;
  readOnlyReason?: string | null;
  /** Counts page turns on this message, so a return to a page is never taken for a repeat of an earlier click. */
  pagerRev?: number;
}

export const REVIEW_PAGE_SIZE = 10;

export function reviewBatchCard(view: ReviewBatchView): CardJson {
  const waiting = view.rows.filter((r) => r.status === 'submitted');
  const pages = Math.max(1, Math.ceil(view.rows.length / REVIEW_PAGE_SIZE));
  const page = Math.min(Math.max(view.page ?? 0, 0), pages - 1);
  const rows = view.rows.slice(page * REVIEW_PAGE_SIZE, (page + 1) * REVIEW_PAGE_SIZE);
  const elements: Element[] = [
    markdown(
      tr('**{owner}** 提交的 {n} 项，待审核 **{w}** 项。', '**{w}** of the {n} rows from **{owner}** await review.', {
        owner: escapeMd(view.ownerName),
        n: view.rows.length,
        w: waiting.length,
      }),
    ),
  ];
  elements.push(
    markdown(
      join(['🎯 ', L.target, '　📌 ', L.actual, '　**', L.score, '**/', L.weight, '　🧮 ', tr('计分说明', 'how scored'), '　💬 ', L.deviation]),
      { size: 'notation' },
    ),
  );
  if (view.notice) elements.push(markdown(escapeMd(view.notice), { size: 'notation' }));
  const formElements: Element[] = [];
  for (const row of rows) formElements.push(...reviewRow(view, row));
  const pageWaiting = rows.filter((r) => r.status === 'submitted');
  if (pageWaiting.length > 1 && !view.readOnlyReason) {
    formElements.push(
      button({
        text: tr('本页全部通过（{n} 项）', 'Approve all on this page ({n})', { n: pageWaiting.length }),
        name: 'review_approve_all',
        type: 'primary',
        formAction: 'submit',
        value: {
          action: COLLECTION_ACTIONS.reviewApproveAll,
          rev: pageWaiting.reduce((s, r) => s + r.rev, 0),
          evaluationId: view.evaluationId,
          ownerOpenId: view.ownerOpenId,
          // "id:version" pairs: only rows the admin actually saw, at the version they saw
          rows: pageWaiting.map((r) => `${r.indicatorId}:${r.rev}`).join(','),
        },
      }),
    );
  }
  // Lark rejects a form without a submit button: once nothing on this page waits for a decision
  // (all decided, or locked) the rows are shown without one.
  const decidable = pageWaiting.length > 0 && !view.readOnlyReason;
  if (decidable) elements.push(form('review_form', formElements));
  else elements.push(...formElements);
  if (pages > 1) {
    // the transport answers a repeated click (same value on the same message) with no card, so the
    // value changes with every page turn (pagerRev) and with every change of the rows (state)
    const state = view.rows.reduce((s, r) => s + r.rev, 0);
    const go = (to: number) => ({ action: COLLECTION_ACTIONS.reviewPage, rev: view.pagerRev ?? 0, state, evaluationId: view.evaluationId, ownerOpenId: view.ownerOpenId, page: to });
    elements.push(
      columns([
        { elements: [button({ text: tr('上一页', 'Previous page'), size: 'small', disabled: page === 0, value: go(page - 1) })] },
        { elements: [markdown(tr('第 {p}/{n} 页', 'Page {p} of {n}', { p: page + 1, n: pages }), { size: 'notation' })] },
        { elements: [button({ text: tr('下一页', 'Next page'), size: 'small', disabled: page >= pages - 1, value: go(page + 1) })] },
      ]),
    );
  }
  if (view.readOnlyReason) elements.push(markdown(`🔒 ${escapeMd(view.readOnlyReason)}`));
  return card({
    title: tr('审核：{owner}', 'Review: {owner}', { owner: view.ownerName }),
    subtitle: view.projectName,
    template: waiting.length === 0 ? 'green' : 'violet',
    summary: tr('{owner} 的填报待审核', 'Entries from {owner} await review', { owner: view.ownerName }),
    elements,
  });
}

function reviewRow(view: ReviewBatchView, row: ReviewRow): Element[] {
  const value = [row.band, row.actual].filter(Boolean).join(' · ') || '—';
  // icons instead of bilingual labels (legend at the top): 10 rows of long reasons must fit 30 KB
  const lines = [
    `${statusIcon(row.status)} **${escapeMd(clip(row.name, 60))}**`,
    `🎯 ${escapeMd(clip(row.target, 40))}　📌 ${escapeMd(clip(value, 60))}　**${num(row.score)}**/${num(row.weight)}`,
    row.explanation ? `🧮 ${escapeMd(clip(row.explanation, 120))}` : '',
    row.deviationReason ? `💬 ${escapeMd(clip(row.deviationReason, 200))}` : '',
    row.status === 'returned' && row.reviewComment ? `↩️ ${escapeMd(clip(row.reviewComment, 120))}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  const out: Element[] = [divider(), markdown(lines, { size: 'notation' })];
  if (row.status !== 'submitted' || view.readOnlyReason) return out;
  const base = { rev: row.rev, evaluationId: view.evaluationId, indicatorId: row.indicatorId };
  out.push(
    input({ name: `comment_${row.indicatorId}`, placeholder: tr('退回时请写明原因（必填）', 'Reason for returning (required to return)'), maxLength: 500 }),
    columns([
      {
        elements: [
          button({
            text: tr('通过', 'Approve'),
            name: `approve_${row.indicatorId}`,
            type: 'primary',
            size: 'small',
            formAction: 'submit',
            value: { action: COLLECTION_ACTIONS.reviewDecide, decision: 'approve', ...base },
          }),
        ],
      },
      {
        elements: [
          button({
            text: tr('退回', 'Return'),
            name: `return_${row.indicatorId}`,
            type: 'danger',
            size: 'small',
            formAction: 'submit',
            value: { action: COLLECTION_ACTIONS.reviewDecide, decision: 'return', ...base },
          }),
        ],
      },
    ]),
  );
  return out;
}
