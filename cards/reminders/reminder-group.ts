import type { CardJson } from '../../src/transport/contract';
import { card, markdown } from '../shared/elements';
import { tr } from '../shared/i18n';
import { clip, escapeMd } from '../shared/markdown';

/**
 * One group message per chat and step (never one per person): the owners still pending, each with
 * their count. With the evaluation's group-@ switch off the names are plain text and nobody is notified.
 */
export interface ReminderGroupView {
  project: string;
  deadline: string;
  /** `YYYY-MM-DD` the notice goes out: 明天截止 only when the deadline is the next day (not across a weekend or holiday). */
  sentOn?: string;
  mention: boolean;
  owners: Array<{ openId: string; name: string; pending: number }>;
}

/** Keeps the card well inside 30 KB however large the group; the rest are counted, and each still has their DM. */
const MAX_LISTED = 150;

export function reminderGroupCard(view: ReminderGroupView): CardJson {
  const lines = view.owners.slice(0, MAX_LISTED).map((o) => {
    // open_ids are Lark-issued ([A-Za-z0-9_]); anything else is never placed inside an <at> tag.
    const who = view.mention && /^[A-Za-z0-9_-]+$/.test(o.openId) ? `<at id=${o.openId}></at>` : escapeMd(o.name);
    return `- ${who}：${o.pending} 项`;
  });
  if (view.owners.length > MAX_LISTED) lines.push(`- …另有 ${view.owners.length - MAX_LISTED} 人`);
  const total = view.owners.reduce((s, o) => s + o.pending, 0);
  const tomorrow = view.sentOn !== undefined && nextDay(view.sentOn) === view.deadline;
  return card({
    title: tomorrow
      ? tr('明天截止：绩效自评还差 {n} 项', 'Due tomorrow: {n} self-evaluation item(s) open', { n: total })
      : tr('{d}截止：绩效自评还差 {n} 项', 'Due {e}: {n} self-evaluation item(s) open', { n: total, d: monthDay(view.deadline), e: view.deadline }),
    subtitle: escapeMd(clip(view.project, 60)),
    template: 'orange',
    summary: tr('{p} 人还有 {n} 项待填报', '{p} people have {n} item(s) open', { p: view.owners.length, n: total }),
    elements: [
      markdown(tr('截止日期 **{d}**，以下同事还有指标未填报：', 'Deadline **{d}**. Still open:', { d: view.deadline })),
      markdown(lines.join('\n')),
    ],
  });
}

function nextDay(date: string): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

/** 2026-10-08 → 10月8日 */
function monthDay(date: string): string {
  const [, m, d] = date.split('-').map(Number);
  return `${m}月${d}日`;
}
