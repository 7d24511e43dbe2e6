import { tr } from '#cards/shared/i18n';
import { myPendingCard } from '#cards/collection/my-pending';
import { pendingItemsForOwner } from '../../service';
import { entryCard } from '../views/entry';
import type { Command } from '../../../shared/router';

/** 我的 (DM): my open rows in every running evaluation, then the card of the first one of each. */
const MAX_CARDS = 3;

export const mineCommand: Command = {
  words: ['我的', 'mine', 'todo'],
  where: 'p2p',
  help: { usage: '我的', description: tr('列出我待填报的指标，并发出填报卡片', 'list my open items and send their cards') },
  async run(ctx) {
    const { deps, event } = ctx;
    const work = (await pendingItemsForOwner(deps.db, { tenantKey: event.tenantKey, openId: event.sender.openId }))
      .filter((w) => w.items.length > 0 && (w.evaluation.status === 'collecting' || w.evaluation.status === 'reviewing'))
      .sort((a, b) => (a.evaluation.deadline ?? '9999').localeCompare(b.evaluation.deadline ?? '9999'));
    await ctx.reply(
      {
        msgType: 'interactive',
        content: myPendingCard({
          evaluations: work.map((w) => ({
            evaluationId: w.evaluation.id,
            projectName: w.evaluation.project.name,
            deadline: w.evaluation.deadline,
            rev: w.evaluation.version,
            items: w.items.map((i) => ({ indicatorId: i.id, name: i.kind === 'budget' ? '预算执行率（全年执行数）' : i.name, status: i.value.status })),
          })),
        }),
      },
      'mine',
    );
    for (const w of work.slice(0, MAX_CARDS)) {
      await ctx.reply({ msgType: 'interactive', content: entryCard(w.evaluation, w.items[0]!) }, `mine-${w.evaluation.id}`);
    }
  },
};
