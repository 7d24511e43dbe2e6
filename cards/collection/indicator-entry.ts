import type { CardJson } from '../../src/transport/contract';
import { COLLECTION_ACTIONS } from './actions';
import { button, card, markdown, type Element } from '../shared/elements';
import { currentValueLine, entryForm, itemDescription, type EntryFormView } from './entry-form';
import { join, tr } from '../shared/i18n';
import { escapeMd, num } from '../shared/markdown';

/**
 * 填报卡 (DM): one indicator of the owner's walk-through — 第 2/5 项 — with the input for its actual
 * value. After each submit the next item's card carries the saved item's score and explanation.
 */
export interface SavedNote {
  name: string;
  actual: string;
  score: number | null;
  weight: number;
  explanation: string;
}

export interface IndicatorEntryView extends EntryFormView {
  projectName: string;
  deadline?: string | null;
  budgetFullYear?: string | null;
  position: { index: number; total: number };
  /** Why the last submission was refused (the typed values are kept in `typed`). */
  error?: string | null;
  /** The item saved by the click that produced this card. */
  saved?: SavedNote | null;
  /** Set when an admin returned the row: their comment. */
  returnComment?: { by: string; comment: string } | null;
  /** The evaluation is locked (final) or not collecting: show the value, no form. */
  readOnlyReason?: string | null;
}

export function savedLine(saved: SavedNote): Element {
  return markdown(
    join([
      tr('✅ 已保存「{name}」：{actual}，得分 ', '✅ Saved "{name}": {actual}, score ', {
        name: escapeMd(saved.name),
        actual: escapeMd(saved.actual),
      }),
      `**${num(saved.score)}** / ${num(saved.weight)}\n`,
      escapeMd(saved.explanation),
    ]),
    { size: 'notation' },
  );
}

export function indicatorEntryCard(view: IndicatorEntryView): CardJson {
  const elements: Element[] = [];
  if (view.saved) elements.push(savedLine(view.saved));
  elements.push(
    markdown(
      join([
        tr('**第 {i}/{n} 项**', '**Item {i} of {n}**', { i: view.position.index, n: view.position.total }),
        view.deadline ? tr('　截止 {d}', '　due {d}', { d: view.deadline }) : '',
      ]),
    ),
    itemDescription(view.item, view.budgetFullYear),
  );
  if (view.returnComment) {
    elements.push(
      markdown(
        tr('↩️ **{by} 退回了此项**：{c}', '↩️ **{by} returned this row**: {c}', {
          by: escapeMd(view.returnComment.by),
          c: escapeMd(view.returnComment.comment),
        }),
      ),
    );
  }
  const current = currentValueLine(view.item);
  if (current) elements.push(current);
  if (view.error) elements.push(markdown(`❗ <font color='red'>${escapeMd(view.error)}</font>`));
  if (view.readOnlyReason) {
    elements.push(
      markdown(`🔒 ${escapeMd(view.readOnlyReason)}`),
      // after an admin reopens, the same card picks up where it was
      button({
        text: tr('刷新', 'Refresh'),
        size: 'small',
        // n: the click that drew this card, so 刷新 pressed again after a reopen is not a repeat of the press before it
        value: { action: COLLECTION_ACTIONS.entryOpen, rev: view.rev, evaluationId: view.evaluationId, indicatorId: view.item.indicatorId, ...(view.nonce ? { n: view.nonce } : {}) },
      }),
    );
  } else {
    elements.push(entryForm(view, view.position.index === view.position.total ? tr('提交', 'Submit') : tr('提交并继续', 'Submit and next')));
  }
  return card({
    title: tr('填报：{name}', 'Fill in: {name}', { name: view.item.name }),
    subtitle: view.projectName,
    template: view.error ? 'red' : view.returnComment ? 'orange' : 'blue',
    summary: tr('请填报「{name}」的实际完成值', 'Please report the actual value of "{name}"', { name: view.item.name }),
    elements,
  });
}

/** After 稍后再填: the card says how to come back, with one button to continue here. */
export function entryPausedCard(view: { evaluationId: string; projectName: string; rev: number; pending: number; indicatorId: string; nonce?: string }): CardJson {
  return card({
    title: tr('稍后再填', 'Later'),
    subtitle: view.projectName,
    template: 'grey',
    elements: [
      markdown(
        tr(
          '好的。还有 **{n}** 项待填。随时点「继续填写」，或私聊我发送「我的」。',
          'OK. **{n}** items are still open. Press "Continue" any time, or DM me "我的".',
          { n: view.pending },
        ),
      ),
      button({
        text: tr('继续填写', 'Continue'),
        type: 'primary',
        // the id of the 稍后再填 click: 继续 → 稍后 → 继续 on one message is not a repeated click
        value: { action: COLLECTION_ACTIONS.entryOpen, rev: view.rev, evaluationId: view.evaluationId, indicatorId: view.indicatorId, ...(view.nonce ? { n: view.nonce } : {}) },
      }),
    ],
  });
}
