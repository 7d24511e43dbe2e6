/** Requests to the workspace and the toasts that report them. */
export interface Outcome {
  toast?: { type: string; content: string };
  error?: string;
}

export function lang(): string {
  return document.body.dataset.lang === 'en_us' ? 'en_us' : 'zh_cn';
}

export async function post(path: string, body: unknown): Promise<Outcome> {
  const isForm = body instanceof FormData;
  try {
    const res = await fetch(`${path}${path.includes('?') ? '&' : '?'}lang=${lang()}`, {
      method: 'POST',
      headers: isForm ? {} : { 'content-type': 'application/json' },
      body: isForm ? body : JSON.stringify(body),
    });
    const answer = (await res.json().catch(() => ({ error: `HTTP ${res.status}` }))) as Outcome;
    if (!res.ok && !answer.error) answer.error = `HTTP ${res.status}`;
    return answer;
  } catch {
    return { error: lang() === 'en_us' ? 'The workspace is not reachable: is npm start still running?' : '连接不上本地工作区：npm start 还在运行吗？' };
  }
}

export function toast(type: string, content: string): void {
  const host = document.getElementById('toasts');
  if (!host || !content) return;
  const el = document.createElement('div');
  el.className = `toast ${type}`;
  el.textContent = content;
  host.append(el);
  setTimeout(() => el.remove(), type === 'error' ? 8000 : 4500);
}

export function report(outcome: Outcome): boolean {
  if (outcome.error) toast('error', outcome.error);
  else if (outcome.toast) toast(outcome.toast.type, outcome.toast.content);
  return !outcome.error;
}

/** The page's confirm dialog (a native <dialog>, so focus and Escape behave), or the browser's own. */
export function confirmDialog(title: string, text: string): Promise<boolean> {
  const dialog = document.getElementById('confirm') as HTMLDialogElement | null;
  if (!dialog || typeof dialog.showModal !== 'function') return Promise.resolve(window.confirm(`${title}\n${text}`));
  dialog.querySelector('#confirm-title')!.textContent = title;
  dialog.querySelector('#confirm-text')!.textContent = text;
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      dialog.removeEventListener('close', onClose);
      for (const b of buttons) b.removeEventListener('click', onClick);
      if (dialog.open) dialog.close();
      resolve(ok);
    };
    const onClose = () => done(false);
    const onClick = (e: Event) => done((e.currentTarget as HTMLButtonElement).value === 'ok');
    const buttons = [...dialog.querySelectorAll('button')];
    dialog.addEventListener('close', onClose);
    for (const b of buttons) b.addEventListener('click', onClick);
    dialog.showModal();
    (dialog.querySelector('button[value=ok]') as HTMLButtonElement).focus();
  });
}
