import type { CardJson } from '../../src/transport/contract';
import { REMINDER_ACTIONS } from './actions';
import { button, card, columns, datePicker, divider, form, markdown } from '../shared/elements';
import { tr, type Text } from '../shared/i18n';
import { clip, escapeMd } from '../shared/markdown';

/**
 * The daily DM to each admin once the deadline has passed: who is still pending, and the three ways
 * out — 延期 (a new deadline re-arms the reminder ladder), 关闭收集, 按现有数据汇总.
 */
export interface AdminOverdueView {
  evaluationId: string;
  project: string;
  deadline: string;
  /** Suggested new deadline for the date picker. */
  suggestedDeadline: string;
  owners: Array<{ name: string; pending: number; leaveUntil?: string | null }>;
}

const MAX_LISTED = 30;

export function adminOverdueCard(view: AdminOverdueView): CardJson {
  const total = view.owners.reduce((s, o) => s + o.pending, 0);
  const lines = view.owners.slice(0, MAX_LISTED).map((o) => {
    const leave = o.leaveUntil ? `（请假至 ${o.leaveUntil}）` : '';
    return `- ${escapeMd(clip(o.name, 20))}：${o.pending} 项${leave}`;
  });
  if (view.owners.length > MAX_LISTED) lines.push(`- …（另 ${view.owners.length - MAX_LISTED} 人）`);
  const value = (action: string) => ({ action, rev: 0, evaluationId: view.evaluationId });
  return card({
    title: tr('已过截止日期：还有 {n} 项未填报', 'Past the deadline: {n} item(s) open', { n: total }),
    subtitle: escapeMd(clip(view.project, 60)),
    template: 'red',
    summary: tr('{p} 人未完成填报', '{p} people have not finished', { p: view.owners.length }),
    elements: [
      markdown(tr('截止日期 **{d}** 已过，以下同事仍未完成：', 'The deadline **{d}** has passed. Still open:', { d: view.deadline })),
      markdown(lines.join('\n')),
      divider(),
      form('extend_form', [
        columns([
          { elements: [datePicker({ name: 'new_deadline', initialDate: view.suggestedDeadline, placeholder: tr('新的截止日期', 'New deadline') })], weight: 1 },
          {
            elements: [
              button({ text: tr('延期', 'Extend'), value: value(REMINDER_ACTIONS.extend), type: 'primary', name: 'extend', formAction: 'submit' }),
            ],
          },
        ]),
      ]),
      columns([
        {
          elements: [
            button({
              text: tr('关闭收集', 'Close collection'),
              value: value(REMINDER_ACTIONS.close),
              type: 'danger',
              confirm: { title: tr('关闭收集？', 'Close collection?'), text: tr('关闭后不再提醒，也不再接受填报。', 'No more reminders or entries after closing.') },
            }),
          ],
        },
        {
          elements: [
            button({
              text: tr('按现有数据汇总', 'Summarise what we have'),
              value: value(REMINDER_ACTIONS.summarize),
              confirm: { title: tr('按现有数据汇总？', 'Summarise now?'), text: tr('未填报的指标按 0 分计入汇总。', 'Open items count as 0 in the summary.') },
            }),
          ],
        },
      ]),
    ],
  });
}

/** What the admin card turns into once an admin chose: the outcome, no buttons. */
export function adminOverdueResolvedCard(view: { project: string; outcome: Text }): CardJson {
  return card({
    title: tr('逾期处理', 'Overdue'),
    subtitle: escapeMd(clip(view.project, 60)),
    template: 'grey',
    elements: [markdown(view.outcome)],
  });
}
