import type { Clock } from '../../platform/clock';
import type { Crypto } from '../../platform/crypto';
import type { CardActionsRepository } from '../../storage/repositories/transport/card-actions';
import type { CardAction, CardActionResponse, CardJson, LarkClient } from '../contract';
import { cardAnswerProblem } from '../card-measure';
import type { ActionHandler, Dispatcher } from '../dispatcher';
import { errorFields, type Logger } from '../../platform/log';

export interface CardCallbackDeps {
  cards: CardActionsRepository;
  dispatcher: Dispatcher<string>;
  lark: Pick<LarkClient, 'delayedUpdateCard'>;
  crypto: Crypto;
  clock: Clock;
  log: Logger;
  /** Time a handler gets before the callback is answered with a toast (Lark cuts the callback at 3 s). */
  budgetMs: number;
  /** Runs the delayed card update after the answer has gone out. */
  later: (work: () => Promise<void>) => void;
}

export const TOASTS = {
  unknownAction: {
    type: 'warning',
    content: '这张卡片已过期或不再受支持。请在群里发送「帮助」获取新卡片。',
    i18n: { zh_cn: '这张卡片已过期或不再受支持。请在群里发送「帮助」获取新卡片。', en_us: 'This card has expired. Send "help" to get a new one.' },
  },
  malformed: {
    type: 'error',
    content: '无法识别这次卡片操作，请重新打开卡片再试。',
    i18n: { zh_cn: '无法识别这次卡片操作，请重新打开卡片再试。', en_us: 'This card action could not be read. Reopen the card and try again.' },
  },
  inProgress: {
    type: 'info',
    content: '已收到你的操作，正在处理，请勿重复点击。',
    i18n: { zh_cn: '已收到你的操作，正在处理，请勿重复点击。', en_us: 'Received; still working on it. No need to click again.' },
  },
  deferred: {
    type: 'info',
    content: '已收到，正在处理，完成后卡片会自动更新。',
    i18n: { zh_cn: '已收到，正在处理，完成后卡片会自动更新。', en_us: 'Received. The card will update when processing finishes.' },
  },
  cardRefused: {
    type: 'warning',
    content: '操作已完成，但新卡片内容超出飞书的限制，无法显示。请在群里发送「帮助」获取新卡片。',
    i18n: { zh_cn: '操作已完成，但新卡片内容超出飞书的限制，无法显示。请在群里发送「帮助」获取新卡片。', en_us: 'Done, but the new card exceeds Lark limits and cannot be shown. Send "help" for a new card.' },
  },
  failed: {
    type: 'error',
    content: '操作没有完成（服务器出错），你的输入没有保存，请稍后再点一次。',
    i18n: { zh_cn: '操作没有完成（服务器出错），你的输入没有保存，请稍后再点一次。', en_us: 'That did not go through (server error); nothing was saved. Please try again shortly.' },
  },
} as const satisfies Record<string, NonNullable<CardActionResponse['toast']>>;

/** Pause between the callback's answer and the delayed update, so the answer is surely out first. */
const AFTER_ANSWER_MS = 100;

const TIMED_OUT: unique symbol = Symbol('timed out');

/**
 * Answers one `card.action.trigger` within Lark's 3 s: dedupes double-clicks and replays, runs the
 * action's handler, and past the budget answers with a toast and finishes through the delayed card
 * update (token: 30 min, 2 uses; must be called after the answer has gone out: https://open.feishu.cn/document/server-docs/im-v1/message-card/delay-update-message-card).
 */
export async function handleCardAction(action: CardAction, deps: CardCallbackDeps): Promise<CardActionResponse> {
  return (await answerCardAction(action, deps)).response;
}

/** The answer and its JSON text (serialised once: it is both stored for repeated clicks and sent). */
export interface CardAnswer {
  response: CardActionResponse;
  json: string;
}

const answer = (response: CardActionResponse): CardAnswer => ({ response, json: JSON.stringify(response) });

export async function answerCardAction(action: CardAction, deps: CardCallbackDeps): Promise<CardAnswer> {
  const { dispatcher, log } = deps;
  const handler = dispatcher.actionHandler(action);
  const actionName = typeof action.value.action === 'string' ? action.value.action : '';
  if (!handler) {
    log.warn('card action without a handler', { eventId: action.eventId, action: actionName });
    deps.dispatcher.drops.count('card-no-handler', actionName);
    return answer({ toast: TOASTS.unknownAction });
  }

  // The budget covers the whole decision (dedupe write and read, handler, result write), so a slow
  // database is answered in time too, not only a slow handler.
  const work = decide(action, handler, actionName, deps).then((d) => answerable(d, action, actionName, deps));
  const first = await withinBudget(work, deps.budgetMs);
  if (first !== TIMED_OUT) {
    if (!action.legacy || !first.card) return first.answer;
    // The old callback format answers with a 1.0 card at the top level, and Lark refuses to turn a 2.0 card
    // into a 1.0 one (client error 200830): the toast goes now, the 2.0 card by delayed update, which takes
    // the `c-…` token the old format carries too
    // (https://open.feishu.cn/document/deprecated-guide/message-card/configuring-card-callbacks/card-callback-structure).
    updateAfterAnswer(action, deps, async () => first.card);
    return answer(first.answer.response.toast ? { toast: first.answer.response.toast } : {});
  }

  log.warn('card action past its budget; answering now, finishing by delayed update', { eventId: action.eventId, action: actionName, budgetMs: deps.budgetMs });
  updateAfterAnswer(action, deps, async () => (await work).card);
  return answer({ toast: TOASTS.deferred });
}

/** Applies the card by delayed update once the callback's answer is surely out. */
function updateAfterAnswer(action: CardAction, deps: CardCallbackDeps, card: () => Promise<CardJson | undefined>) {
  deps.later(async () => {
    const data = await card();
    if (!data || !action.token) return;
    // Lark rejects or reverts a delayed update sent before the callback's answer arrived (https://open.feishu.cn/document/server-docs/im-v1/message-card/delay-update-message-card).
    await new Promise((resolve) => setTimeout(resolve, AFTER_ANSWER_MS));
    await deps.lark.delayedUpdateCard(action.token, data);
  });
}

/**
 * A card Lark would refuse in the answer makes the client show an error and loses the click's result on
 * screen (200673), so such a card is replaced by a toast that says what to do, logged and counted.
 */
function answerable(decision: Decision, action: CardAction, actionName: string, deps: CardCallbackDeps): Decision {
  if (!decision.card) return decision;
  const problem = cardAnswerProblem(decision.answer.json, decision.card);
  if (!problem) return decision;
  deps.log.error('card action answer is a card Lark would refuse; answered with a toast', { eventId: action.eventId, action: actionName, problem });
  deps.dispatcher.drops.count('card-answer-refused', actionName);
  return { answer: answer({ toast: TOASTS.cardRefused }) };
}

/** The answer for Lark, and the card to apply by delayed update if the answer has to go out first. */
interface Decision {
  answer: CardAnswer;
  card?: CardJson;
}

async function decide(action: CardAction, handler: ActionHandler, actionName: string, deps: CardCallbackDeps): Promise<Decision> {
  const { cards, clock, log } = deps;
  const key = await dedupeKey(action, deps.crypto);
  const fresh = await cards.begin(
    { dedupeKey: key, eventId: action.eventId, operatorOpenId: action.operator.openId, openMessageId: action.openMessageId, action: actionName },
    clock.now(),
  );
  if (!fresh) {
    const prior = await cards.find(key);
    log.info('duplicate card action absorbed', { eventId: action.eventId, action: actionName, priorStatus: prior?.status });
    if (prior?.status === 'done' && prior.response) {
      return { answer: { response: JSON.parse(prior.response) as CardActionResponse, json: prior.response } };
    }
    return { answer: answer({ toast: TOASTS.inProgress }) };
  }
  const result = await run(handler, action);
  if (!result.ok) {
    log.error('card action handler failed', { eventId: action.eventId, action: actionName, ...errorFields(result.error) });
    await cards.release(key);
    return { answer: answer({ toast: TOASTS.failed }) };
  }
  await cards.finish(key, repeatAnswer(result.response), clock.now());
  return { answer: answer(result.response), card: result.response.card?.data };
}

/**
 * What a repeated click is answered with: the first answer's toast. Its card is left out on purpose: the
 * first answer already replaced the card on screen, and storing ~6 KB per click would double the write.
 */
function repeatAnswer(response: CardActionResponse): string {
  return JSON.stringify(response.toast ? { toast: response.toast } : {});
}

type Outcome = { ok: true; response: CardActionResponse } | { ok: false; error: unknown };

function run(handler: ActionHandler, action: CardAction): Promise<Outcome> {
  return Promise.resolve()
    .then(() => handler(action))
    .then((response) => ({ ok: true as const, response: response ?? {} }), (error: unknown) => ({ ok: false as const, error }));
}

/** The handler's outcome, or TIMED_OUT once the budget is spent; the timer is cleared when the work wins. */
function withinBudget<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Same operator, same card message, same value (which names the action and carries the card state
 * revision `rev`) and same inputs: a double-click. Different inputs on the same card state are a
 * real resubmission and reach the handler, whose versioned write decides.
 */
export async function dedupeKey(action: CardAction, crypto: Crypto): Promise<string> {
  // Lark echoes the value exactly as the card carried it, so plain JSON text is a stable key; form
  // values are keyed by field name, so their order is normalised.
  const parts = [action.operator.openId, action.openMessageId, JSON.stringify(action.value), action.formValue ? stableJson(action.formValue) : '', action.inputValue ?? '', action.option ?? ''];
  return crypto.sha256Hex(parts.join('\u0000'));
}

function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableJson(obj[k])}`)
    .join(',')}}`;
}
