import { post, report } from './api';

/**
 * The message box: Enter sends (Shift+Enter and IME composition do not), a reply is attached to the
 * message chosen with 回复, and 上传附件 sends a file as a file message.
 */
export function wireComposer(chatId: string, me: () => string): void {
  const form = document.getElementById('composer') as HTMLFormElement | null;
  const box = document.getElementById('msg') as HTMLTextAreaElement | null;
  const file = document.getElementById('file') as HTMLInputElement | null;
  const replying = document.getElementById('replying')!;
  const replyingText = document.getElementById('replying-text')!;
  if (!form || !box || !file) return;
  let replyTo: string | null = null;

  const setReply = (id: string | null, label = '') => {
    replyTo = id;
    replying.hidden = id === null;
    replyingText.textContent = id ? `${replying.dataset.prefix ?? '回复'} ${label}` : '';
    if (id) box.focus();
  };

  document.addEventListener('click', (e) => {
    const target = e.target as HTMLElement;
    const reply = target.closest<HTMLButtonElement>('[data-reply]');
    if (reply) setReply(reply.dataset.reply!, reply.dataset.replyLabel ?? '');
    if (target.closest('#reply-cancel')) setReply(null);
    const insert = target.closest<HTMLButtonElement>('[data-insert]');
    if (insert) {
      const at = box.selectionStart ?? box.value.length;
      box.value = `${box.value.slice(0, at)}${insert.dataset.insert}${box.value.slice(box.selectionEnd ?? at)}`;
      box.focus();
      box.selectionStart = box.selectionEnd = at + insert.dataset.insert!.length;
    }
  });

  box.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      form.requestSubmit();
    }
  });

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const text = box.value;
    if (text.trim() === '') return;
    box.disabled = true;
    const ok = report(await post('/api/send', { chatId, as: me(), text, replyTo }));
    box.disabled = false;
    if (ok) {
      box.value = '';
      setReply(null);
    }
    box.focus();
  });

  document.getElementById('upload')?.addEventListener('click', () => file.click());
  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    const data = new FormData();
    data.set('file', chosen, chosen.name);
    data.set('chatId', chatId);
    data.set('as', me());
    if (replyTo) data.set('replyTo', replyTo);
    const ok = report(await post('/api/upload', data));
    file.value = '';
    if (ok) setReply(null);
  });
}
