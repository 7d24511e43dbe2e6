import { COLLECTION_ACTION_NAMES, registerCollectionHandlers, type CollectionHandlerDeps } from '../../../src/features/collection/feature';
import { REMINDER_ACTION_NAMES, registerReminderHandlers } from '../../../src/features/reminders/feature';
import { importTableReaders } from '../../../src/features/collection/handlers/table-readers';
import { createWorkCalendar } from '../../../src/features/reminders/scheduler/calendar/work-calendar';
import { runDueJobs } from '../../../src/features/reminders/scheduler/run-due-jobs';
import { createTestBot, manualClock, type TestBot } from '../../helpers/app';
import { GROUP, PEOPLE } from '../harness';

export { GROUP, PEOPLE, callbackValues, cardText } from '../harness';

/**
 * The whole bot with the collection and reminder features wired as the server wires them, against the
 * in-process fake Lark; the clock starts Monday 23 Nov 2026 09:30 Shanghai.
 */
export async function createReminderHarness() {
  const clock = manualClock('2026-11-23T01:30:00Z');
  const bot = await createTestBot<string>({ actions: [...COLLECTION_ACTION_NAMES, ...REMINDER_ACTION_NAMES], clock });
  for (const p of Object.values(PEOPLE)) bot.fake.addUser(p);
  bot.fake.addChat({ chatId: GROUP, name: '金融监管专项经费绩效自评', members: Object.values(PEOPLE).map((p) => p.openId) });
  const followUps = new Set<Promise<void>>();
  const calendar = createWorkCalendar();
  const deps: CollectionHandlerDeps = {
    db: bot.db,
    clock,
    lark: bot.lark,
    tables: importTableReaders,
    log: bot.log,
    botOpenId: bot.fake.botOpenId,
    later: (work) => {
      const p = work();
      followUps.add(p);
      void p.finally(() => followUps.delete(p));
    },
  };
  registerCollectionHandlers(bot.dispatcher, deps);
  registerReminderHandlers(bot.dispatcher, { ...deps, calendar });
  const settle = async () => {
    for (let i = 0; i < 20; i += 1) {
      await bot.idle();
      if (followUps.size === 0) return;
      await Promise.all([...followUps]);
    }
  };
  return {
    bot,
    fake: bot.fake,
    deps,
    clock,
    settle,
    tick: () => runDueJobs(clock.now(), { db: bot.db, lark: bot.lark, calendar, holder: 'test', clock: () => clock.now(), inRunRetries: 0 }),
    /** A DM (or, with chatId, an @bot group message) from `sender`; waits for every reply. */
    async say(sender: string, text: string, opts: { chatId?: string; mentions?: string[] } = {}) {
      await bot.fake.sendMessageEvent({ sender, text, ...(opts.chatId ? { chatId: opts.chatId, mentionBot: true } : {}), ...(opts.mentions ? { mentions: opts.mentions } : {}) });
      await settle();
    },
    /** The text of the last bot message to a person or chat. */
    lastText(to: string): string {
      const sent = bot.fake.messagesTo(to);
      return sent[sent.length - 1]?.text ?? '';
    },
    async close() {
      await settle();
      await bot.close();
    },
  };
}

export type ReminderHarness = Awaited<ReturnType<typeof createReminderHarness>>;
export type { TestBot };
