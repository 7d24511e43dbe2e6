import type { CardJson } from '../../src/transport/contract';
import { card, markdown, type Element } from '../shared/elements';
import { join, tr, type I18nText } from '../shared/i18n';
import { clip, escapeMd } from '../shared/markdown';

/**
 * 填报进度 (group): one card per evaluation, patched in place as entries arrive (the sender keeps
 * within Lark's 5 patches/s per message). Names, not @mentions: a patch should not ping anyone.
 */
export interface ProgressView {
  evaluationId: string;
  projectName: string;
  status: 'draft' | 'collecting' | 'reviewing' | 'final';
  deadline?: string | null;
  total: number;
  submitted: number;
  approved: number;
  returned: number;
  pending: Array<{ name: string; count: number }>;
  /** "11-23 09:30" in the chat's time zone, so readers see how fresh it is. */
  updatedAt: string;
}

const STATUS: Record<ProgressView['status'], I18nText> = {
  draft: tr('准备中', 'Setting up'),
  collecting: tr('收集中', 'Collecting'),
  reviewing: tr('审核中', 'In review'),
  final: tr('已锁定', 'Locked'),
};

const MAX_PENDING_NAMES = 40;

export function progressBar(done: number, total: number, width = 20): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `${'▓'.repeat(filled)}${'░'.repeat(width - filled)}`;
}

export function progressCard(view: ProgressView): CardJson {
  // "submitted" counts every row the owner has handed in, approved ones included
  const done = view.submitted + view.approved;
  const elements: Element[] = [
    markdown(
      join([
        tr('**已提交 {d} / {t}**', '**{d} of {t} submitted**', { d: done, t: view.total }),
        tr('（已通过 {a}，退回待改 {r}）', ' ({a} approved, {r} returned)', { a: view.approved, r: view.returned }),
        `\n${progressBar(done, view.total)}`,
        view.deadline ? join(['\n', tr('截止日期：{d}', 'Deadline: {d}', { d: view.deadline })]) : '',
      ]),
    ),
  ];
  if (view.pending.length > 0) {
    const names = view.pending.slice(0, MAX_PENDING_NAMES).map((p) => `${escapeMd(clip(p.name, 12))}（${p.count}）`);
    const more = view.pending.length - names.length;
    elements.push(
      markdown(
        join([
          tr('**待填报：**', '**Waiting for:** '),
          names.join('、'),
          more > 0 ? tr(' 等 {n} 人', ' and {n} more', { n: more }) : '',
        ]),
      ),
    );
  } else if (view.total > 0 && view.status !== 'draft') {
    elements.push(markdown(tr('🎉 所有责任人都已提交。', '🎉 Every owner has submitted.')));
  }
  elements.push(
    markdown(
      join([
        STATUS[view.status],
        tr(' · 更新于 {t} · 私聊我发送「我的」查看自己的待填项', ' · updated {t} · DM me "我的" for your own items', { t: view.updatedAt }),
      ]),
      { size: 'notation' },
    ),
  );
  return card({
    title: tr('填报进度', 'Progress'),
    subtitle: view.projectName,
    template: view.status === 'final' ? 'grey' : done === view.total && view.total > 0 ? 'green' : 'wathet',
    summary: tr('{p}：已提交 {d}/{t}', '{p}: {d}/{t} submitted', { p: view.projectName, d: done, t: view.total }),
    elements,
  });
}
