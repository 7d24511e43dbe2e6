/**
 * Bilingual text for cards and toasts. Chinese is the default `content`; Lark shows `i18n_content`
 * in the reader's client language (zh_cn / en_us), so one card serves both without a second send.
 */
export interface I18nText {
  zh_cn: string;
  en_us: string;
}

/** Either literal user data (shown as is in every language) or a translated label. */
export type Text = string | I18nText;

export function isI18n(text: Text): text is I18nText {
  return typeof text !== 'string';
}

/** `{name}` placeholders filled from `params`; the same data goes into both languages. */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

export function tr(zh: string, en: string, params?: Record<string, string | number>): I18nText {
  return { zh_cn: fill(zh, params), en_us: fill(en, params) };
}

/** Joins translated and literal pieces language by language. */
export function join(parts: readonly Text[], separator = ''): I18nText {
  return {
    zh_cn: parts.map((p) => (typeof p === 'string' ? p : p.zh_cn)).join(separator),
    en_us: parts.map((p) => (typeof p === 'string' ? p : p.en_us)).join(separator),
  };
}
