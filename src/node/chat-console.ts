/**
 * `npx tsx src/node/chat-console.ts`: drive the whole bot by hand, as the people in a project group
 * would, against the embedded fake Lark — every line you type becomes a signed Lark event or card
 * callback into the real app. README "Running an evaluation in chat" walks through a session.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { FakeMessage } from '../fake-lark';
import { errorMessage, silentLogger } from '../platform/log';
import { cardLines } from './demo-transcript';
import { createLocalBot } from './local-mode';
import { openSqlite } from './sqlite';

const GROUP = 'oc_console_group';
const PEOPLE = [
  { openId: 'ou_clerk', name: '赵敏' },
  { openId: 'ou_zhangwei', name: '张伟' },
  { openId: 'ou_lina', name: '李娜' },
  { openId: 'ou_wangfang', name: '王芳' },
  { openId: 'ou_chenqiang', name: '陈强' },
];

const HELP = `命令 / commands:
  as <姓名>               换成群里的另一个人（${PEOPLE.map((p) => p.name).join('、')}）
  say <文字>              在群里 @机器人 说话（例：say 帮助 / say 进度 / say 总览）
  file <路径>             把表格文件发到群里（不 @机器人，飞书不会推送给机器人）
  import                  回复刚发的文件「@机器人 导入」
  dm <文字>               私聊机器人（例：dm 我的）
  dmfile <路径>           私聊发文件给机器人（会问导入到哪个群）
  show                    看当前这个人能看到的新消息和卡片（卡片上的按钮带编号）
  press <按钮> [字段=值 …]  按下卡片上的按钮：按钮文字（press 提交并继续）、编号（press 3 = 最近一张卡片的第 3 个）
                          或 卡片.编号（press 4.2）；字段是表单里的输入
                          （例：press 提交并继续 actual=8 reason=超额完成；deadline=2026-12-15；owner_<id>=ou_…）
  help / quit`;

type Button = { label: string; action?: string; name?: string; index: number };

function buttonsOf(card: Record<string, unknown>): Button[] {
  const out: Button[] = [];
  const byAction = new Map<string, number>();
  const walk = (n: unknown) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    const o = n as Record<string, unknown>;
    if (o.tag === 'button' && o.disabled !== true) {
      const value = (o.behaviors as Array<{ value?: { action?: string } }> | undefined)?.[0]?.value;
      const action = value?.action;
      const index = byAction.get(action ?? '') ?? 0;
      byAction.set(action ?? '', index + 1);
      out.push({ label: String((o.text as { content?: string } | undefined)?.content ?? ''), action, name: typeof o.name === 'string' ? o.name : undefined, index });
    } else if (o.tag === 'button') {
      const action = (o.behaviors as Array<{ value?: { action?: string } }> | undefined)?.[0]?.value?.action;
      byAction.set(action ?? '', (byAction.get(action ?? '') ?? 0) + 1);
    }
    Object.values(o).forEach(walk);
  };
  walk(card.body);
  return out;
}

function fieldsOf(args: string[]): Record<string, unknown> {
  const form: Record<string, unknown> = {};
  for (const a of args) {
    const eq = a.indexOf('=');
    if (eq <= 0) continue;
    const [k, v] = [a.slice(0, eq), a.slice(eq + 1)];
    // the deadline picker and multi-selects answer in Lark's own shapes
    form[k] = k === 'deadline' ? `${v} +0800` : k === 'admins' ? v.split(',') : v;
  }
  return form;
}

async function main() {
  const { db, close } = await openSqlite(':memory:');
  const bot = await createLocalBot({ db, log: silentLogger });
  const { fake } = bot;
  for (const p of PEOPLE) fake.addUser(p);
  fake.addChat({ chatId: GROUP, name: '项目绩效自评群', members: PEOPLE.map((p) => p.openId) });
  let me = PEOPLE[0]!;
  let lastFile: string | null = null;
  const current: { card: FakeMessage | null; cards: FakeMessage[] } = { card: null, cards: [] };
  const seen = new Map<string, string>();

  const show = () => {
    const views = [
      { title: '群聊「项目绩效自评群」', messages: fake.messagesIn(GROUP) },
      { title: `${me.name} 的私聊`, messages: fake.messagesIn(me.openId) },
    ];
    for (const view of views) {
      const fresh = view.messages.filter((m) => m.sender === 'bot' && seen.get(`${me.openId}:${m.messageId}`) !== m.content);
      if (fresh.length === 0) continue;
      console.log(`\n== ${view.title} ==`);
      for (const m of fresh) {
        seen.set(`${me.openId}:${m.messageId}`, m.content);
        if (m.msgType === 'interactive' && m.card) {
          current.cards.push(m);
          const k = current.cards.length;
          console.log(`卡片 #${k}`);
          console.log(cardLines(m.card).join('\n'));
          buttonsOf(m.card).forEach((b, i) => console.log(`   (${k}.${i + 1}) [${b.label}]`));
          current.card = m;
        } else if (m.msgType === 'file') console.log(`📎 ${fake.file(JSON.parse(m.content).file_key)?.fileName ?? '文件'}`);
        else console.log(`🤖 ${JSON.parse(m.content).text ?? m.content}`);
      }
    }
  };

  console.log(HELP);
  console.log(`\n你现在是 ${me.name}（导入人）。试试：file test/fixtures/seeds/003-t1.xlsx，然后 import，再 show。`);
  const rl = createInterface({ input: process.stdin, terminal: false });
  const prompt = () => process.stdout.write(`\n${me.name}> `);
  prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (!process.stdin.isTTY) console.log(line);
    const [cmd, ...rest] = line.split(/\s+/);
    const text = line.slice((cmd ?? '').length).trim();
    try {
      switch (cmd) {
        case 'as': {
          const who = PEOPLE.find((p) => p.name === text);
          if (!who) console.log(`没有这个人：${text}`);
          else me = who;
          break;
        }
        case 'say':
          await fake.sendMessageEvent({ sender: me.openId, chatId: GROUP, mentionBot: true, text });
          break;
        case 'dm':
          await fake.sendMessageEvent({ sender: me.openId, text });
          break;
        case 'file':
        case 'dmfile': {
          const path = resolve(text);
          const sent = await fake.sendMessageEvent({ sender: me.openId, chatId: cmd === 'file' ? GROUP : undefined, file: { name: basename(path), bytes: new Uint8Array(readFileSync(path)) } });
          if (cmd === 'file') lastFile = sent.message.messageId;
          break;
        }
        case 'import':
          if (!lastFile) console.log('先用 file <路径> 发一个文件。');
          else await fake.sendMessageEvent({ sender: me.openId, chatId: GROUP, mentionBot: true, text: '导入', parentId: lastFile });
          break;
        case 'press': {
          // "press 3" = button 3 of the last card shown; "press 2.3" = button 3 of card #2;
          // "press 提交并继续" = the first button of the last card whose label starts with that text
          const arg = rest[0] ?? '';
          const byLabel = !/^\d+(\.\d+)?$/.test(arg);
          const [cardNo, buttonNo] = arg.includes('.') && !byLabel ? arg.split('.').map(Number) : [current.cards.length, Number(arg)];
          const card = current.cards[(cardNo ?? 0) - 1] ?? current.card;
          if (!card) {
            console.log('先 show，看到卡片后再按。');
            break;
          }
          const buttons = buttonsOf(fake.message(card.messageId)!.card!);
          const b = byLabel ? buttons.find((x) => x.label.startsWith(arg)) : buttons[(buttonNo ?? 0) - 1];
          if (!b) {
            console.log('没有这个编号的按钮。');
            break;
          }
          const form = fieldsOf(rest.slice(1));
          const result = await fake.pressButton(card.messageId, {
            operator: me.openId,
            ...(b.name ? { name: b.name } : { action: b.action, index: b.index }),
            ...(Object.keys(form).length > 0 ? { formValue: form } : {}),
          });
          if (result.toast) console.log(`💬 ${result.toast.content}`);
          seen.delete(`${me.openId}:${card.messageId}`);
          break;
        }
        case 'show':
          break;
        case 'help':
          console.log(HELP);
          break;
        case 'quit':
        case 'exit':
          rl.close();
          break;
        default:
          if (line) console.log('没有这个命令，输入 help 查看。');
      }
      await bot.settle();
      show();
    } catch (error) {
      console.log(`⚠ ${errorMessage(error)}`);
    }
    prompt();
  }
  await bot.settle();
  await close();
}

await main();
