import { seedFile } from '../fixtures';
import type { CardJson } from '../../src/transport/contract';
import { COLLECTION_ACTIONS } from '#cards/collection/actions';
import { createWorkCalendar, runDueJobs } from '../../src/features/reminders';
import type { Clock } from '../../src/platform/clock';
import { createTestBot } from './app';

export const PEOPLE = {
  clerk: { openId: 'ou_clerk', name: '赵敏' },
  zhang: { openId: 'ou_zhangwei', name: '张伟' },
  li: { openId: 'ou_lina', name: '李娜' },
  wang: { openId: 'ou_wangfang', name: '王芳' },
  outsider: { openId: 'ou_chenqiang', name: '陈强' },
} as const;

export const GROUP = 'oc_project_group';

export interface HarnessOptions<C extends Clock> {
  /** Default: real time shifted to start Monday 23 Nov 2026 09:30 Shanghai (see `runningClockFrom`). */
  clock?: C;
  /** The app holds the "read all group messages" scope (files sent to the group reach the bot). */
  receiveAllGroupMessages?: boolean;
}

/**
 * The whole bot as `createBot` wires it for production — every feature, verified webhooks, the
 * dispatcher, SQLite from the migrations — against the in-process fake Lark, with a clerk, three owners
 * from the 003 T1 sheet and an outsider in one group.
 */
export async function createHarness<C extends Clock = Clock>(opts: HarnessOptions<C> = {}) {
  const clock = (opts.clock ?? runningClockFrom('2026-11-23T01:30:00Z')) as C;
  const bot = await createTestBot<string>({ features: true, clock, fake: { receiveAllGroupMessages: opts.receiveAllGroupMessages ?? false } });
  for (const p of Object.values(PEOPLE)) bot.fake.addUser(p);
  bot.fake.addChat({ chatId: GROUP, name: '金融监管专项经费绩效自评', members: Object.values(PEOPLE).map((p) => p.openId) });
  const calendar = createWorkCalendar();
  const settle = () => bot.idle();
  return {
    bot,
    fake: bot.fake,
    deps: bot.deps,
    clock,
    /** Waits for every event handler and follow-up send started so far. */
    settle,
    card: (messageId: string) => bot.fake.message(messageId)!.card as CardJson,
    /** One scheduler run at the clock's `now`, as the server's every-minute tick runs it. */
    tick: () => runDueJobs(clock.now(), { db: bot.db, lark: bot.lark, calendar, holder: 'test', clock: () => clock.now(), inRunRetries: 0 }),
    /** A DM (or, with chatId, an @bot group message) from `sender`; waits for every reply. */
    async say(sender: string, text: string, o: { chatId?: string; mentions?: string[] } = {}) {
      await bot.fake.sendMessageEvent({ sender, text, ...(o.chatId ? { chatId: o.chatId, mentionBot: true } : {}), ...(o.mentions ? { mentions: o.mentions } : {}) });
      await settle();
    },
    /** The text of the last bot message to a person or chat. */
    lastText(to: string): string {
      const sent = bot.fake.messagesTo(to);
      return sent[sent.length - 1]?.text ?? '';
    },
    close: async () => {
      await settle();
      await bot.close();
    },
  };
}

export type Harness<C extends Clock = Clock> = Awaited<ReturnType<typeof createHarness<C>>>;

export function fixture(name: string): Uint8Array {
  return seedFile(name);
}

/** Every callback value on a card, for finding buttons by action. */
export function callbackValues(card: unknown): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (o.type === 'callback' && o.value && typeof o.value === 'object') out.push(o.value as Record<string, unknown>);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

export function cardText(card: unknown): string {
  return JSON.stringify(card);
}

/**
 * Real time, shifted to start at a fixed instant: the client's rate limiter needs time to pass, and
 * the deadlines in the tests must stay in the future whenever the suite runs.
 */
export function runningClockFrom(start: string): Clock {
  const offset = new Date(start).getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

/** A table as pasted from Excel: the header fields, the column row, then one tab-separated line per indicator. */
export function pastedTable(project: string, budget: number, rows: readonly string[]): string {
  return [`项目名称\t${project}`, `全年预算数\t${budget}`, '一级指标\t二级指标\t三级指标\t年度指标值\t分值\t责任人', ...rows].join('\n');
}

/** The clerk pastes the table into the group and presses 开始收集: every owner then holds their first card. */
export async function importAndStart(h: Harness, pasted: string): Promise<void> {
  const { fake } = h.bot;
  await fake.sendMessageEvent({ sender: PEOPLE.clerk.openId, chatId: GROUP, mentionBot: true, text: pasted });
  await h.settle();
  await fake.pressButton(fake.lastCard(GROUP)!, { operator: PEOPLE.clerk.openId, action: COLLECTION_ACTIONS.previewStart, formValue: { deadline: '2026-12-15 +0800' } });
  await h.settle();
}
