import { describe, expect, it } from 'vitest';
import { adminOverdueCard, adminOverdueResolvedCard } from '#cards/reminders/admin-overdue';
import { handoverConfirmCard } from '#cards/collection/handover-confirm';
import { tr } from '#cards/shared/i18n';
import { checkCardLimits } from '#cards/shared/limits';
import { reminderDmCard } from '#cards/reminders/reminder-dm';
import { reminderGroupCard } from '#cards/reminders/reminder-group';
import { validateCard } from '../../../src/fake-lark';

/** The reminder cards at their largest realistic size stay inside Lark's card limits. */
const names = (n: number) => Array.from({ length: n }, (_, i) => `第${i + 1}项 ${'很长的指标名称'.repeat(6)}`);
const owners = (n: number) => Array.from({ length: n }, (_, i) => ({ openId: `ou_${String(i).padStart(30, '0')}`, name: `同事${i}`, pending: (i % 7) + 1 }));

const cards = {
  'owner DM, 60 open items': reminderDmCard({ project: '项目'.repeat(40), deadline: '2026-10-09', pendingItems: names(60), pendingCount: 60, stage: 'due' }),
  'deadline-day DM': reminderDmCard({ project: '示例项目', deadline: '2026-10-09', pendingItems: names(3), pendingCount: 3, stage: 'last_day' }),
  'group notice, 2000 pending owners': reminderGroupCard({ project: '示例项目', deadline: '2026-10-09', mention: true, owners: owners(2000) }),
  'group notice without @': reminderGroupCard({ project: '示例项目', deadline: '2026-10-09', mention: false, owners: owners(5) }),
  'admin overdue, 500 owners': adminOverdueCard({ evaluationId: 'ev_x', project: '示例项目', deadline: '2026-10-09', suggestedDeadline: '2026-10-14', owners: owners(500).map((o) => ({ ...o, leaveUntil: '2026-10-12' })) }),
  'admin overdue, resolved': adminOverdueResolvedCard({ project: '示例项目', outcome: tr('已延期', 'Extended') }),
  'hand-over confirm, 40 items': handoverConfirmCard({ requestId: 'ho_1', project: '示例项目', fromName: '张伟', toName: '王芳', items: names(40) }),
  'hand-over decided': handoverConfirmCard({ requestId: 'ho_1', project: '示例项目', fromName: '张伟', toName: '王芳', items: names(2), decided: { approved: true, byName: '刘洋' } }),
};

describe('reminder cards', () => {
  it.each(Object.entries(cards))('%s is a valid card JSON 2.0 within Lark limits', (_, card) => {
    expect(checkCardLimits(card)).toEqual([]);
    expect(validateCard(card)).toEqual([]);
  });

  it('mentions only with Lark-issued ids and escapes names, so a name cannot mention anyone', () => {
    const card = reminderGroupCard({
      project: 'p',
      deadline: '2026-10-09',
      mention: true,
      owners: [
        { openId: 'ou_ok', name: '张伟', pending: 2 },
        { openId: 'x> <at id=all', name: '<at id=all></at>', pending: 1 },
      ],
    });
    const text = JSON.stringify(card);
    expect(text).toContain('<at id=ou_ok></at>：2 项');
    expect(text).not.toContain('<at id=all>');
  });

  it('has English next to Chinese for every title', () => {
    for (const card of Object.values(cards)) {
      const header = (card as unknown as { header: { title: { i18n_content?: { en_us?: string } } } }).header;
      expect(header.title.i18n_content?.en_us).toBeTruthy();
    }
  });
});
