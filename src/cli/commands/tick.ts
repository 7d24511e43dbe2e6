import { hostname } from 'node:os';
import { type Config, parseConfig } from '../../config';
import { createWorkCalendar, loadCollectingSnapshots, planDueSteps, runDueJobs, type WorkCalendar } from '../../features/reminders';
import { openSqlite } from '../../node/sqlite';
import { createLarkClient } from '../../transport/client';
import { consoleLogger } from '../../platform/log';
import { fail, parseCommandArgs } from './cli-db';

const USAGE = `用法：jixiao tick [--now 2026-10-08T09:30:00+08:00] [--dry-run] [--db 路径]
  运行一次提醒调度（与服务器每分钟、Worker 定时触发所做的相同）。
  --now       以该时刻为“现在”（测试、补发）；默认当前时间
  --dry-run   只列出此刻到期的提醒，不写库、不发送
  --db        SQLite 文件；默认 JIXIAO_DB 或 ./data/jixiao.sqlite`;

/** `jixiao tick`: one scheduler run from a shell, for operations and tests. */
export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommandArgs(argv, { now: { type: 'string' }, 'dry-run': { type: 'boolean' }, db: { type: 'string' } }, USAGE);
  if ('exit' in parsed) return parsed.exit;
  if (parsed.positionals.length > 0) return fail(`不认识的参数：${parsed.positionals.join(' ')}`, USAGE);
  const args = parsed.values;
  const now = args.now ? new Date(args.now) : new Date();
  if (Number.isNaN(now.getTime())) {
    process.stderr.write(`--now “${args.now}” 不是有效时间，请写成 2026-10-08T09:30:00+08:00\n`);
    return 2;
  }
  let config: Config;
  let calendar: WorkCalendar;
  try {
    config = parseConfig(process.env);
    calendar = createWorkCalendar(config.calendar);
  } catch (error) {
    process.stderr.write(`配置有误：${(error as Error).message}\n`);
    return 2;
  }
  const { db, close } = await openSqlite(args.db ?? config.dbPath);
  try {
    if (args['dry-run']) {
      const due = await planDueSteps(await loadCollectingSnapshots(db), now, calendar);
      for (const { step, evaluation } of due) {
        process.stdout.write(`${step.dueAt.toISOString()}  ${step.step.padEnd(12)} ${step.person}  ${evaluation.title}\n`);
      }
      process.stdout.write(`${due.length} 条提醒到期（未发送）\n`);
      return 0;
    }
    if (config.mode !== 'lark' || !config.lark.appId || !config.lark.appSecret) {
      process.stderr.write('没有配置飞书应用（LARK_APP_ID / LARK_APP_SECRET），无法发送；可用 --dry-run 查看到期的提醒。\n');
      return 2;
    }
    const lark = createLarkClient({ baseUrl: config.lark.baseUrl, appId: config.lark.appId, appSecret: config.lark.appSecret });
    const report = await runDueJobs(now, { db, lark, calendar, holder: `cli:${hostname()}:${process.pid}`, log: consoleLogger });
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return report.ran && report.failed === 0 ? 0 : 1;
  } finally {
    await close();
  }
}
