/**
 * Server-sent events from the workspace: a new or changed message replaces its element (or is added to
 * the open chat), other chats count unread messages, the clock shows the simulated time, and a reset
 * or a new person reloads the page.
 */
export function wireLive(chatId: string, lang: string): void {
  const list = document.getElementById('messages');
  // from the change the page was drawn at; the browser's Last-Event-ID takes over on reconnects
  const source = new EventSource(`/api/events?lang=${lang}&since=${document.body.dataset.since ?? 0}`);
  // the page says whether it is live, for people (and tests) who need to know updates will arrive
  source.addEventListener('hello', () => (document.body.dataset.live = 'on'));
  source.addEventListener('error', () => (document.body.dataset.live = 'off'));
  source.addEventListener('message', (e) => {
    const data = JSON.parse((e as MessageEvent<string>).data) as { chatId: string; id: string; html: string; preview: string };
    const link = document.querySelector<HTMLAnchorElement>(`.chats a[data-chat="${CSS.escape(data.chatId)}"]`);
    const preview = link?.querySelector('.chat-preview');
    if (preview) preview.textContent = data.preview.slice(0, 40);
    if (data.chatId !== chatId || !list) {
      const badge = link?.querySelector<HTMLElement>('[data-unread]');
      if (badge) {
        badge.textContent = String(Number(badge.textContent) + 1);
        badge.hidden = false;
      }
      return;
    }
    const near = list.scrollHeight - list.scrollTop - list.clientHeight < 240;
    const template = document.createElement('template');
    template.innerHTML = data.html;
    const fresh = template.content.firstElementChild as HTMLElement;
    const existing = document.getElementById(`m-${data.id}`);
    if (existing) {
      // a new version of a card starts from what the bot sent, as in the Lark client
      existing.replaceWith(fresh);
    } else {
      document.getElementById('empty')?.remove();
      list.append(fresh);
      if (near) list.scrollTop = list.scrollHeight;
    }
  });
  source.addEventListener('clock', (e) => {
    const data = JSON.parse((e as MessageEvent<string>).data) as { iso: string; label: string };
    const time = document.getElementById('clock-now');
    if (time) {
      time.textContent = data.label;
      time.setAttribute('datetime', data.iso);
    }
  });
  source.addEventListener('reload', () => location.reload());
  source.addEventListener('bye', () => source.close());
  window.addEventListener('pagehide', () => source.close());
}
