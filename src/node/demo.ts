/**
 * `npm run demo`: seed 000's project (防范和处置非法集资专项业务经费, 2019) run end to end with no Lark
 * tenant. The clerk drops the 自评表 into the group and imports it, assigns owners and a deadline on
 * the preview card; three colleagues answer their rows on the cards the bot sends them; the clerk
 * approves, and with the last approval the bot posts the summary card with the .xlsx and .docx —
 * which are written to ./demo-output. Every event and button press is a signed, encrypted Lark callback into the
 * real app; only Lark itself is simulated. The conversation is printed as each person sees it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { COLLECTION_ACTIONS as A } from '#cards/collection/actions';
import { findEvaluationsInChat } from '../features/collection';
import { scoreEvaluation } from '../domain/scoring/score-evaluation';
import type { FakeMessage } from '../fake-lark';
import { systemClock, type Clock } from '../platform/clock';
import { buildSelfEvaluationWorkbook } from '../features/reports';
import { silentLogger } from '../platform/log';
import { addDays, shanghaiDate } from '../platform/time';
import { DEMO_ANSWERS, DEMO_BUDGET_ANSWER, DEMO_PEOPLE, SEED_000_SHEET, type DemoPerson } from './demo-seed';
import { createTranscript } from './demo-transcript';
import { createLocalBot } from './local-mode';
import { openSqlite } from './sqlite';

export interface DemoResult {
  total: number;
  grade: string;
  files: string[];
}

const GROUP = 'oc_demo_group';

export async function runDemo(opts: { outDir: string; write: (line: string) => void; clock?: Clock }): Promise<DemoResult> {
  const clock = opts.clock ?? systemClock;
  const { db, close } = await openSqlite(':memory:');
  try {
    const bot = await createLocalBot({ db, log: silentLogger, clock });
    const { fake } = bot;
    const people = new Map(DEMO_PEOPLE.map((p) => [p.key, fake.addUser({ openId: `ou_demo${p.key}`, name: p.name })]));
    const person = (key: DemoPerson['key']) => people.get(key)!;
    const chat = fake.addChat({ chatId: GROUP, name: `${SEED_000_SHEET.project.name}绩效自评`, members: [...people.values()].map((u) => u.openId) });
    const names = new Map([...people.values()].map((u) => [u.openId, u.name]));
    const transcript = createTranscript(fake, names, opts.write);
    const groupView = `群聊「${chat.name}」`;
    const dmView = (key: DemoPerson['key']) => `${person(key).name} 的私聊`;
    const step = async () => {
      await within(30_000, bot.settle(), '等待机器人处理消息超时');
      transcript.flush();
    };
    const press = async (view: string, who: string, label: string, card: FakeMessage, opts2: Parameters<typeof fake.pressButton>[1]) => {
      transcript.action(view, `${who} ${label}`);
      const result = await fake.pressButton(card, opts2);
      if (result.toast) transcript.note(view, `提示（${result.toast.type}）：${result.toast.content}`);
      await step();
      return result;
    };

    opts.write(`演示：${SEED_000_SHEET.project.name}（${SEED_000_SHEET.project.year}年度，seed 000）`);
    opts.write(`人员：${DEMO_PEOPLE.map((p) => `${p.name}（${p.role}）`).join('、')}`);

    // 1. The clerk drops the 自评表 (seed 000's table, 实际完成值 empty) into the group and replies 导入.
    const blank = scoreEvaluation(SEED_000_SHEET);
    const sheet = await buildSelfEvaluationWorkbook({ input: SEED_000_SHEET, result: blank, generatedAt: clock.now() });
    const clerk = person('clerk');
    const file = await fake.sendMessageEvent({ sender: clerk.openId, chatId: GROUP, file: { name: `${SEED_000_SHEET.project.name}-自评表.xlsx`, bytes: sheet } });
    await step();
    await fake.sendMessageEvent({ sender: clerk.openId, chatId: GROUP, mentionBot: true, text: '导入', parentId: file.message.messageId });
    await step();

    // 2. On the preview card the clerk picks an owner for every row and the deadline, then starts.
    const preview = fake.lastCard(GROUP);
    if (!preview) throw new Error('导入后群里没有出现预览卡片');
    const ownerFields = ownerPickers(preview.card);
    const form: Record<string, unknown> = { deadline: `${addDays(shanghaiDate(clock.now()), 14)} +0800` };
    for (const [field, label] of ownerFields) {
      const row = Object.keys(DEMO_ANSWERS).find((n) => label.includes(n));
      if (row) form[field] = person(DEMO_ANSWERS[row]!.owner).openId;
    }
    await press(groupView, clerk.name, `在预览卡片上选择 ${ownerFields.length} 项的责任人和截止日期，点击「开始收集」`, preview, { operator: clerk.openId, action: A.previewStart, formValue: form });

    // 3. Each owner answers the rows the bot asks for, one card at a time.
    for (const key of ['training', 'publicity', 'cases'] as const) {
      const owner = person(key);
      for (let guard = 0; guard < 10; guard++) {
        const card = fake.lastCard(owner.openId);
        if (!card || !JSON.stringify(card.card).includes(A.entrySubmit)) break;
        // the entry card's title names the row it asks for: 填报：<三级指标>
        const asked = titleOf(card).replace(/^填报：/, '');
        const row = Object.keys(DEMO_ANSWERS).find((n) => n === asked);
        if (!row) break;
        const answer = DEMO_ANSWERS[row]!.form;
        await press(dmView(key), owner.name, `填写「${row}」：${answer.band ? `${answer.band}，` : ''}${answer.actual}，点击提交`, card, { operator: owner.openId, action: A.entrySubmit, formValue: answer });
      }
    }
    // The clerk owns the budget line: 全年执行数 and, at 81.34 %, the reason.
    const budgetCard = fake.messagesTo(clerk.openId).filter((m) => m.msgType === 'interactive' && JSON.stringify(m.card).includes('全年执行数') && JSON.stringify(m.card).includes(A.entrySubmit)).at(-1);
    if (!budgetCard) throw new Error('经办人没有收到全年执行数的填报卡片');
    await press(dmView('clerk'), clerk.name, `填写全年执行数 ${DEMO_BUDGET_ANSWER.actual} 万元和偏差原因，点击「提交」`, budgetCard, { operator: clerk.openId, action: A.entrySubmit, formValue: DEMO_BUDGET_ANSWER });

    // 4. The clerk approves every owner's rows on the review cards in her DM.
    const reviewed = new Set<string>();
    for (let guard = 0; guard < 20; guard++) {
      const review = fake
        .messagesTo(clerk.openId)
        .find((m) => m.msgType === 'interactive' && titleOf(m).startsWith('审核') && !reviewed.has(m.messageId));
      if (!review) break;
      reviewed.add(review.messageId);
      const text = JSON.stringify(review.card);
      // a batch of several rows has 全部通过; a single row its own 通过
      const action = text.includes(A.reviewApproveAll) ? A.reviewApproveAll : A.reviewDecide;
      if (!text.includes(action)) continue;
      await press(dmView('clerk'), clerk.name, `在「${titleOf(review)}」上点击「${action === A.reviewApproveAll ? '全部通过' : '通过'}」`, review, { operator: clerk.openId, action, ...(action === A.reviewDecide ? { text: '通过' } : {}) });
    }

    // 5. The last approval completes the collection: the bot posts the summary card, then the two
    //    files, on its own. (An admin can ask again any time with `@绩效自评助手 汇总`.)
    await step();

    const [evaluation] = await findEvaluationsInChat(db, { tenantKey: fake.tenantKey, chatId: GROUP });
    const sentFiles = fake.messagesTo(GROUP).filter((m) => m.msgType === 'file');
    if (!evaluation || sentFiles.length < 2) throw new Error('汇总没有发出自评表和自评报告');
    const outDir = resolve(opts.outDir);
    mkdirSync(outDir, { recursive: true });
    const written: string[] = [];
    for (const m of sentFiles.slice(-2)) {
      const f = fake.file((JSON.parse(m.content) as { file_key: string }).file_key)!;
      const path = join(outDir, f.fileName);
      writeFileSync(path, f.bytes);
      written.push(path);
    }
    const summary = fake.messagesTo(GROUP).filter((m) => m.msgType === 'interactive').at(-1)!;
    const subtitle = String(((summary.card!.header as { subtitle?: { content?: string } }).subtitle?.content) ?? '');
    const match = /(\d+(?:\.\d+)?) 分 · (\S)/.exec(subtitle);
    if (!match) throw new Error(`汇总卡片上没有总分：${subtitle}`);
    opts.write('');
    for (const path of written) opts.write(`已写入 ${path}`);
    opts.write(`${match[1]} 分 · ${match[2]}`);
    return { total: Number(match[1]), grade: match[2]!, files: written };
  } finally {
    await close();
  }
}

/** A step that has not finished in `ms` fails with a message instead of hanging the demo. */
async function within<T>(ms: number, work: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}（${ms / 1000} 秒）`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function titleOf(m: FakeMessage): string {
  return String(((m.card!.header as { title?: { content?: string } }).title?.content) ?? '');
}

/** The preview card's owner pickers in order, with the row text shown just before each. */
function ownerPickers(card: Record<string, unknown>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  let lastText = '';
  const walk = (n: unknown) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    const o = n as Record<string, unknown>;
    if (o.tag === 'markdown') lastText = String(o.content ?? '');
    if (o.tag === 'select_person' && typeof o.name === 'string' && o.name.startsWith('owner_')) out.push([o.name, lastText]);
    for (const v of Object.values(o)) if (typeof v === 'object') walk(v);
  };
  walk(card.body);
  return out;
}

// Run when started as a script (`npm run demo`), not when imported by the test.
if (process.argv[1] && /demo\.ts$/.test(process.argv[1])) {
  const outDir = process.argv[2] ?? './demo-output';
  runDemo({ outDir, write: (line) => process.stdout.write(`${line}\n`) }).catch((error: unknown) => {
    process.stderr.write(`演示失败：${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
