import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COLLECTION_ACTIONS } from '#cards/collection/actions';
import type { FakeMessage } from '../../src/fake-lark';
import { createWorkCalendar } from '../../src/features/reminders/scheduler/calendar/work-calendar';
import { createLocalBot, type LocalBot } from '../../src/node/local-mode';
import { openSqlite } from '../../src/node/sqlite';
import { adjustableClock, type AdjustableClock } from '../../src/platform/clock';
import { silentLogger } from '../../src/platform/log';
import { createWorkspace, type Workspace } from '../../src/workspace/app';
import { GROUP_ID } from '../../src/workspace/people';
import { interactiveNodes } from '../../src/workspace/render-card';
import type { WorkspaceStore } from '../../src/workspace/state';

/**
 * The workspace's routes over the real bot and the embedded fake, in process: what the page sends
 * becomes signed, encrypted events and callbacks; SSE carries the bot's answers; the clock control
 * walks the reminder ladder; reset and restart behave. The browser itself is tested in workspace.browser.test.ts.
 */
const ORIGIN = 'http://127.0.0.1:8787';
const T1 = new Uint8Array(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'seeds', '003-t1.xlsx')));

interface Env {
  bot: LocalBot;
  clock: AdjustableClock;
  ws: Workspace;
  close(): Promise<void>;
  saved: { text: string | null };
}

async function setup(saved: { text: string | null } = { text: null }): Promise<Env> {
  const { db, close } = await openSqlite(':memory:');
  const clock = adjustableClock();
  const bot = await createLocalBot({ db, log: silentLogger, clock });
  const store: WorkspaceStore = { load: async () => saved.text, save: async (t) => void (saved.text = t) };
  const ws = createWorkspace({ fake: bot.fake, bot: bot.app, db, lark: bot.lark, calendar: createWorkCalendar(), clock, log: silentLogger, script: async () => 'export {}', store, pollMs: 10 });
  await ws.start();
  await bot.settle();
  return {
    bot,
    clock,
    ws,
    saved,
    close: async () => {
      await ws.stop();
      await bot.settle();
      await close();
    },
  };
}

const call = (env: Env, path: string, init: RequestInit = {}) => Promise.resolve(env.ws.fetch(new Request(`${ORIGIN}${path}`, init)));
const post = async (env: Env, path: string, body: unknown) => {
  const res = await call(env, path, { method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN }, body: JSON.stringify(body) });
  const json = (await res.json()) as { toast?: { type: string; content: string }; error?: string };
  await env.bot.settle();
  return { status: res.status, ...json };
};

/** Cards in a group (chat id) or in a person's DM with the bot (their open_id). */
function cardsIn(env: Env, chat: string): FakeMessage[] {
  return env.bot.fake.messagesIn(chat).filter((m) => m.msgType === 'interactive');
}

function titleOf(m: FakeMessage): string {
  return String(((m.card!.header as Record<string, Record<string, unknown>>).title!.content as string) ?? '');
}

/** The position (`data-el`) of the component the page would send for a card field or button. */
function el(m: FakeMessage, match: (n: Record<string, unknown>) => boolean): number {
  const i = interactiveNodes(m.card).findIndex(match);
  if (i < 0) throw new Error(`no such component on ${titleOf(m)}`);
  return i;
}

const byAction = (action: string) => (n: Record<string, unknown>) => JSON.stringify(n.behaviors ?? '').includes(`"action":"${action}"`);

function chinaDate(d: Date, plusDays = 0): string {
  return new Date(d.getTime() + 8 * 3_600_000 + plusDays * 86_400_000).toISOString().slice(0, 10);
}

async function importAndStart(env: Env, deadline: string) {
  const upload = new FormData();
  upload.set('file', new File([T1], '003-t1.xlsx'));
  upload.set('chatId', GROUP_ID);
  upload.set('as', 'ou_clerk');
  const up = await call(env, '/api/upload', { method: 'POST', headers: { origin: ORIGIN }, body: upload });
  expect(((await up.json()) as { toast: { content: string } }).toast.content).toContain('@绩效自评助手 导入');
  await env.bot.settle();
  const file = env.bot.fake.messagesIn(GROUP_ID).find((m) => m.msgType === 'file')!;
  expect(file.sender).toBe('ou_clerk');
  expect(await post(env, '/api/send', { chatId: GROUP_ID, as: 'ou_clerk', text: '@绩效自评助手 导入', replyTo: file.messageId })).toMatchObject({ status: 200 });
  const preview = cardsIn(env, GROUP_ID).find((m) => titleOf(m) === '导入预览')!;
  expect(preview).toBeDefined();
  const started = await post(env, '/api/press', {
    messageId: preview.messageId,
    version: preview.history.length,
    as: 'ou_clerk',
    el: el(preview, byAction(COLLECTION_ACTIONS.previewStart)),
    fields: { [el(preview, (n) => n.tag === 'date_picker')]: deadline },
  });
  expect(started.toast?.content).toContain('已开始收集');
  return preview;
}

describe('the local workspace', () => {
  let env: Env;
  beforeEach(async () => {
    env = await setup();
  });
  afterEach(async () => {
    await env.close();
  });

  it('shows the group and every person’s DM, the act-as control, the message box and the bot’s welcome', async () => {
    const res = await call(env, '/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('绩效自评助手');
    expect(html).toMatch(/<label for="as">切换身份<\/label>/);
    for (const name of ['赵敏', '张伟', '李娜', '王芳', '陈强']) expect(html).toMatch(new RegExp(`${name} <span class="chat-kind">私聊</span>`));
    expect(html).toMatch(/<label for="msg" class="sr">输入消息<\/label>/);
    expect(html).toContain('>发送</button>');
    expect(html).toContain('>上传附件</button>');
    // the bot was added to the group and answered with its help card
    expect(cardsIn(env, GROUP_ID).map(titleOf)).toEqual(['绩效自评助手 · 帮助']);
    expect(html).toContain('lk-card');
    const en = await (await call(env, '/?lang=en_us')).text();
    expect(en).toContain('Act as');
  });

  it('runs import and 开始收集 through the real bot: a file message, a reply @mentioning the bot, a form with a date', async () => {
    await importAndStart(env, chinaDate(env.clock.now(), 20));
    // the events really were signed and encrypted
    const delivered = env.bot.fake.deliveries.filter((d) => d.kind !== 'challenge');
    expect(delivered.length).toBeGreaterThan(0);
    for (const d of delivered) {
      expect(d.request.headers['x-lark-signature']).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.parse(d.request.body)).toHaveProperty('encrypt');
    }
    for (const owner of ['ou_zhangwei', 'ou_lina', 'ou_wangfang', 'ou_clerk']) {
      const entry = cardsIn(env, owner).at(-1)!;
      expect(titleOf(entry)).toMatch(/^填报：/);
    }
    const page = await (await call(env, `/?chat=oc_p2p_ou_zhangwei&as=ou_zhangwei`)).text();
    expect(page).toContain('填报：参加处非联办举行的业务培训交流会');
    expect(page).toMatch(/data-field="actual"/);
  });

  it('reads a table pasted with an @mention, and sends person pickers in Lark’s shapes (an open_id, a list of them)', async () => {
    const pasted = ['项目名称\t培训经费', '全年预算数\t20', '一级指标\t二级指标\t三级指标\t年度指标值\t分值\t责任人', '产出指标\t数量指标\t培训次数\t≥2次\t90\t张伟'].join('\n');
    await post(env, '/api/send', { chatId: GROUP_ID, as: 'ou_clerk', text: `@绩效自评助手 ${pasted}` });
    const preview = cardsIn(env, GROUP_ID).find((m) => titleOf(m) === '导入预览')!;
    expect(JSON.stringify(preview.card)).toContain('培训次数');
    const saved = await post(env, '/api/press', {
      messageId: preview.messageId,
      version: preview.history.length,
      as: 'ou_clerk',
      el: el(preview, byAction(COLLECTION_ACTIONS.previewSave)),
      fields: { [el(preview, (n) => n.name === 'admins')]: ['ou_chenqiang'], [el(preview, (n) => n.name === 'budget_owner')]: 'ou_wangfang' },
    });
    expect(saved.status).toBe(200);
    const admins = await env.bot.db.selectFrom('evaluation_admins').select('open_id').execute();
    expect(admins.map((a) => a.open_id)).toContain('ou_chenqiang');
    expect(JSON.stringify(env.bot.fake.message(preview.messageId)!.card)).toContain('王芳');
  });

  it('refuses what the Lark client would not send, and presses by a stale card', async () => {
    await importAndStart(env, chinaDate(env.clock.now(), 20));
    const entry = cardsIn(env, 'ou_lina').at(-1)!;
    const asked = titleOf(entry);
    const submit = el(entry, byAction(COLLECTION_ACTIONS.entrySubmit));
    expect(await post(env, '/api/press', { messageId: entry.messageId, version: entry.history.length + 1, as: 'ou_lina', el: submit, fields: {} })).toMatchObject({ status: 409 });
    expect(await post(env, '/api/press', { messageId: entry.messageId, version: entry.history.length, as: 'ou_zhangwei', el: submit, fields: {} })).toMatchObject({ status: 403 });
    const answered = await post(env, '/api/press', { messageId: entry.messageId, version: entry.history.length, as: 'ou_lina', el: submit, fields: { [el(entry, (n) => n.name === 'actual')]: '6' } });
    expect(answered.status).toBe(200);
    expect(answered.toast?.type ?? 'success').toBe('success');
    // the card moved on to her next row
    expect(titleOf(env.bot.fake.message(entry.messageId)!)).not.toBe(asked);
  });

  it('streams new messages and card updates as server-sent events', async () => {
    const res = await call(env, '/api/events?lang=zh_cn');
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const until = async (pattern: RegExp) => {
      while (!pattern.test(text)) {
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        text += decoder.decode(value);
      }
    };
    await until(/event: hello/);
    await post(env, '/api/send', { chatId: GROUP_ID, as: 'ou_clerk', text: '@绩效自评助手 帮助' });
    await until(/event: message\ndata: \{"chatId":"oc_workspace_group".*@绩效自评助手[\s\S]*event: message\ndata: .*lk-card/);
    await reader.cancel();
  });

  it('moves time to each reminder rung and runs the scheduler: the DM, the group @, the 加急 and the admins’ overdue card', async () => {
    expect((await post(env, '/api/clock/next', {})).toast?.content).toContain('没有待发送的提醒');
    await importAndStart(env, chinaDate(env.clock.now(), 12));
    const before = env.clock.now().getTime();
    const steps: string[] = [];
    for (let i = 0; i < 4; i++) steps.push((await post(env, '/api/clock/next', {})).toast!.content);
    expect(env.clock.now().getTime()).toBeGreaterThan(before + 9 * 86_400_000);
    expect(steps[0]).toContain('私聊提醒未填完的责任人');
    expect(steps[1]).toContain('在群里 @ 未填完的人');
    expect(steps[2]).toContain('截止当天加急');
    expect(steps[3]).toContain('逾期，私聊管理员');
    expect(cardsIn(env, 'ou_zhangwei').map(titleOf).some((t) => t.includes('提醒'))).toBe(true);
    expect(JSON.stringify(cardsIn(env, GROUP_ID).at(-1)!.card)).toContain('<at id=ou_zhangwei></at>');
    expect(env.bot.fake.urgent.flatMap((u) => u.openIds)).toContain('ou_zhangwei');
    expect(cardsIn(env, 'ou_clerk').map(titleOf).some((t) => t.startsWith('已过截止日期'))).toBe(true);
    // the buzz shows on the message it was made on
    const buzzed = env.bot.fake.urgent[0]!.messageId;
    const page = await (await call(env, `/?chat=${env.bot.fake.message(buzzed)!.chatId}&as=${env.bot.fake.urgent[0]!.openIds[0]}`)).text();
    expect(page).toMatch(/tag-urgent[^>]*>加急：/);
  });

  it('serves files the bot and people send as downloads with their names', async () => {
    await post(env, '/api/send', { chatId: GROUP_ID, as: 'ou_clerk', text: 'x' });
    const upload = new FormData();
    upload.set('file', new File([T1], '金融监管 自评表.xlsx'));
    upload.set('chatId', GROUP_ID);
    upload.set('as', 'ou_clerk');
    await call(env, '/api/upload', { method: 'POST', headers: { origin: ORIGIN }, body: upload });
    const key = JSON.parse(env.bot.fake.messagesIn(GROUP_ID).at(-1)!.content).file_key as string;
    const res = await call(env, `/files/${key}`);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="____ ___.xlsx"; filename*=UTF-8''${encodeURIComponent('金融监管 自评表.xlsx')}`);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(T1);
  });

  it('answers only this machine’s own page', async () => {
    expect((await env.ws.fetch(new Request('http://evil.example/', { headers: { host: 'evil.example' } }))).status).toBe(403);
    const cross = await call(env, '/api/reset', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://evil.example' }, body: '{}' });
    expect(cross.status).toBe(403);
    const site = await call(env, '/api/reset', { method: 'POST', headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' }, body: '{}' });
    expect(site.status).toBe(403);
    // the bot's own routes are still the bot's
    expect((await call(env, '/healthz')).status).toBe(200);
  });

  it('adds people to the group, resets to a fresh workspace and comes back after a restart', async () => {
    expect((await post(env, '/api/people', { name: '欧阳晓明' })).toast?.content).toContain('欧阳晓明');
    expect(env.bot.fake.state.chats.get(GROUP_ID)!.members).toHaveLength(6);
    expect((await post(env, '/api/people', { name: '<b>' })).status).toBe(400);
    await importAndStart(env, chinaDate(env.clock.now(), 20));
    await post(env, '/api/clock/next', {});
    expect(env.clock.offsetMs()).toBeGreaterThan(0);

    // a restart: a new fake and bot over the same saved workspace show the same chats
    await env.ws.stop();
    const again = await setup(env.saved);
    try {
      expect(again.bot.fake.messagesIn(GROUP_ID).map((m) => m.messageId)).toEqual(env.bot.fake.messagesIn(GROUP_ID).map((m) => m.messageId));
      expect(again.clock.offsetMs()).toBeGreaterThan(0);
      const page = await (await call(again, '/')).text();
      expect(page).toContain('欧阳晓明');
      expect(page).toContain('导入预览');
    } finally {
      await again.close();
    }

    await env.ws.start();
    const evaluations = () => env.bot.db.selectFrom('evaluations').select('id').execute();
    expect(await evaluations()).toHaveLength(1);
    expect((await post(env, '/api/reset', {})).status).toBe(200);
    expect(await evaluations()).toHaveLength(0);
    expect(env.clock.offsetMs()).toBe(0);
    expect(env.bot.fake.state.users.size).toBe(5);
    expect(cardsIn(env, GROUP_ID).map(titleOf)).toEqual(['绩效自评助手 · 帮助']);
  });
});

describe('the gallery', () => {
  it('/cards shows every card of the catalogue, the 导入预览 among them, with no unknown component', async () => {
    const env = await setup();
    try {
      const html = await (await call(env, '/cards')).text();
      expect(html).toContain('导入预览');
      expect(html).not.toContain('lk-unknown');
      expect(html.match(/<section id=/g)!.length).toBeGreaterThanOrEqual(25);
    } finally {
      await env.close();
    }
  });
});

describe('live events', () => {
  it('a page connecting late is sent what changed after it was drawn; a reconnect resumes from Last-Event-ID', async () => {
    const env = await setup();
    try {
      const page = await (await call(env, '/')).text();
      const since = Number(/data-since="(\d+)"/.exec(page)![1]);
      // the bot answers before the page's stream is open
      await post(env, '/api/send', { chatId: GROUP_ID, as: 'ou_clerk', text: '@绩效自评助手 帮助' });
      await new Promise((r) => setTimeout(r, 50));
      const read = async (res: Response, until: RegExp) => {
        const reader = res.body!.getReader();
        let text = '';
        while (!until.test(text)) text += new TextDecoder().decode((await reader.read()).value);
        await reader.cancel();
        return text;
      };
      const first = await read(await call(env, `/api/events?lang=zh_cn&since=${since}`), /event: message[\s\S]*lk-card/);
      expect(first).toMatch(/^event: hello/);
      const ids = [...first.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
      expect(Math.min(...ids)).toBe(since + 1);
      const resumed = await read(await call(env, '/api/events?lang=zh_cn', { headers: { 'last-event-id': String(Math.max(...ids)) } }), /event: hello[\s\S]*\n\n/);
      expect(resumed).not.toContain('event: message');
    } finally {
      await env.close();
    }
  });
});
