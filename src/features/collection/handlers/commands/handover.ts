import { handoverConfirmCard } from '#cards/collection/handover-confirm';
import { tr } from '#cards/shared/i18n';
import { resolveOwners } from '../../service/resolve-owners';
import { requestHandover } from '../../service/handover';
import { listChatsOfEvaluations } from '../../../../storage/repositories/collection/evaluations';
import { listOpenItemIdsForOwner } from '../../../../storage/repositories/collection/items';
import type { ChatMember } from '../../../../transport/contract';
import type { Command, CommandContext } from '../../../shared/router';
import { sendCard } from '../../../shared/send';
import { sendKey } from '../../../../platform/send-key';

const HOW = '请写成「转交 张伟」（同事在评价群里的名字），或在群里「@我 转交 @张伟」。';

/**
 * 转交 <person>: the sender's open rows go to a colleague once an admin agrees. The colleague is an
 * @mention (group) or a name, email or mobile matched among the members of the evaluation's group —
 * never guessed when it matches nobody or several people.
 */
export const handoverCommand: Command = {
  words: ['转交'],
  gluedArgs: true,
  where: 'both',
  help: { usage: '转交 张伟', description: tr('把我待填报的指标转交给同事（管理员确认后生效）', 'hand my open items to a colleague (after an admin agrees)') },
  async run(ctx) {
    const { deps, event } = ctx;
    const target = await findTarget(ctx);
    if (!target.ok) {
      await ctx.say(target.message, 'handover-refused');
      return;
    }
    const result = await requestHandover(deps, { tenantKey: event.tenantKey, fromOpenId: event.sender.openId, toOpenId: target.openId, toName: target.name });
    if (!result.ok) {
      await ctx.say(result.message, 'handover-refused');
      return;
    }
    const fromName = target.senderName ?? '一位同事';
    for (const r of result.requests) {
      const card = handoverConfirmCard({ requestId: r.requestId, project: r.title, fromName, toName: target.name, items: r.itemNames });
      for (const admin of r.admins) {
        await sendCard(deps, { type: 'open_id', id: admin, tenantKey: event.tenantKey }, card, sendKey('handover', r.requestId, admin));
      }
    }
    const total = result.requests.reduce((s, r) => s + r.itemIds.length, 0);
    await ctx.say(`已提交转交申请：${total} 项指标 → ${target.name}。管理员确认后，${target.name} 会收到填报卡片；在此之前仍由您负责。`, `handover-${result.requests.map((r) => r.requestId).join(',')}`);
  },
};

type Target = { ok: true; openId: string; name: string; senderName: string | null } | { ok: false; message: string };

async function findTarget(ctx: CommandContext): Promise<Target> {
  const { deps, event } = ctx;
  const members = await groupMembers(ctx);
  const senderName = members.find((m) => m.openId === event.sender.openId)?.name ?? null;
  const mentioned = event.mentions.filter((m) => m.openId && m.openId !== deps.botOpenId && m.openId !== event.sender.openId);
  if (mentioned.length > 1) return { ok: false, message: '一次只能转交给一位同事。' };
  if (mentioned.length === 1) return { ok: true, openId: mentioned[0]!.openId!, name: mentioned[0]!.name, senderName };
  const who = ctx.args.replace(/^@/, '').trim();
  if (!who) return { ok: false, message: HOW };
  const resolved = (await resolveOwners([who], { members })).get(who);
  if (resolved?.status === 'resolved') return { ok: true, openId: resolved.openId, name: resolved.name ?? who, senderName };
  if (resolved?.status === 'ambiguous') {
    return { ok: false, message: `评价群里有 ${resolved.candidates.length} 位“${who}”，请在群里「@我 转交 @同事」直接选人。` };
  }
  return { ok: false, message: `在评价群里没有找到“${who}”。${HOW}` };
}

/** Members of the groups of the evaluations the sender still owes rows to (where a colleague is looked up). */
async function groupMembers(ctx: CommandContext): Promise<ChatMember[]> {
  const { deps, event } = ctx;
  const open = await listOpenItemIdsForOwner(deps.db, event.tenantKey, event.sender.openId);
  const ids = [...new Set(open.map((o) => o.evaluation_id))];
  if (ids.length === 0) return [];
  const seen = new Map<string, ChatMember>();
  for (const chatId of await listChatsOfEvaluations(deps.db, ids)) for (const m of await deps.lark.listChatMembers(chatId)) seen.set(m.openId, m);
  return [...seen.values()];
}
