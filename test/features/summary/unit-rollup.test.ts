import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CollectionDeps } from '../../../src/features/collection/service';
import type { MessageEvent } from '../../../src/transport/contract';
import { runUnitRollupCommand } from '../../../src/features/summary/commands';
import { postUnitRollup } from '../../../src/features/summary/unit-rollup';
import { CHAT, IMPORTER, MEMBERS, openTestDeps, TENANT } from '../../helpers/collection';
import { fakeLarkFor } from '../../helpers/summary-lark';
import { answerAndApprove, startedSeed } from '../../helpers/summary';

let deps: CollectionDeps;
let close: () => Promise<void>;

beforeEach(async () => {
  ({ deps, close } = await openTestDeps());
});
afterEach(() => close());

type Rows = Array<Record<string, string | number>>;
function tableRows(card: Record<string, unknown> | undefined): Rows {
  const table = (card!.body as { elements: Array<Record<string, unknown>> }).elements.find((e) => e.tag === 'table') as { rows: Rows };
  return table.rows;
}

describe('年度汇总', () => {
  it('posts every project of the unit and year that the asker administers, with 合计', async () => {
    const t2 = await startedSeed(deps, '003-t2', CHAT);
    await answerAndApprove(deps, t2.evaluation, t2.answers);
    await startedSeed(deps, '003-t6', 'oc_other_group'); // same unit and year, another group: still listed
    await startedSeed(deps, '003-t7', 'oc_third_group'); // 自治区金融发展与服务中心: another unit
    await startedSeed(deps, '003-t1', 'oc_fourth_group', MEMBERS[1]!.openId); // same unit, but IMPORTER is not its admin

    const fake = fakeLarkFor(deps.clock, { chatId: CHAT, members: MEMBERS.map((m) => m.openId) });
    const posted = await postUnitRollup({ ...deps, lark: fake.lark }, { tenantKey: TENANT, chatId: CHAT, actor: IMPORTER });
    if (!posted.ok) throw new Error(posted.message);
    expect(posted.view.unit).toBe('自治区地方金融监督管理局');
    expect(posted.view.year).toBe('2019');

    const rows = tableRows(fake.messagesIn(CHAT).at(-1)!.card);
    expect(rows.map((r) => r.name)).toEqual(['防范和处置非法集资专项业务经费', '绩效奖励经费 （收集中）', '**合计**']);
    expect(rows[0]).toMatchObject({ budget: 66.19, executed: 53.84, rate: '81.34%', score: 98.13, grade: '优' });
    expect(rows[2]).toMatchObject({ budget: 107.84 });
  });

  it('lists a project whose table gave no 年度, and finds its unit however the cell was spaced', async () => {
    const t2 = await startedSeed(deps, '003-t2', CHAT);
    await deps.db.updateTable('evaluations').set({ year: null, implementing_unit: ' 自治区地方金融监督管理局 ' }).where('id', '=', t2.evaluation.id).execute();
    const fake = fakeLarkFor(deps.clock, { chatId: CHAT, members: MEMBERS.map((m) => m.openId) });
    const posted = await postUnitRollup({ ...deps, lark: fake.lark }, { tenantKey: TENANT, chatId: CHAT, actor: IMPORTER });
    if (!posted.ok) throw new Error(posted.message);
    expect(tableRows(fake.messagesIn(CHAT).at(-1)!.card).map((r) => r.name)[0]).toContain('防范和处置非法集资专项业务经费');
  });

  it('answers a member who administers nothing in Chinese, and a bad year with what to type', async () => {
    await startedSeed(deps, '003-t2', CHAT);
    const fake = fakeLarkFor(deps.clock, { chatId: CHAT, members: MEMBERS.map((m) => m.openId) });
    const event = (sender: string): MessageEvent => ({
      eventId: 'ev1', tenantKey: TENANT, createTime: 0, sender: { openId: sender, senderType: 'user' }, messageId: 'om_1',
      chatId: CHAT, chatType: 'group', messageType: 'text', content: '{"text":"@_user_1 年度汇总"}', body: { kind: 'text', text: '@_user_1 年度汇总' }, mentions: [],
    });
    const lark = { ...deps, lark: fake.lark };
    expect(await runUnitRollupCommand(lark, event(MEMBERS[2]!.openId), '')).toMatch(/不是.*管理员/);
    expect(await runUnitRollupCommand(lark, event(IMPORTER), '去年')).toMatch(/年度汇总 2019/);
    expect(await runUnitRollupCommand(lark, event(IMPORTER), '2019')).toBeNull();
    expect(fake.messagesIn(CHAT).filter((m) => m.msgType === 'interactive')).toHaveLength(1);
  });
});
