import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { COLLECTION_ACTIONS as A } from '#cards/collection/actions';
import { createFakeLark, type FakeLark, type FakeMessage, type PressOptions } from '../../src/fake-lark';
import { listenFakeLark } from '../../src/fake-lark/listen';
import { openSqlite } from '../../src/node/sqlite';
import { tempDbPath } from '../helpers/db';
import { testCrypto } from '../helpers/signing';

/**
 * `LARK_EVENT_MODE=ws npm start` against the fake Lark served on a loopback port: the whole bot in its own
 * process, its SDK `WSClient` discovering the gateway at `{LARK_BASE_URL}/callback/ws/endpoint`, every event
 * and card callback of the collection flow (import 003 T1 → preview → 开始收集 → each owner's entries →
 * review → summary → lock) pushed over the socket and answered in the acks. Mid-run the connection is cut
 * while an event is in flight and the gateway is restarted with an event waiting; the history in the bot's
 * database shows every write exactly once.
 */

const ROOT = join(import.meta.dirname, '..', '..');
const APP_ID = 'cli_e2e0a1b2c3d4e5f6';
const GROUP = 'oc_ws_project_group';
const clerk = { openId: 'ou_clerk', name: '赵敏' };
const zhang = { openId: 'ou_zhangwei', name: '张伟' };
const li = { openId: 'ou_lina', name: '李娜' };
const wang = { openId: 'ou_wangfang', name: '王芳' };
const OVERSHOOT = '超额完成：应上级要求增加了督导次数，明年按实际需要调整指标值';

let fake: FakeLark;
let server: Awaited<ReturnType<typeof listenFakeLark>>;
let child: ChildProcess;
let output = '';
const db = tempDbPath();

beforeAll(async () => {
  // Fast reconnects, pushed to the bot's SDK by the gateway (Lark itself sends 120 / 120 / 30 s).
  fake = createFakeLark({ crypto: testCrypto, appId: APP_ID, eventMode: 'ws', ws: { clientConfig: { PingInterval: 2, ReconnectInterval: 0.3, ReconnectNonce: 0.2 } } });
  for (const p of [clerk, zhang, li, wang]) fake.addUser(p);
  fake.addChat({ chatId: GROUP, name: '金融监管专项经费绩效自评', members: [clerk, zhang, li, wang].map((p) => p.openId) });
  server = await listenFakeLark(fake);
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  child = spawn(process.execPath, ['--import', 'tsx', 'src/node/main.ts'], {
    cwd: ROOT,
    // the longest card budget Lark's 3 s allows, so a busy CI machine does not turn answers into deferred toasts
    env: { ...process.env, ...fake.env(server.baseUrl), PORT: String(port), JIXIAO_DB: db.path, LARK_CARD_BUDGET_MS: '2800' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  // Starting tsx on a busy 2-core machine can take half a minute.
  await until('the bot connects over the long connection', () => fake.gateway.connections > 0, 120_000);
}, 150_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
  await server?.close();
  db.cleanup();
});

async function until<T>(what: string, check: () => T | undefined | false | null, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v) return v;
    if (child?.exitCode !== null && child?.exitCode !== undefined) throw new Error(`bot exited (${child.exitCode}) waiting for ${what}:\n${output.slice(-3000)}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; bot output:\n${output.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const titleOf = (m: FakeMessage) => String((m.card!.header as { title: { content: string } }).title.content);
const text = (m: FakeMessage | undefined) => m?.content ?? '';
const dmCards = (openId: string) => fake.messagesTo(openId).filter((m) => m.msgType === 'interactive');

/** Presses a button over the socket and expects a toast of that type; returns once the card has changed. */
async function press(card: FakeMessage, opts: PressOptions, toast = 'success') {
  const before = fake.messagesTo(card.chatId === GROUP ? GROUP : opts.operator).map((m) => m.content).join('\n');
  const r = await fake.pressButton(card, opts);
  expect(r.delivery.path).toBe('/ws/v2');
  expect(r.clientError, JSON.stringify(r.response)).toBeUndefined();
  expect(r.toast?.type, r.toast?.content).toBe(toast);
  await until(`the card after ${opts.action ?? opts.name}`, () => fake.messagesTo(card.chatId === GROUP ? GROUP : opts.operator).map((m) => m.content).join('\n') !== before);
  return r;
}

async function answer(openId: string, formValue: Record<string, unknown>) {
  return press(fake.lastCard(openId)!, { operator: openId, action: A.entrySubmit, formValue });
}

function deadline(): string {
  const d = new Date(Date.now() + 21 * 86_400_000);
  return `${d.toISOString().slice(0, 10)} +0800`;
}

it('runs the collection flow with every event and card callback over the long connection, through a drop and a restart', async () => {
  // 1. The clerk drops the 003 T1 sheet into the group and replies "@bot 导入"; the connection is cut while that
  //    event is in flight, so Lark pushes it again after the bot reconnects.
  const bytes = new Uint8Array(readFileSync(join(ROOT, 'test', 'fixtures', 'seeds', '003-t1.xlsx')));
  const file = await fake.sendMessageEvent({ sender: clerk.openId, chatId: GROUP, file: { name: '003-t1.xlsx', bytes } });
  expect(file.delivered).toBe(false);
  const importing = fake.sendMessageEvent({ sender: clerk.openId, chatId: GROUP, mentionBot: true, text: '导入', parentId: file.message.messageId });
  fake.gateway.dropConnections();
  expect((await importing).delivery!.status).toBe(200);
  expect(fake.gateway.stats.redeliveries).toBeGreaterThanOrEqual(1);
  const preview = await until('the import preview', () => fake.messagesTo(GROUP).find((m) => m.msgType === 'interactive' && titleOf(m) === '导入预览'));

  // 2. 开始收集 with a deadline: every owner gets a DM card.
  await press(preview, { operator: clerk.openId, action: A.previewStart, formValue: { deadline: deadline() } });
  for (const p of [zhang, li, wang, clerk]) await until(`${p.name}'s first card`, () => dmCards(p.openId).length === 1);
  expect(text(fake.lastCard(zhang.openId))).toContain('第 1/5 项');

  // 3. The owners walk through their rows.
  await answer(zhang.openId, { actual: '2' });
  expect(text(fake.lastCard(zhang.openId))).toContain('第 2/5 项');
  await answer(zhang.openId, { actual: '12' });
  await answer(zhang.openId, { actual: '80%' });
  await answer(zhang.openId, { actual: '21' });
  await answer(zhang.openId, { band: '达成', actual: '宣传覆盖全区，群众满意度调查 90%' });
  await until('张伟 recap', () => titleOf(fake.lastCard(zhang.openId)!) === '填报汇总');

  await answer(li.openId, { actual: '8', reason: OVERSHOOT });
  await answer(li.openId, { actual: '2', reason: OVERSHOOT });
  await answer(li.openId, { actual: '5', reason: '外地培训因费用无法报销未开展，明年提前报批培训计划' });
  await answer(li.openId, { actual: '3', reason: OVERSHOOT });

  // The gateway restarts (all sockets cut, nothing listening) while 王芳 is answering.
  await answer(wang.openId, { actual: '25' });
  await server.close();
  await new Promise((r) => setTimeout(r, 300));
  server = await listenFakeLark(fake, server.port);
  await until('the bot reconnects after the gateway restart', () => fake.gateway.connections > 0, 60_000);
  await answer(wang.openId, { actual: '5' });
  await answer(wang.openId, { actual: '3', reason: OVERSHOOT });
  await answer(wang.openId, { band: '达成', actual: '协同处置案件，挽回群众损失约 80%' });

  const budgetCard = await until('the budget card', () => dmCards(clerk.openId).find((m) => text(m).includes('全年执行数')));
  await press(budgetCard, { operator: clerk.openId, action: A.entrySubmit, formValue: { actual: '57', reason: '部分培训未开展，资金结转下年' } });

  // 4. Review: the clerk approves each owner's batch from the review cards in the DM.
  for (const owner of [zhang, li, wang, clerk]) {
    const card = await until(`the review card for ${owner.name}`, () => [...dmCards(clerk.openId)].reverse().find((m) => titleOf(m) === `审核：${owner.name}`));
    // a batch of one row (the clerk's budget line) has only that row's own 通过 button
    const single = /"name":"(approve_[^"]+)"/.exec(text(card));
    const batch = text(card).includes(A.reviewApproveAll);
    await press(card, batch ? { operator: clerk.openId, action: A.reviewApproveAll } : { operator: clerk.openId, name: single![1]! });
  }

  // 5. All approved: the summary goes to the group. The clerk asks for the 总览 — sent while the connection is
  //    down again, so it waits at the gateway — and locks.
  await until('the summary in the group', () => fake.messagesTo(GROUP).some((m) => m.msgType === 'interactive' && titleOf(m).endsWith('绩效自评汇总')));
  // with the 自评表 and 自评报告 attached, once each
  await until('the two summary files', () => fake.messagesTo(GROUP).filter((m) => m.msgType === 'file').length === 2);
  fake.gateway.dropConnections();
  const overviewAsked = fake.sendMessageEvent({ sender: clerk.openId, chatId: GROUP, mentionBot: true, text: '总览' });
  expect((await overviewAsked).delivery!.status).toBe(200);
  const overview = await until('the 总览 card', () => [...fake.messagesTo(GROUP)].reverse().find((m) => m.msgType === 'interactive' && titleOf(m) === '总览'));
  await press(overview, { operator: clerk.openId, action: A.overviewLock });

  // 6. The bot stops cleanly; its database holds each write exactly once.
  child.kill('SIGTERM');
  const [code] = await once(child, 'exit');
  expect(code).toBe(0);
  const { db: conn, close } = await openSqlite(db.path);
  try {
    const history = await conn.selectFrom('history').select(['action']).orderBy('id').execute();
    const count = (a: string) => history.filter((r) => r.action === a).length;
    expect({ import: count('import'), start: count('start'), submit: count('submit'), approve: count('approve'), summary: count('summary_posted'), lock: count('lock') }).toEqual({
      import: 1,
      start: 1,
      submit: 14,
      approve: 14,
      summary: 1,
      lock: 1,
    });
    const evaluation = await conn.selectFrom('evaluations').select(['status']).executeTakeFirstOrThrow();
    expect(evaluation.status).toBe('final');
  } finally {
    await close();
  }
  // Nothing went out twice; neither the card rules nor the socket protocol were broken.
  expect(fake.messagesTo(GROUP).filter((m) => m.msgType === 'file')).toHaveLength(2);
  expect(fake.messagesTo(GROUP).filter((m) => m.msgType === 'interactive' && titleOf(m) === '导入预览')).toHaveLength(1);
  expect(fake.violations).toEqual([]);
  expect(fake.gateway.violations).toEqual([]);
  expect(fake.gateway.stats.endpointCalls).toBeGreaterThanOrEqual(3);
}, 600_000);
