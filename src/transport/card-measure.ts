import type { CardJson } from './contract';

/**
 * How Lark measures a card, shared by the card builders' limit checker (cards/shared/limits.ts), the
 * transport's check of card-callback answers, and the fake Lark.
 *
 * Size: "卡片消息、富文本消息请求体最大不能超过 30 KB" — the limit is on the request body, where the card travels as
 * an escaped JSON string inside `content` (every `"` and `\` gains a backslash), and the same holds for reply
 * and PATCH (https://open.feishu.cn/document/server-docs/im-v1/message/create,
 * https://open.feishu.cn/document/server-docs/im-v1/message-card/patch). The docs do not say whether a KB is
 * 1000 or 1024 bytes, and warn that style tags make the body Lark counts larger still, so 30,000 bytes.
 *
 * Elements: "一张卡片最多支持 200 个元素（如 tag 为 plain_text 的文本元素）或组件"
 * (https://open.feishu.cn/document/feishu-cards/card-json-v2-structure): text objects count as well as
 * components, so every object carrying a `tag` is one (button texts, placeholders, labels, titles), and so is each
 * select option besides its text.
 */
export const LARK_BODY_MAX_BYTES = 30_000;
export const LARK_CARD_MAX_ELEMENTS = 200;

/** The longest ids a send carries: chat and open ids are 35 characters; a `uuid` may have 50 (message/create). */
const LONGEST_RECEIVE_ID = 'x'.repeat(64);
const LONGEST_UUID = 'x'.repeat(50);

const utf8 = new TextEncoder();
export const byteLength = (text: string): number => utf8.encode(text).length;

/** The bytes of `POST /im/v1/messages` carrying this card with the longest ids: the largest body of the card. */
export function sendBodyBytes(card: CardJson): number {
  return byteLength(JSON.stringify({ receive_id: LONGEST_RECEIVE_ID, msg_type: 'interactive', content: JSON.stringify(card), uuid: LONGEST_UUID }));
}

/** The bytes of `PATCH /im/v1/messages/:id` carrying this card. */
export function patchBodyBytes(card: CardJson): number {
  return byteLength(JSON.stringify({ content: JSON.stringify(card) }));
}

/**
 * Lark's element count: every object with a string `tag` in the header and body. Callback values, chart specs
 * and table rows are data, not elements, and are not walked.
 */
export function countCardElements(card: unknown): number {
  let count = 0;
  const visit = (node: unknown) => {
    if (Array.isArray(node)) {
      for (const c of node) visit(c);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (typeof n.tag === 'string') count++;
    for (const [key, value] of Object.entries(n)) {
      if (DATA_KEYS.has(key)) continue;
      // a select's option is an element of its own, besides its text
      if (key === 'options' && Array.isArray(value)) count += value.filter((o) => o && typeof o === 'object' && typeof (o as { tag?: unknown }).tag !== 'string').length;
      if (value && typeof value === 'object') visit(value);
    }
  };
  const c = card as Record<string, unknown> | null;
  visit(c?.header);
  visit(c?.body);
  return count;
}

const DATA_KEYS = new Set(['behaviors', 'value', 'chart_spec', 'rows']);

/**
 * Why Lark would refuse this card as a card-callback answer, or null: a 2.0 card must stay 2.0 (client error
 * 200830), and the answer obeys the card's size and element limits
 * (https://open.feishu.cn/document/feishu-cards/card-callback-communication).
 */
export function cardAnswerProblem(answerJson: string, card: unknown): string | null {
  if (!card || typeof card !== 'object' || (card as { schema?: unknown }).schema !== '2.0') return 'the answer card is not card JSON 2.0';
  const bytes = byteLength(answerJson);
  if (bytes > LARK_BODY_MAX_BYTES) return `the answer is ${bytes} bytes, over ${LARK_BODY_MAX_BYTES}`;
  const elements = countCardElements(card);
  if (elements > LARK_CARD_MAX_ELEMENTS) return `the answer card has ${elements} elements, over ${LARK_CARD_MAX_ELEMENTS}`;
  return null;
}
