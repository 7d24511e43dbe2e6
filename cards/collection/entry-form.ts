import { COLLECTION_ACTIONS } from './actions';
import { button, columns, form, input, markdown, selectStatic, type Element } from '../shared/elements';
import { join, tr, type I18nText } from '../shared/i18n';
import { itemPath, L } from '../shared/labels';
import { escapeMd, num } from '../shared/markdown';
import type { EntryRowView } from './view';

/**
 * The value-entry form shared by the walk-through card and the revise card: the indicator, its
 * target and weight, the input (or band selector), the deviation field and the three buttons.
 */
export interface EntryItemView extends EntryRowView {
  /** e.g. "例如：1200人次" — an example in the target's unit. */
  placeholder: string;
}

export interface TypedValues {
  actual?: string | null;
  band?: string | null;
  /** A qualitative row's score inside its band (部分达成 / 未达成 need one). */
  score?: string | null;
  reason?: string | null;
}

export interface EntryFormView {
  evaluationId: string;
  item: EntryItemView;
  /** The value's version: the expected version of the write this form submits. */
  rev: number;
  /**
   * The evaluation's version when the card was drawn. Part of the button value, so a press after a
   * lock / reopen is never taken for a double click of the press before it.
   */
  evaluationRev?: number;
  /**
   * The sum of the versions of all the owner's rows. Part of the button value: the transport answers
   * a repeated click (same value on the same message) with no card, and 上一项 → correct → 上一项 on
   * one message would otherwise repeat the first 上一项's value.
   */
  rowsState?: number;
  /** Set when the card answers a click that changes no row (继续填写): the id of that click, for the same reason. */
  nonce?: string;
  /** What the user typed last time, kept when the submission was refused. */
  typed?: TypedValues | null;
  /** Why the deviation reason is required, once the rules say it is. */
  reasonRequiredWhy?: string | null;
  canGoBack: boolean;
}

export const BAND_OPTIONS: Array<{ value: string; text: I18nText }> = [
  { value: '达成', text: tr('达成年度指标', 'Target met') },
  { value: '部分达成', text: tr('部分达成年度指标并具有一定效果', 'Partly met, with some effect') },
  { value: '未达成', text: tr('未达成年度指标且效果较差', 'Not met, little effect') },
];

export function itemDescription(item: EntryRowView, budgetFullYear?: string | null): Element {
  const lines: I18nText[] = [join([`**${escapeMd(itemPath(item))}**`])];
  if (item.kind === 'budget') {
    lines.push(join([L.budgetFullYear, `：${escapeMd(budgetFullYear ?? item.target)} 万元　`, L.weight, `：${num(item.weight)}`]));
  } else {
    lines.push(join([L.target, `：${escapeMd(item.target)}　`, L.weight, `：${num(item.weight)}`]));
  }
  return markdown(join(lines, '\n'));
}

/** The current saved value and its score, or nothing while the row is still empty. */
export function currentValueLine(item: EntryRowView): Element | null {
  if (item.status === 'pending' || (item.actual == null && item.band == null)) return null;
  const value = [item.band, item.actual].filter(Boolean).join(' · ');
  return markdown(
    join([
      tr('当前填报：', 'Saved: '),
      `${escapeMd(value)}　`,
      L.score,
      `：**${num(item.score)}** / ${num(item.weight)}`,
      item.explanation ? `\n${escapeMd(item.explanation)}` : '',
    ]),
    { size: 'notation' },
  );
}

export function entryForm(view: EntryFormView, submitText: I18nText): Element {
  const { item } = view;
  const typed = view.typed ?? {};
  const base = {
    rev: view.rev,
    evaluationId: view.evaluationId,
    indicatorId: item.indicatorId,
    ev: view.evaluationRev ?? 0,
    ...(view.rowsState !== undefined ? { st: view.rowsState } : {}),
    ...(view.nonce ? { n: view.nonce } : {}),
  };
  const fields: Element[] = [];
  if (item.kind === 'qualitative') {
    fields.push(
      selectStatic({
        name: 'band',
        placeholder: tr('选择完成档次', 'Choose how far the target was met'),
        options: BAND_OPTIONS,
        initial: typed.band ?? item.band ?? null,
      }),
      input({
        name: 'actual',
        label: tr('完成情况简要描述', 'What was achieved'),
        placeholder: { zh_cn: item.placeholder, en_us: item.placeholder },
        defaultValue: typed.actual ?? item.actual ?? undefined,
        multiline: true,
        maxLength: 500,
      }),
      // 部分达成 and 未达成 score inside the band, chosen by the person answering (scoring rules)
      input({
        name: 'score',
        label: join([L.score, tr('（部分达成、未达成时必填）', ' (required when partly met or not met)')]),
        placeholder: tr('达成可不填；其他档次请填写该档内的分数', 'Leave empty for "met"; otherwise a score inside the band'),
        defaultValue: typed.score ?? (item.band && item.band !== '达成' && item.score != null ? String(item.score) : undefined),
        maxLength: 20,
      }),
    );
  } else {
    fields.push(
      input({
        name: 'actual',
        label: item.kind === 'budget' ? join([L.budgetExecuted, tr('（万元）', ' (×10k yuan)')]) : L.actual,
        placeholder: { zh_cn: item.placeholder, en_us: item.placeholder },
        defaultValue: typed.actual ?? item.actual ?? undefined,
        maxLength: 100,
      }),
    );
  }
  fields.push(
    input({
      name: 'reason',
      label: view.reasonRequiredWhy ? join([L.deviation, tr('（必填）', ' (required)')]) : join([L.deviation, tr('（未达标时必填）', ' (required when the target is missed)')]),
      placeholder: view.reasonRequiredWhy
        ? { zh_cn: view.reasonRequiredWhy, en_us: view.reasonRequiredWhy }
        : tr('说明未完成或偏离目标的原因，以及拟采取的改进措施', 'Why the target was missed or overshot, and what will be done'),
      defaultValue: typed.reason ?? item.deviationReason ?? undefined,
      multiline: true,
      maxLength: 1000,
    }),
    columns(
      [
        {
          elements: [
            button({
              text: tr('上一项', 'Previous'),
              name: 'entry_prev',
              formAction: 'submit',
              disabled: !view.canGoBack,
              value: { action: COLLECTION_ACTIONS.entryPrev, ...base },
            }),
          ],
        },
        {
          elements: [
            button({
              text: submitText,
              name: 'entry_submit',
              type: 'primary_filled',
              formAction: 'submit',
              value: { action: COLLECTION_ACTIONS.entrySubmit, ...base },
            }),
          ],
        },
        {
          elements: [
            button({
              text: tr('稍后再填', 'Later'),
              name: 'entry_later',
              formAction: 'submit',
              value: { action: COLLECTION_ACTIONS.entryLater, ...base },
            }),
          ],
        },
      ],
      { flex: 'flow' },
    ),
  );
  return form('entry_form', fields);
}
