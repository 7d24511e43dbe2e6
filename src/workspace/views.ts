import type { FakeLark, FakeMessage } from '../fake-lark';
import { t } from './i18n';
import type { WorkspacePerson } from './people';
import { attrs, esc, pick, renderCard, type Lang, type Person } from './render-card';

/**
 * How one message of the fake looks on the page: sender, time, reply quote, and the body — text, a file
 * to download, or the card drawn by render-card. Everything from the message is escaped.
 */
export interface ViewContext {
  fake: FakeLark;
  people: readonly WorkspacePerson[];
  /** Names behind the `@_user_N` keys of messages sent from the page (Lark keeps them in `mentions`). */
  mentions: ReadonlyMap<string, string[]>;
  lang: Lang;
}

export function senderName(v: ViewContext, m: FakeMessage): string {
  if (m.sender === 'bot') return v.fake.botName;
  return v.people.find((p) => p.openId === m.sender)?.name ?? v.fake.state.users.get(m.sender)?.name ?? m.sender;
}

/** The members a person picker on a card in this chat offers, as the Lark client does. */
export function chatMembers(v: ViewContext, chatId: string): Person[] {
  const chat = v.fake.state.chats.get(chatId);
  return (chat?.members ?? []).map((id) => ({ openId: id, name: v.fake.state.users.get(id)?.name ?? id }));
}

/** Shanghai wall time, as a Lark client in China shows it. */
export function wallTime(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(5, 16).replace('T', ' ');
}

export function fullWallTime(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

function parsed(m: FakeMessage): Record<string, unknown> {
  try {
    return JSON.parse(m.content) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** One line for the chat list and the reply quote. */
export function previewOf(v: ViewContext, m: FakeMessage): string {
  const c = parsed(m);
  if (m.msgType === 'interactive') {
    const config = (c.config ?? {}) as Record<string, unknown>;
    const title = pick(config.summary, v.lang) || pick((c.header as Record<string, unknown> | undefined)?.title, v.lang);
    return `[卡片] ${title}`;
  }
  if (m.msgType === 'file') return `[文件] ${fileNameOf(v, c)}`;
  if (m.msgType === 'text') return plainText(v, m, String(c.text ?? ''));
  return `[${m.msgType}]`;
}

function fileNameOf(v: ViewContext, content: Record<string, unknown>): string {
  return v.fake.file(String(content.file_key ?? ''))?.fileName ?? String(content.file_name ?? '文件');
}

/** Text with `@_user_N` keys and `<at>` tags turned into names, still unescaped. */
function plainText(v: ViewContext, m: FakeMessage, text: string): string {
  const names = v.mentions.get(m.messageId) ?? [];
  return text.replace(/@_user_(\d+)/g, (whole, n: string) => (names[Number(n) - 1] ? `@${names[Number(n) - 1]}` : whole)).replace(/<at [^>]*>([^<]*)<\/at>/g, '@$1');
}

function textHtml(v: ViewContext, m: FakeMessage, text: string): string {
  // mentions become chips; everything else is escaped text (white-space is kept by CSS)
  const names = v.mentions.get(m.messageId) ?? [];
  const parts = text.split(/(@_user_\d+|<at [^>]*>[^<]*<\/at>)/);
  return parts
    .map((part) => {
      const key = /^@_user_(\d+)$/.exec(part);
      if (key && names[Number(key[1]) - 1]) return `<span class="md-at">@${esc(names[Number(key[1]) - 1])}</span>`;
      const at = /^<at [^>]*>([^<]*)<\/at>$/.exec(part);
      if (at) return `<span class="md-at">@${esc(at[1])}</span>`;
      return esc(part);
    })
    .join('');
}

function bodyHtml(v: ViewContext, m: FakeMessage): string {
  const c = parsed(m);
  switch (m.msgType) {
    case 'text':
      return `<div class="bubble text">${textHtml(v, m, String(c.text ?? ''))}</div>`;
    case 'file': {
      const key = String(c.file_key ?? '');
      const file = v.fake.file(key);
      const name = fileNameOf(v, c);
      const size = file ? `${Math.max(1, Math.round(file.bytes.length / 1024))} KB` : '';
      return `<div class="bubble file"><span class="file-icon" aria-hidden="true"></span><span class="file-name">${esc(name)}</span> <span class="file-size">${esc(size)}</span>${
        file ? ` <a class="file-dl" href="/files/${encodeURIComponent(key)}"${attrs({ download: name })}>${t(v.lang, 'download')}<span class="sr"> ${esc(name)}</span></a>` : ''
      }</div>`;
    }
    case 'interactive': {
      const card = renderCard(c, { lang: v.lang, members: chatMembers(v, m.chatId), nameOf: (id) => v.fake.state.users.get(id)?.name, idPrefix: m.messageId });
      return `<div class="card-wrap"${attrs({ 'data-msg': m.messageId, 'data-v': m.history.length })}>${card.html}</div>`;
    }
    case 'post': {
      const post = (c.zh_cn ?? c.en_us ?? c) as { title?: string; content?: Array<Array<Record<string, unknown>>> };
      const lines = (post.content ?? []).map((line) => line.map((el) => esc(el.text ?? (el.tag === 'at' ? `@${String(el.user_name ?? el.user_id ?? '')}` : ''))).join(''));
      return `<div class="bubble text">${post.title ? `<strong>${esc(post.title)}</strong>\n` : ''}${lines.join('\n')}</div>`;
    }
    default:
      return `<div class="bubble text">[${esc(m.msgType)}]</div>`;
  }
}

export function messageHtml(v: ViewContext, m: FakeMessage): string {
  const who = senderName(v, m);
  const parent = m.parentId ? v.fake.message(m.parentId) : undefined;
  const buzzed = v.fake.state.urgent.filter((u) => u.messageId === m.messageId).flatMap((u) => u.openIds);
  const buzzedNames = [...new Set(buzzed)].map((id) => v.fake.state.users.get(id)?.name ?? id);
  const quote = parent ? `<div class="quote">${t(v.lang, 'replyingTo')} ${esc(senderName(v, parent))}：${esc(previewOf(v, parent))}</div>` : '';
  const replyLabel = `${who}：${previewOf(v, m)}`;
  return (
    `<li class="msg${m.sender === 'bot' ? ' from-bot' : ''}" id="m-${esc(m.messageId)}"${attrs({ 'data-sender': m.sender })}>` +
    `<div class="avatar" aria-hidden="true">${esc([...who][0] ?? '?')}</div>` +
    '<div class="msg-main"><div class="msg-meta">' +
    `<span class="msg-who">${esc(who)}</span>${m.sender === 'bot' ? ` <span class="tag-bot">${t(v.lang, 'bot')}</span>` : ''}` +
    ` <time datetime="${new Date(m.createTime).toISOString()}">${wallTime(m.createTime)}</time>` +
    (buzzedNames.length > 0 ? ` <span class="tag-urgent" role="status">${t(v.lang, 'urgent')}：${esc(buzzedNames.join('、'))}</span>` : '') +
    `</div>${quote}${bodyHtml(v, m)}` +
    `<div class="msg-actions"><button type="button" class="link"${attrs({ 'data-reply': m.messageId, 'data-reply-label': replyLabel })}>${t(v.lang, 'reply')}<span class="sr"> ${esc(replyLabel)}</span></button></div>` +
    '</div></li>'
  );
}

export interface ChatEntry {
  chatId: string;
  label: string;
  kind: 'group' | 'dm';
  /** For DMs: whose. */
  openId?: string;
}

export function chatEntries(v: ViewContext): ChatEntry[] {
  const groups = [...v.fake.state.chats.values()].filter((c) => c.type === 'group').map((c) => ({ chatId: c.chatId, label: c.name, kind: 'group' as const }));
  const dms = v.people.map((p) => ({ chatId: `oc_p2p_${p.openId}`, label: p.name, kind: 'dm' as const, openId: p.openId }));
  return [...groups, ...dms];
}
