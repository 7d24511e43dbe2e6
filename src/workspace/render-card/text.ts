/** The reader's language and the people a card can name or offer, as the Lark client knows them. */
export type Lang = 'zh_cn' | 'en_us';

export interface Person {
  openId: string;
  name: string;
}

export interface RenderContext {
  lang: Lang;
  /**
   * The members of the chat the card sits in: person pickers without `options` offer exactly these
   * (https://open.feishu.cn/document/feishu-cards/card-json-v2-components/interactive-components/user-picker).
   */
  members: readonly Person[];
  /** Names for `<at id=…>` and picker values of people outside `members`. */
  nameOf?: (openId: string) => string | undefined;
}

type Node = Record<string, unknown>;

/**
 * The text a reader sees: `i18n_content` in their client language, else the other language, else
 * `content` (https://open.feishu.cn/document/feishu-cards/configure-multi-language-content).
 */
export function pick(text: unknown, lang: Lang): string {
  if (typeof text === 'string') return text;
  if (!text || typeof text !== 'object') return '';
  const t = text as Node;
  const i18n = (t.i18n_content ?? t.i18n) as Record<string, unknown> | undefined;
  const other: Lang = lang === 'zh_cn' ? 'en_us' : 'zh_cn';
  for (const v of [i18n?.[lang], t.content, i18n?.[other]]) if (typeof v === 'string') return v;
  return '';
}

export function personName(ctx: RenderContext, openId: string): string {
  return ctx.members.find((m) => m.openId === openId)?.name ?? ctx.nameOf?.(openId) ?? openId;
}
