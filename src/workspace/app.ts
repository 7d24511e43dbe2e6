import { Hono, type Context } from 'hono';
import type { Kysely } from 'kysely';
import type { FakeLark } from '../fake-lark';
import { createFakeFeed, type FeedChange } from '../fake-lark/feed';
import { addMember, dmChatId } from '../fake-lark/workspace-state';
import type { WorkCalendar } from '../features/reminders';
import type { AdjustableClock } from '../platform/clock';
import type { Database } from '../storage/database';
import { wipeLocalWorkspace } from '../storage/repositories/local/wipe';
import type { LarkClient } from '../transport/contract';
import { errorFields, type Logger } from '../platform/log';
import { createActions, MAX_FILE_BYTES, UserError, type Outcome } from './actions';
import { cached, contentTypeOf, etagOf } from './assets';
import { renderGallery } from './gallery/page';
import { parseLang, t } from './i18n';
import { renderPage } from './page';
import { GROUP_ID } from './people';
import type { Lang } from './render-card';
import { createLiveEvents } from './live-events';
import { sameMachine } from './same-machine';
import { createWorkspaceState, type WorkspaceStore } from './state';
import { STYLES } from './styles';
import { travelToNextRung, type RungStep } from './time-travel';
import { fullWallTime, messageHtml, previewOf, type ViewContext } from './views';

/**
 * The local Lark-like workspace (`npm start` with no Lark app): a page over the embedded fake Lark where a
 * person acts as the clerk, the owners or an admin, and everything they do reaches the real bot as signed,
 * encrypted Lark events and card callbacks. New messages and card updates stream to the page as
 * server-sent events. Local mode only: the Node entry mounts it when no LARK_APP_ID is set, bound to
 * 127.0.0.1, and every route checks that the request comes from this machine's own page.
 */
export interface WorkspaceDeps {
  fake: FakeLark;
  /** The bot's own routes (webhooks, /healthz): whatever the workspace does not answer. */
  bot: { fetch: (request: Request) => Response | Promise<Response> };
  db: Kysely<Database>;
  lark: LarkClient;
  calendar: WorkCalendar;
  clock: AdjustableClock;
  log: Logger;
  /** The page's script, bundled by the runtime (Node: esbuild, src/node/workspace.ts). */
  script: () => Promise<string>;
  /** Keeps the workspace across restarts (Node: a file next to the SQLite database). */
  store?: WorkspaceStore;
  /** How often the fake is looked at for changes, in ms. */
  pollMs?: number;
}

export interface Workspace {
  fetch: (request: Request) => Response | Promise<Response>;
  /** Restores or seeds the workspace and starts watching the fake. */
  start(): Promise<void>;
  /** Ends the event streams and writes the workspace out. */
  stop(): Promise<void>;
}

export function createWorkspace(deps: WorkspaceDeps): Workspace {
  const { fake, clock, log } = deps;
  const state = createWorkspaceState(fake, clock);
  const actions = createActions(fake, state);
  const feed = createFakeFeed(fake);
  const live = createLiveEvents((messageId, lang) => {
    const message = fake.message(messageId);
    return message ? JSON.stringify({ chatId: message.chatId, id: messageId, html: messageHtml(view(lang), message), preview: previewOf(view(lang), message) }) : null;
  });
  let timer: ReturnType<typeof setInterval> | null = null;
  let saveTimer: ReturnType<typeof setTimeout> | null = null;

  const view = (lang: Lang): ViewContext => ({ fake, people: state.people, mentions: state.mentions, lang });

  function publish(changes: FeedChange[]) {
    for (const id of new Set(changes.map((c) => c.message.messageId))) live.message(id);
  }

  function scheduleSave() {
    if (!deps.store || saveTimer) return;
    saveTimer = setTimeout(() => {
      saveTimer = null;
      deps.store!.save(state.serialize()).catch((err) => log.error('workspace: could not save', errorFields(err)));
    }, 300);
  }

  function poke() {
    const changes = feed.poll();
    if (changes.length === 0) return;
    publish(changes);
    scheduleSave();
    // the simulator keeps every delivery for replays; a long session only needs the recent ones
    if (fake.deliveries.length > 200) fake.deliveries.splice(0, fake.deliveries.length - 100);
  }

  function clockEvent() {
    const now = clock.now();
    live.broadcast('clock', (lang) => JSON.stringify({ iso: now.toISOString(), label: `${fullWallTime(now.getTime())}${clock.offsetMs() > 0 ? `（${t(lang, 'ahead')}）` : ''}` }));
  }

  async function fresh() {
    state.fresh();
    feed.baseline();
    await fake.botAddedToChat(GROUP_ID, state.people[0]!.openId);
  }

  const app = new Hono();
  app.use('*', sameMachine);

  app.get('/', (c) => {
    const lang = parseLang(c.req.query('lang'));
    const as = state.person(c.req.query('as')) ?? state.people[0]!;
    let chatId = c.req.query('chat') ?? GROUP_ID;
    const chat = fake.state.chats.get(chatId);
    // a DM belongs to one person: acting as someone else opens their DM instead
    if (!chat || !chat.members.includes(as.openId)) chatId = chat?.type === 'p2p' ? dmChatId(fake, as.openId) : GROUP_ID;
    if (!fake.state.chats.get(chatId)?.members.includes(as.openId)) chatId = dmChatId(fake, as.openId);
    // everything the fake holds now is on the page; its event stream starts after the last change
    poke();
    const since = live.seq();
    const html = renderPage({ ...view(lang), chatId, as, now: clock.now(), clockAhead: clock.offsetMs() > 0, since });
    return c.html(html, 200, { 'cache-control': 'no-store' });
  });

  app.get('/cards', (c) => {
    const { html } = renderGallery(parseLang(c.req.query('lang')));
    return c.html(html);
  });

  let script: Promise<{ body: string; etag: string }> | null = null;
  const bundled = () => (script ??= deps.script().then((body) => ({ body, etag: etagOf(body) })));
  app.get('/assets/workspace.js', async (c) => {
    const { body, etag } = await bundled();
    return cached(c, body, etag, 'text/javascript; charset=utf-8');
  });
  const stylesTag = etagOf(STYLES);
  app.get('/assets/workspace.css', (c) => cached(c, STYLES, stylesTag, 'text/css; charset=utf-8'));

  app.get('/api/events', (c) => live.stream(c, parseLang(c.req.query('lang')), () => JSON.stringify({ iso: clock.now().toISOString() })));

  const answer = async (c: Context, work: () => Promise<Outcome>) => {
    try {
      const outcome = await work();
      poke();
      return c.json(outcome);
    } catch (error) {
      poke();
      if (error instanceof UserError) return c.json({ error: error.message }, error.status);
      log.error('workspace: action failed', errorFields(error));
      return c.json({ error: '出错了，请看运行 npm start 的终端里的日志。' }, 500);
    }
  };

  app.post('/api/send', async (c) => answer(c, async () => actions.send(await jsonBody(c))));

  app.post('/api/press', async (c) => {
    const lang = parseLang(c.req.query('lang'));
    return answer(c, async () => actions.press(await jsonBody(c), lang));
  });

  app.post('/api/upload', async (c) => {
    const length = Number(c.req.header('content-length') ?? 0);
    if (length > MAX_FILE_BYTES + 64 * 1024) return c.json({ error: '文件超过 30 MB，飞书不能发送。' }, 413);
    return answer(c, async () => {
      const form = await c.req.formData().catch(() => null);
      // workers-types types FormData.get as string-only; workerd and Node both hand back a File for a file part
      const file = form?.get('file') as File | string | null | undefined;
      if (!form || !file || typeof file === 'string') throw new UserError('没有收到文件。');
      return actions.upload({ chatId: form.get('chatId'), as: form.get('as'), replyTo: form.get('replyTo') ?? undefined, file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } });
    });
  });

  app.post('/api/people', async (c) =>
    answer(c, async () => {
      const body = await jsonBody(c);
      const name = typeof body.name === 'string' ? body.name.trim() : '';
      if (!/^[\p{L}\p{N}·._ -]{1,20}$/u.test(name)) throw new UserError('姓名为 1 到 20 个字（汉字、字母或数字）。');
      if (state.people.some((p) => p.name === name)) throw new UserError(`已经有一位「${name}」了。`);
      const openId = `ou_ws_${fake.state.counters.user + 1}`;
      fake.addUser({ openId, name, email: `${openId.slice(3)}@example.cn` });
      state.people.push({ openId, name, role: 'member' });
      addMember(fake, GROUP_ID, openId);
      dmChatId(fake, openId);
      scheduleSave();
      live.broadcast('reload', () => '{}');
      return { toast: { type: 'success', content: `已添加 ${name}，并拉进了群。` } };
    }),
  );

  app.post('/api/reset', async (c) =>
    answer(c, async () => {
      await wipeLocalWorkspace(deps.db);
      await fresh();
      scheduleSave();
      live.broadcast('reload', () => '{}');
      return { toast: { type: 'success', content: '已重置：新的工作区。' } };
    }),
  );

  app.post('/api/clock/next', async (c) => {
    const lang = parseLang(c.req.query('lang'));
    return answer(c, async () => {
      const result = await travelToNextRung({ db: deps.db, lark: deps.lark, calendar: deps.calendar, clock, log });
      clockEvent();
      scheduleSave();
      if (!result.moved) return { toast: { type: 'info', content: lang === 'en_us' ? 'No reminder is due: import a table and start collecting first.' : '没有待发送的提醒：先导入表格并开始收集，或所有人都已填完。' } };
      const what = RUNG_LABELS[result.rung.step][lang === 'en_us' ? 1 : 0];
      const sent = result.report.ran ? result.report.sent : 0;
      return { toast: { type: 'success', content: `${t(lang, 'clock')} ${fullWallTime(result.now.getTime())}：${what}（${sent}）` } };
    });
  });

  app.get('/files/:key', (c) => {
    const file = fake.file(c.req.param('key'));
    if (!file) return c.text('没有这个文件', 404);
    const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    return c.body(file.bytes.slice().buffer as ArrayBuffer, 200, {
      'content-type': contentTypeOf(file.fileName),
      'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'cache-control': 'no-store',
    });
  });

  // everything else is the bot's: /webhook/event, /webhook/card, /healthz
  app.all('*', (c) => deps.bot.fetch(c.req.raw));

  return {
    fetch: (request) => app.fetch(request),
    async start() {
      const saved = deps.store ? await deps.store.load() : null;
      if (!(saved && state.restore(saved))) await fresh();
      feed.baseline();
      scheduleSave();
      // bundled and rendered once now, so the first person to open the page does not wait for either
      bundled().catch((err) => log.error('workspace: could not bundle the page script', errorFields(err)));
      await app.request('http://127.0.0.1/');
      timer = setInterval(poke, deps.pollMs ?? 150);
      (timer as { unref?: () => void }).unref?.();
    },
    async stop() {
      if (timer) clearInterval(timer);
      live.stop();
      if (saveTimer) clearTimeout(saveTimer);
      saveTimer = null;
      if (deps.store) await deps.store.save(state.serialize());
    },
  };
}

const RUNG_LABELS: Record<RungStep, [string, string]> = {
  owner_dm: ['私聊提醒未填完的责任人', 'DM to owners with open rows'],
  group_notice: ['在群里 @ 未填完的人', 'group notice mentioning them'],
  urgent: ['截止当天加急', 'urgent buzz on the last day'],
  admin_daily: ['逾期，私聊管理员', 'overdue card to the admins'],
};

async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  const type = c.req.header('content-type') ?? '';
  if (type.includes('application/x-www-form-urlencoded') || type.includes('multipart/form-data')) {
    return Object.fromEntries((await c.req.formData()).entries()) as Record<string, unknown>;
  }
  const body = await c.req.json().catch(() => null);
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new UserError('请求格式不对。');
  return body as Record<string, unknown>;
}
