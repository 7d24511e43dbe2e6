import { confirmDialog, post, report, toast } from './api';

/**
 * Cards on the page behave as in the Lark client: table pages turn, a form's required fields are
 * checked before anything is sent, a button with `confirm` asks first, and a press sends the position
 * of the button and the values of its form's fields to the workspace, which makes the callback.
 */
export function wireCards(me: () => string): void {
  document.addEventListener('click', (e) => {
    const target = e.target as HTMLElement;
    const pager = target.closest<HTMLButtonElement>('.lk-page');
    if (pager) return turnPage(pager);
    const button = target.closest<HTMLButtonElement>('button[data-el]');
    if (button && button.type === 'button') void press(button, null, me());
  });
  document.addEventListener('submit', (e) => {
    const form = e.target as HTMLFormElement;
    if (!form.classList.contains('lk-form')) return;
    e.preventDefault();
    const button = (e as SubmitEvent).submitter as HTMLButtonElement | null;
    if (button?.dataset.el !== undefined) void press(button, form, me());
  });
}

function turnPage(button: HTMLButtonElement): void {
  const table = button.closest('.lk-table')!;
  const pager = table.querySelector<HTMLElement>('.lk-pager')!;
  const pages = Number(pager.dataset.pages);
  const current = Number(pager.dataset.current ?? 0);
  const next = Math.min(pages - 1, Math.max(0, current + Number(button.dataset.dir)));
  pager.dataset.current = String(next);
  for (const row of table.querySelectorAll<HTMLElement>('tr[data-page]')) row.hidden = Number(row.dataset.page) !== next;
  pager.querySelector('.lk-page-no')!.textContent = `${next + 1} / ${pages}`;
  const [prev, after] = pager.querySelectorAll<HTMLButtonElement>('.lk-page');
  prev!.disabled = next === 0;
  after!.disabled = next === pages - 1;
}

function fieldValues(form: HTMLFormElement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const el of form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('[data-el][data-field]')) {
    if (el instanceof HTMLSelectElement && el.multiple) out[el.dataset.el!] = [...el.selectedOptions].map((o) => o.value);
    else if (el instanceof HTMLInputElement && el.type === 'checkbox') out[el.dataset.el!] = el.checked;
    else out[el.dataset.el!] = el.value;
  }
  return out;
}

async function press(button: HTMLButtonElement, form: HTMLFormElement | null, as: string): Promise<void> {
  const wrap = button.closest<HTMLElement>('.card-wrap[data-msg]');
  if (!wrap || button.disabled || button.getAttribute('aria-busy') === 'true') return;
  if (form && !form.reportValidity()) return;
  const title = button.dataset.confirmTitle;
  if (title !== undefined && !(await confirmDialog(title, button.dataset.confirmText ?? ''))) return;
  const url = button.dataset.url;
  if (url) window.open(url, '_blank', 'noopener');
  button.setAttribute('aria-busy', 'true');
  const messageId = wrap.dataset.msg!;
  const outcome = await post('/api/press', { messageId, version: Number(wrap.dataset.v), el: Number(button.dataset.el), as, fields: form ? fieldValues(form) : {} });
  button.removeAttribute('aria-busy');
  report(outcome);
  if (!outcome.error && !outcome.toast && !url) toast('info', '✓');
  focusWhenReplaced(messageId, wrap);
}

/** After a press the card is usually replaced: keep the keyboard on it, at its first field or button. */
function focusWhenReplaced(messageId: string, old: HTMLElement): void {
  let tries = 0;
  const check = () => {
    const now = document.querySelector<HTMLElement>(`#m-${CSS.escape(messageId)} .card-wrap`);
    if (now && now !== old) {
      now.querySelector<HTMLElement>('input:not([type=hidden]),textarea,select,button:not([disabled])')?.focus();
      return;
    }
    if (++tries < 20) setTimeout(check, 100);
  };
  check();
}
