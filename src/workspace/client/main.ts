import { confirmDialog, post, report } from './api';
import { wireCards } from './cards';
import { wireComposer } from './composer';
import { wireLive } from './live';

/** The workspace page's script (bundled by esbuild, see src/node/workspace.ts). The gallery uses the card part only. */
const body = document.body;
const chatId = body.dataset.chat ?? '';
const lang = body.dataset.lang === 'en_us' ? 'en_us' : 'zh_cn';
const actAs = document.getElementById('as') as HTMLSelectElement | null;
const me = () => actAs?.value ?? body.dataset.as ?? '';

wireCards(me);

if (!body.dataset.gallery) {
  wireComposer(chatId, me);
  wireLive(chatId, lang);

  const list = document.getElementById('messages');
  if (list) list.scrollTop = list.scrollHeight;

  actAs?.addEventListener('change', () => (actAs.form as HTMLFormElement).submit());

  document.getElementById('clock-next')?.addEventListener('click', async (e) => {
    const button = e.currentTarget as HTMLButtonElement;
    button.disabled = true;
    report(await post('/api/clock/next', {}));
    button.disabled = false;
  });

  const reset = document.getElementById('reset') as HTMLButtonElement | null;
  reset?.addEventListener('click', async () => {
    if (!(await confirmDialog(reset.textContent ?? '', reset.dataset.confirmText ?? ''))) return;
    if (report(await post('/api/reset', {}))) location.href = lang === 'en_us' ? '/?lang=en_us' : '/';
  });

  const addPerson = document.getElementById('add-person') as HTMLFormElement | null;
  addPerson?.addEventListener('submit', async (e) => {
    e.preventDefault();
    const name = (addPerson.elements.namedItem('name') as HTMLInputElement).value;
    if (report(await post('/api/people', { name }))) location.reload();
  });
}
