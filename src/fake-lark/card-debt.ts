import type { CardRule } from './card-rules';

/**
 * Card rules that cards the bot sends today still break, so the fake records them (`fake.cardDebt`) instead
 * of refusing the card as Lark would — only so that flows using those cards keep running in tests while
 * the card modules are fixed. The fix must empty this list; `test/cards/catalogue.test.ts` lists which card
 * breaks which rule, and a test given `cardDebt: []` gets a fake exactly as strict as Lark.
 */
export const KNOWN_CARD_DEBT: readonly CardRule[] = [
  // summary (分值 60px, 得分 70px) and import preview (分值 60px): widths below 80px
  'table-column-width',
  // 年度汇总: the 合计 row's `score: ''` in a number column
  'number-cell',
];
