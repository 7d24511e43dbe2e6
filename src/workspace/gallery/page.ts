import { t } from '../i18n';
import { shell } from '../page';
import { esc, renderCard, type Lang } from '../render-card';
import { CARD_CATALOGUE } from './catalogue';
import { SEED_PEOPLE } from './seed';

/** `/cards`: every card of the catalogue at full size, with where the bot sends it and a table of contents. */
export function renderGallery(lang: Lang): { html: string; unknown: Array<{ id: string; tags: string[] }> } {
  const unknown: Array<{ id: string; tags: string[] }> = [];
  const sections = CARD_CATALOGUE.map((entry) => {
    const card = renderCard(entry.build(), { lang, members: SEED_PEOPLE, idPrefix: `g-${entry.id}` });
    if (card.unknown.length > 0) unknown.push({ id: entry.id, tags: card.unknown });
    return `<section id="${esc(entry.id)}" aria-labelledby="${esc(entry.id)}-h"><h2 id="${esc(entry.id)}-h">${esc(entry.title)}</h2><p class="when">${esc(entry.when)}</p>${card.html}</section>`;
  }).join('');
  const toc = `<nav aria-label="目录"><ol>${CARD_CATALOGUE.map((e) => `<li><a href="#${esc(e.id)}">${esc(e.title)}</a></li>`).join('')}</ol></nav>`;
  const other = lang === 'en_us' ? '/cards' : '/cards?lang=en_us';
  const body =
    `<main class="gallery"><h1>${t(lang, 'galleryTitle')}（${CARD_CATALOGUE.length}）</h1><p>${t(lang, 'galleryNote')}</p>` +
    `<p><a href="/${lang === 'en_us' ? '?lang=en_us' : ''}">${t(lang, 'back')}</a> · <a href="${other}">${t(lang, 'language')}</a></p>${toc}${sections}</main>`;
  return { html: shell({ lang, title: `${t(lang, 'cards')} · ${t(lang, 'appName')}`, body, bodyAttrs: { 'data-gallery': '1', 'data-lang': lang } }), unknown };
}
