import { tr } from '#cards/shared/i18n';
import { findEvaluationsInChat } from '../../collection';
import { type LadderSettings, resolveLadderSettings } from '../scheduler/ladder/settings';
import { type LadderPatch, updateLadderSettings } from '../services/ladder-settings';
import { getReminderSettingsJson } from '../../../storage/repositories/reminders/settings';
import type { Command } from '../../shared/router';

const HOW = [
  '用法：@我 提醒设置 [项目…]，例如「@我 提醒设置 群@关」「@我 提醒设置 私信2天 时间10:00」。',
  '· 私信N天 / 私信关：截止前 N 个工作日私信未完成的人',
  '· 群提醒N天 / 群提醒关：截止前 N 个工作日在群里发一条提醒',
  '· 群@开 / 群@关：群提醒是否 @ 未完成的人',
  '· 加急HH:MM / 加急关：截止当天几点加急',
  '· 逾期开 / 逾期关：截止后每天私信管理员未完成名单',
  '· 时间HH:MM：私信和群提醒的时间',
].join('\n');

/**
 * 提醒设置: shows or adjusts this group's evaluation ladder (admins only), e.g. the group-@ switch.
 * Changes take effect from the next scheduler tick and are recorded in the history.
 */
export const reminderSettingsCommand: Command = {
  words: ['提醒设置'],
  gluedArgs: true,
  where: 'group',
  help: { usage: '@我 提醒设置 群@关', description: tr('查看或调整本群评价的提醒（私信、群提醒、群@、加急、逾期）', 'show or adjust this evaluation’s reminders'), adminOnly: true },
  async run(ctx) {
    const { deps, event } = ctx;
    const [evaluation] = await findEvaluationsInChat(deps.db, { tenantKey: event.tenantKey, chatId: event.chatId, statuses: ['draft', 'collecting', 'reviewing'] });
    if (!evaluation) {
      await ctx.say('本群没有进行中的评价。导入自评表后即可调整提醒。', 'reminder-settings-none');
      return;
    }
    if (!ctx.args) {
      const current = resolveLadderSettings(await getReminderSettingsJson(deps.db, evaluation.id));
      await ctx.say(`${evaluation.project.name} 的提醒：\n${describeLadder(current)}\n\n${HOW}`, `reminder-settings-show-${evaluation.version}`);
      return;
    }
    const patch = parseLadderPatch(ctx.args);
    if (!patch.ok) {
      await ctx.say(`看不懂“${patch.token}”。\n${HOW}`, 'reminder-settings-bad');
      return;
    }
    const result = await updateLadderSettings(deps, { evaluationId: evaluation.id, actor: event.sender.openId, patch: patch.patch });
    await ctx.say(result.ok ? `已更新 ${evaluation.project.name} 的提醒：\n${describeLadder(result.settings)}` : result.message, `reminder-settings-${event.messageId}`);
  },
};

export function parseLadderPatch(args: string): { ok: true; patch: LadderPatch } | { ok: false; token: string } {
  const patch: LadderPatch = {};
  const set = <K extends keyof LadderSettings>(rung: K, fields: Partial<LadderSettings[K]>) => {
    patch[rung] = { ...(patch[rung] ?? {}), ...fields } as LadderPatch[K];
  };
  for (const raw of args.normalize('NFKC').split(/[\s,，;；]+/).filter(Boolean)) {
    const token = raw.replace(/[:：](?=\d{2}$)/, ':');
    let m: RegExpExecArray | null;
    if ((m = /^私信(\d{1,2})(?:个工作日|天)?$/.exec(token))) set('ownerDm', { enabled: true, workingDaysBefore: Number(m[1]) });
    else if (/^私信(关|关闭|off)$/i.test(token)) set('ownerDm', { enabled: false });
    else if ((m = /^群提醒(\d{1,2})(?:个工作日|天)?$/.exec(token))) set('groupNotice', { enabled: true, workingDaysBefore: Number(m[1]) });
    else if (/^群提醒(关|关闭|off)$/i.test(token)) set('groupNotice', { enabled: false });
    else if (/^群提醒(开|开启|on)$/i.test(token)) set('groupNotice', { enabled: true });
    else if (/^群@(关|关闭|off)$/i.test(token)) set('groupNotice', { mention: false });
    else if (/^群@(开|开启|on)$/i.test(token)) set('groupNotice', { mention: true });
    else if ((m = /^加急(\d{1,2}:\d{2})$/.exec(token))) set('urgent', { enabled: true, at: m[1]!.padStart(5, '0') });
    else if (/^加急(关|关闭|off)$/i.test(token)) set('urgent', { enabled: false });
    else if (/^逾期(关|关闭|off)$/i.test(token)) set('adminDaily', { enabled: false });
    else if (/^逾期(开|开启|on)$/i.test(token)) set('adminDaily', { enabled: true });
    else if ((m = /^时间(\d{1,2}:\d{2})$/.exec(token))) {
      const at = m[1]!.padStart(5, '0');
      set('ownerDm', { at });
      set('groupNotice', { at });
    } else return { ok: false, token: raw };
  }
  return { ok: true, patch };
}

export function describeLadder(s: LadderSettings): string {
  return [
    `· 私信：${s.ownerDm.enabled ? `截止前 ${s.ownerDm.workingDaysBefore} 个工作日 ${s.ownerDm.at}` : '关'}`,
    `· 群提醒：${s.groupNotice.enabled ? `截止前 ${s.groupNotice.workingDaysBefore} 个工作日 ${s.groupNotice.at}，${s.groupNotice.mention ? '@ 未完成的人' : '不 @ 人'}` : '关'}`,
    `· 加急：${s.urgent.enabled ? `截止当天 ${s.urgent.at}` : '关'}`,
    `· 逾期名单：${s.adminDaily.enabled ? `截止后每个工作日 ${s.adminDaily.at} 私信管理员` : '关'}`,
    `· 免打扰：${s.window.end}–次日 ${s.window.start} 及节假日`,
  ].join('\n');
}
