import type { CardJson } from '../../src/transport/contract';
import { COLLECTION_ACTIONS } from './actions';
import { button, card, columns, markdown, table, type Element } from '../shared/elements';
import { join, tr } from '../shared/i18n';
import { statusLabel } from '../shared/labels';
import { clip, escapeMd, num } from '../shared/markdown';
import type { EntryRowView } from './view';

/**
 * 总览 (admins, group): where every row stands, the running total and grade, and the lock /
 * reopen switch. The formal 自评表 / 自评报告 come from the summary feature, not from here.
 */
export interface AdminOverviewView {
  evaluationId: string;
  projectName: string;
  status: 'draft' | 'collecting' | 'reviewing' | 'final';
  /** Evaluation version: the card's state revision. */
  rev: number;
  rows: EntryRowView[];
  total: number;
  grade: string;
  warnings: string[];
  lockedBy?: string | null;
  lockedAt?: string | null;
}

const MAX_WARNINGS = 8;

export function adminOverviewCard(view: AdminOverviewView): CardJson {
  const count = (s: EntryRowView['status']) => view.rows.filter((r) => r.status === s).length;
  const elements: Element[] = [
    markdown(
      join([
        tr('**当前总分 {t}（{g}）**', '**Running total {t} ({g})**', { t: num(view.total), g: view.grade }),
        '\n',
        tr('待填 {p} · 待审核 {s} · 已通过 {a} · 退回 {r}', '{p} open · {s} to review · {a} approved · {r} returned', {
          p: count('pending'),
          s: count('submitted'),
          a: count('approved'),
          r: count('returned'),
        }),
      ]),
    ),
    table(
      [
        { name: 'item', displayName: '指标' },
        { name: 'actual', displayName: '实际完成值' },
        { name: 'score', displayName: '得分', width: '80px' },
        { name: 'status', displayName: '状态', width: '80px' },
        { name: 'owner', displayName: '责任人', width: '90px' },
      ],
      view.rows.map((r) => ({
        item: clip(r.name, 40),
        actual: clip([r.band, r.actual].filter(Boolean).join(' · ') || '—', 40),
        score: `${num(r.score)}/${num(r.weight)}`,
        status: statusLabel(r.status).zh_cn,
        owner: clip(r.ownerName ?? '—', 12),
      })),
    ),
  ];
  if (view.warnings.length > 0) {
    const shown = view.warnings.slice(0, MAX_WARNINGS).map((w) => `⚠️ ${escapeMd(w)}`);
    if (view.warnings.length > shown.length) shown.push(`…+${view.warnings.length - shown.length}`);
    elements.push(markdown(shown.join('\n'), { size: 'notation' }));
  }
  const base = { rev: view.rev, evaluationId: view.evaluationId };
  if (view.status === 'final') {
    elements.push(
      markdown(
        tr('🔒 已由 {by} 于 {at} 锁定。修改需要先重新开放。', '🔒 Locked by {by} at {at}. Reopen it before any change.', {
          by: escapeMd(view.lockedBy ?? ''),
          at: view.lockedAt ?? '',
        }),
      ),
      button({
        text: tr('重新开放', 'Reopen'),
        type: 'danger',
        value: { action: COLLECTION_ACTIONS.overviewReopen, ...base },
        confirm: { title: tr('重新开放？', 'Reopen?'), text: tr('重新开放后责任人可以再次修改。', 'Owners will be able to change their entries again.') },
      }),
    );
  } else {
    elements.push(
      columns([
        { elements: [button({ text: tr('刷新', 'Refresh'), value: { action: COLLECTION_ACTIONS.overviewRefresh, ...base } })] },
        {
          elements: [
            button({
              text: tr('锁定（定稿）', 'Lock (final)'),
              type: 'primary_filled',
              value: { action: COLLECTION_ACTIONS.overviewLock, ...base },
              confirm: {
                title: tr('锁定本次自评？', 'Lock this evaluation?'),
                text: tr('锁定后任何修改都需要管理员重新开放。', 'After locking, any change needs an admin to reopen it.'),
              },
            }),
          ],
        },
      ]),
    );
  }
  return card({
    title: tr('总览', 'Overview'),
    subtitle: view.projectName,
    template: view.status === 'final' ? 'grey' : 'indigo',
    summary: tr('{p}：当前总分 {t}', '{p}: running total {t}', { p: view.projectName, t: num(view.total) }),
    elements,
  });
}
