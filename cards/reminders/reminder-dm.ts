import type { CardJson } from '../../src/transport/contract';
import { COLLECTION_ACTIONS } from '../collection/actions';
import { button, card, divider, markdown } from '../shared/elements';
import { tr } from '../shared/i18n';
import { clip, escapeMd } from '../shared/markdown';

/**
 * The owner's reminder: a NEW direct message (editing an existing card notifies nobody), listing what
 * is still open and the two replies that pause or move the work. Also the card 加急 buzzes when the
 * owner's entry card cannot be found.
 */
export interface ReminderDmView {
  project: string;
  /** `YYYY-MM-DD`, the last day answers are expected. */
  deadline: string;
  pendingItems: string[];
  pendingCount: number;
  /** `due` = the T-3 reminder; `last_day` = deadline day (the buzzed one). */
  stage: 'due' | 'last_day';
  /** `YYYY-MM-DD` it goes out: a deadline on a day off is buzzed on the working day before, which is not 今天截止. */
  sentOn?: string;
  /** The first open row: 开始填写 opens its entry card in place of this one. */
  open?: { evaluationId: string; indicatorId: string } | null;
}

const MAX_LISTED = 10;

export function reminderDmCard(view: ReminderDmView): CardJson {
  const listed = view.pendingItems.slice(0, MAX_LISTED).map((name) => `- ${escapeMd(clip(name, 40))}`);
  const more = view.pendingCount - Math.min(view.pendingItems.length, MAX_LISTED);
  const lastDay = view.stage === 'last_day';
  return card({
    title: lastDay
      ? view.sentOn === undefined || view.sentOn === view.deadline
        ? tr('今天截止：绩效自评待填报', 'Due today: self-evaluation entries')
        : tr('{d}截止：绩效自评待填报', 'Due {e}: self-evaluation entries', { d: monthDay(view.deadline), e: view.deadline })
      : tr('绩效自评填报提醒', 'Self-evaluation reminder'),
    subtitle: escapeMd(clip(view.project, 60)),
    template: lastDay ? 'red' : 'orange',
    summary: tr('您还有 {n} 项待填报，截止 {d}', '{n} item(s) still open, due {d}', { n: view.pendingCount, d: view.deadline }),
    elements: [
      markdown(
        tr(
          '您负责的指标还有 **{n} 项** 未填报，截止日期 **{d}**：',
          '**{n} item(s)** you own are still open; the deadline is **{d}**:',
          { n: view.pendingCount, d: view.deadline },
        ),
      ),
      markdown([...listed, ...(more > 0 ? [`- …（另 ${more} 项）`] : [])].join('\n')),
      ...(view.open
        ? [
            button({
              text: tr('开始填写', 'Fill in now'),
              type: 'primary',
              value: { action: COLLECTION_ACTIONS.entryOpen, rev: 0, evaluationId: view.open.evaluationId, indicatorId: view.open.indicatorId },
            }),
          ]
        : []),
      divider(),
      markdown(
        tr(
          '点「开始填写」或在之前收到的填报卡片中填写。\n休假中？回复「请假至 10月8日」暂停提醒；不是您负责？回复「转交 @同事」，管理员确认后转交。',
          'Press "Fill in now" or use the entry cards you received.\nAway? Reply "请假至 10月8日" to pause reminders; not yours? Reply "转交 @colleague" and an admin will confirm the hand-over.',
        ),
        { size: 'notation' },
      ),
    ],
  });
}

/** 2026-10-18 → 10月18日 */
function monthDay(date: string): string {
  const [, m, d] = date.split('-').map(Number);
  return `${m}月${d}日`;
}
