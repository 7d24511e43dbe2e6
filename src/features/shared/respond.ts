import type { I18nText } from '#cards/shared/i18n';
import type { CardActionResponse, CardJson, Toast } from '../../transport/contract';

/** Answers of card handlers: a toast, the card to show instead, or both. */
export function toast(type: Toast['type'], text: string | I18nText): Toast {
  if (typeof text === 'string') return { type, content: text };
  return { type, content: text.zh_cn, i18n: { zh_cn: text.zh_cn, en_us: text.en_us } };
}

export function answer(card: CardJson | null, t?: Toast): CardActionResponse {
  return { ...(t ? { toast: t } : {}), ...(card ? { card: { type: 'raw', data: card } } : {}) };
}

/** A service's refusal as a toast: a warning when the person can fix it on the card, an error otherwise. */
export function refusalToast(refusal: { code: string; message: string }): Toast {
  const type: Toast['type'] = refusal.code === 'invalid_input' || refusal.code === 'deviation_required' || refusal.code === 'conflict' ? 'warning' : 'error';
  return toast(type, refusal.message);
}

export const STALE_CARD = toast('error', { zh_cn: '这张卡片对应的评价已不存在。请私聊我发送「我的」获取最新卡片。', en_us: 'This evaluation no longer exists. DM me "我的" for current cards.' });
export const BAD_CARD = toast('error', { zh_cn: '无法识别这张卡片的内容，请私聊我发送「我的」获取新卡片。', en_us: 'This card could not be read. DM me "我的" for a new one.' });
