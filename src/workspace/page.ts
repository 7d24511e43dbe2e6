import type { FakeLark } from '../fake-lark';
import { messagesInChat } from '../fake-lark/workspace-state';
import { t } from './i18n';
import type { WorkspacePerson } from './people';
import { attrs, esc, type Lang } from './render-card';
import { chatEntries, fullWallTime, messageHtml, previewOf, type ViewContext } from './views';

/**
 * The workspace page, rendered on the server: chats on the left, the open chat's messages, the composer,
 * and the local-only tools (act as, add a person, reset, clock). Works without the script for reading;
 * the script (client/main.ts) adds live updates, sending and card interaction.
 */
export interface PageState {
  fake: FakeLark;
  people: readonly WorkspacePerson[];
  mentions: ReadonlyMap<string, string[]>;
  lang: Lang;
  chatId: string;
  as: WorkspacePerson;
  now: Date;
  clockAhead: boolean;
  /** The live-event number the page is current up to. */
  since: number;
}

export function shell(opts: { lang: Lang; title: string; body: string; bodyAttrs?: Record<string, string> }): string {
  return (
    `<!doctype html><html lang="${opts.lang === 'en_us' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,">' +
    `<title>${esc(opts.title)}</title><link rel="stylesheet" href="/assets/workspace.css"><script type="module" src="/assets/workspace.js"></script></head>` +
    `<body${attrs(opts.bodyAttrs ?? {})}>${opts.body}<div id="toasts" role="status" aria-live="polite"></div></body></html>`
  );
}

function roleLabel(lang: Lang, p: WorkspacePerson): string {
  return t(lang, p.role);
}

export function renderPage(s: PageState): string {
  const v: ViewContext = { fake: s.fake, people: s.people, mentions: s.mentions, lang: s.lang };
  const chat = s.fake.state.chats.get(s.chatId);
  const entries = chatEntries(v);
  const current = entries.find((e) => e.chatId === s.chatId);
  const title = current ? (current.kind === 'dm' ? `${current.label} · ${t(s.lang, 'dm')}` : current.label) : '';
  const q = (params: Record<string, string>) => `/?${new URLSearchParams({ ...params, ...(s.lang === 'en_us' ? { lang: 'en_us' } : {}) }).toString()}`;
  const messages = messagesInChat(s.fake, s.chatId);
  const otherLang = s.lang === 'en_us' ? `/?${new URLSearchParams({ chat: s.chatId, as: s.as.openId }).toString()}` : `/?${new URLSearchParams({ chat: s.chatId, as: s.as.openId, lang: 'en_us' }).toString()}`;

  const chatItems = entries
    .map((e) => {
      const last = messagesInChat(s.fake, e.chatId).at(-1);
      const href = q({ chat: e.chatId, as: e.kind === 'dm' ? e.openId! : s.as.openId });
      return (
        `<li><a href="${esc(href)}"${attrs({ 'aria-current': e.chatId === s.chatId ? 'page' : null, 'data-chat': e.chatId })}>` +
        `<span class="chat-av${e.kind === 'dm' ? ' dm' : ''}" aria-hidden="true">${esc([...e.label][0] ?? '?')}</span>` +
        `<span class="chat-text"><span class="chat-name">${esc(e.label)} <span class="chat-kind">${t(s.lang, e.kind === 'dm' ? 'dm' : 'group')}</span></span>` +
        `<span class="chat-kind chat-preview">${last ? esc(previewOf(v, last).slice(0, 40)) : ''}</span></span>` +
        '<span class="badge" data-unread hidden>0</span></a></li>'
      );
    })
    .join('');

  const people = s.people
    .map((p) => `<option${attrs({ value: p.openId, selected: p.openId === s.as.openId })}>${esc(p.name)}（${esc(roleLabel(s.lang, p))}）</option>`)
    .join('');

  const side =
    `<aside class="side"><div class="brand">${t(s.lang, 'appName')}<small>${t(s.lang, 'workspace')} · ${t(s.lang, 'localNote')}</small></div>` +
    `<h2 id="chats-h">${t(s.lang, 'chats')}</h2><nav aria-labelledby="chats-h"><ul class="chats">${chatItems}</ul></nav>` +
    '</aside>';

  const tools =
    `<section class="tools" aria-label="${esc(t(s.lang, 'workspace'))}">` +
    `<form method="post" action="/api/people" id="add-person"><label for="person-name">${t(s.lang, 'addPerson')}</label><input type="text" id="person-name" name="name" maxlength="20" required placeholder="${t(s.lang, 'personName')}"><button type="submit" class="btn">${t(s.lang, 'add')}</button></form>` +
    `<div><button type="button" class="btn danger" id="reset" data-confirm-text="${esc(t(s.lang, 'resetConfirm'))}">${t(s.lang, 'reset')}</button></div>` +
    `<div><a href="/cards${s.lang === 'en_us' ? '?lang=en_us' : ''}">${t(s.lang, 'cards')}</a> · <a href="${esc(otherLang)}" lang="${s.lang === 'en_us' ? 'zh-CN' : 'en'}">${t(s.lang, 'language')}</a></div>` +
    '</section>';

  const top =
    `<header class="top"><h1 id="chat-title">${esc(title)}</h1>` +
    `<form method="get" action="/" id="act-as"><input type="hidden" name="chat" value="${esc(s.chatId)}">${s.lang === 'en_us' ? '<input type="hidden" name="lang" value="en_us">' : ''}` +
    `<label for="as">${t(s.lang, 'actAs')}</label> <select id="as" name="as">${people}</select> <noscript><button class="btn" type="submit">OK</button></noscript></form>` +
    `<div class="clock"><span>${t(s.lang, 'clock')}：<time id="clock-now" datetime="${s.now.toISOString()}">${fullWallTime(s.now.getTime())}</time>${s.clockAhead ? `（${t(s.lang, 'ahead')}）` : ''}</span>` +
    `<button type="button" class="btn" id="clock-next">${t(s.lang, 'nextRung')}</button></div></header>`;

  const list =
    messages.length > 0 ? messages.map((m) => messageHtml(v, m)).join('') : `<li class="empty" id="empty">${t(s.lang, 'empty')}</li>`;

  const composer =
    '<form class="composer" id="composer">' +
    `<div class="replying" id="replying" data-prefix="${t(s.lang, 'replyingTo')}" hidden><span id="replying-text"></span><button type="button" class="link" id="reply-cancel">${t(s.lang, 'cancel')}</button></div>` +
    `<label for="msg" class="sr">${t(s.lang, 'message')}</label>` +
    `<div class="composer-row"><textarea id="msg" name="text" rows="2" placeholder="${esc(t(s.lang, 'message'))}" aria-describedby="msg-hint"${attrs({ disabled: !chat })}></textarea>` +
    `<button type="submit" class="btn primary">${t(s.lang, 'send')}</button>` +
    `<button type="button" class="btn" id="upload">${t(s.lang, 'upload')}</button>` +
    `<button type="button" class="btn" data-insert="@${esc(s.fake.botName)} " title="${esc(t(s.lang, 'mentionBot'))}">@${esc(s.fake.botName)}</button>` +
    '<input type="file" id="file" accept=".xlsx,.xls,.csv,.txt,.tsv,.json" hidden></div>' +
    `<div class="hint" id="msg-hint">${esc(t(s.lang, 'messageHint'))}</div></form>`;

  const dialog =
    '<dialog id="confirm" aria-labelledby="confirm-title"><h2 id="confirm-title"></h2><p id="confirm-text"></p>' +
    `<div class="row"><button type="button" class="btn" value="cancel">${t(s.lang, 'cancel')}</button><button type="button" class="btn primary" value="ok">${t(s.lang, 'confirm')}</button></div></dialog>`;

  const body =
    `<a class="skip" href="#msg">${t(s.lang, 'skip')}</a><div class="ws">${side}` +
    `<main class="main">${top}<ol class="messages" id="messages" aria-live="polite" aria-relevant="additions" aria-label="${esc(title)}">${list}</ol>${composer}</main>${tools}</div>${dialog}`;
  return shell({
    lang: s.lang,
    title: `${title} · ${t(s.lang, 'appName')}`,
    body,
    bodyAttrs: { 'data-chat': s.chatId, 'data-as': s.as.openId, 'data-lang': s.lang, 'data-since': String(s.since) },
  });
}
