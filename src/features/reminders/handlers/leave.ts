import { tr } from '#cards/shared/i18n';
import { shanghaiDate } from '../../../platform/time';
import { formatDay, parseLooseDate } from '../../../platform/time';
import { setLeave } from '../services/leave';
import type { Command } from '../../shared/router';

const HOW = '请写成「请假至 10月8日」或「请假至 2026-10-08」（含当天，之后恢复提醒）。';

/** 请假至 <date>: the sender's reminders pause through that day in every evaluation they still owe rows to. */
export const leaveCommand: Command = {
  words: ['请假至', '请假到'],
  gluedArgs: true,
  where: 'both',
  help: { usage: '请假至 10月8日', description: tr('暂停对我的提醒，直到该日（含）', 'pause my reminders through that day') },
  async run(ctx) {
    const today = shanghaiDate(ctx.deps.clock.now());
    const until = parseLooseDate(ctx.args.split(/\s+/)[0] ?? '', today);
    if (!until) {
      await ctx.say(ctx.args ? `没看懂日期“${ctx.args}”。${HOW}` : HOW, 'leave-help');
      return;
    }
    const result = await setLeave(ctx.deps, { tenantKey: ctx.event.tenantKey, openId: ctx.event.sender.openId, until, reason: ctx.args.split(/\s+/).slice(1).join(' ') || null });
    if (!result.ok) {
      await ctx.say(result.message, 'leave-refused');
      return;
    }
    const lines = result.evaluations.map((e) => {
      const late = e.deadline && e.deadline <= until ? `（截止日期 ${formatDay(e.deadline)} 在您休假期间，管理员会在逾期名单中看到您的请假）` : '';
      return `· ${e.title}：${e.open} 项待填报${late}`;
    });
    await ctx.say([`已记录：您请假至 ${formatDay(until)}，期间不再提醒您，之后自动恢复。`, ...lines, '提前回来？回复「取消请假」。'].join('\n'), `leave-${until}`);
  },
};

/** 取消请假 / 销假: reminders resume at once. */
export const cancelLeaveCommand: Command = {
  words: ['取消请假', '销假'],
  where: 'both',
  help: { usage: '取消请假', description: tr('恢复对我的提醒', 'resume my reminders') },
  async run(ctx) {
    const result = await setLeave(ctx.deps, { tenantKey: ctx.event.tenantKey, openId: ctx.event.sender.openId, until: shanghaiDate(ctx.deps.clock.now()), cancel: true });
    await ctx.say(result.ok ? '已取消请假，提醒恢复。' : result.message, 'leave-cancel');
  },
};
