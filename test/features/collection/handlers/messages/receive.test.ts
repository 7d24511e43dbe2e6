import { afterEach, describe, expect, it } from 'vitest';
import { COLLECTION_ACTIONS as A } from '#cards/collection/actions';
import { checkCardLimits } from '#cards/shared/limits';
import { findEvaluationsInChat } from '../../../../../src/features/collection/service';
import { importIntoChat } from '../../../../../src/features/collection/handlers/import-flow';
import type { FakeMessage } from '../../../../../src/fake-lark/state';
import { cardText, createHarness, fixture, GROUP, PEOPLE, type Harness } from '../../../../helpers/harness';

const { clerk, zhang, li, wang, outsider } = PEOPLE;
const PASTED = [
  '项目名称\t社区宣传项目',
  '全年预算数\t100',
  '一级指标\t二级指标\t三级指标\t年度指标值\t分值\t责任人',
  '产出指标\t数量指标\t培训人次\t≥100人次\t50\t张伟',
  '效益指标\t社会效益指标\t群众知晓率\t≥80%\t30\t李娜',
  '满意度指标\t服务对象满意度指标\t满意度\t≥90%\t10\tnobody@example.com',
].join('\n');

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const title = (m: FakeMessage) => String((m.card!.header as { title: { content: string } }).title.content);
const texts = (to: string) => h.bot.fake.messagesTo(to).filter((m) => m.msgType === 'text').map((m) => JSON.parse(m.content).text as string);

async function say(sender: string, text: string, opts: { chatId?: string; mentionBot?: boolean; parentId?: string } = {}) {
  await h.bot.fake.sendMessageEvent({ sender, text, chatId: opts.chatId, mentionBot: opts.mentionBot, parentId: opts.parentId });
  await h.settle();
}

describe('in a group', () => {
  it('imports a table pasted with an @mention and lists owners it could not match', async () => {
    h = await createHarness();
    await say(clerk.openId, PASTED, { chatId: GROUP, mentionBot: true });
    const preview = h.bot.fake.lastCard(GROUP)!;
    expect(title(preview)).toBe('导入预览');
    expect(checkCardLimits(preview.card)).toEqual([]);
    const text = cardText(preview.card);
    expect(text).toContain('社区宣传项目');
    expect(text).toContain('❓ nobody@example.com');
    expect(text).toContain('"name":"owner_');
    const [ev] = await findEvaluationsInChat(h.bot.db, { tenantKey: 'tenant_fake', chatId: GROUP });
    expect(ev!.items.filter((i) => i.kind === 'indicator').map((i) => i.owner.openId)).toEqual([zhang.openId, li.openId, null]);
  });

  it('a replayed import (same source message) finds its draft instead of making a second one', async () => {
    h = await createHarness();
    const request = { tenantKey: 'tenant_fake', chatId: GROUP, importerOpenId: clerk.openId, source: { kind: 'pasted' as const, text: PASTED }, key: 'om_import_1' };
    const first = await importIntoChat(h.deps, request);
    const again = await importIntoChat(h.deps, request);
    expect(first.ok && again.ok && again.evaluation.id === first.evaluation.id).toBe(true);
    expect(await findEvaluationsInChat(h.bot.db, { tenantKey: 'tenant_fake', chatId: GROUP })).toHaveLength(1);
    // the preview's uuid is the same, so Lark shows it once
    expect(h.bot.fake.messagesTo(GROUP).filter((m) => m.msgType === 'interactive')).toHaveLength(1);
    // a different message is a different import
    await importIntoChat(h.deps, { ...request, key: 'om_import_2' });
    expect(await findEvaluationsInChat(h.bot.db, { tenantKey: 'tenant_fake', chatId: GROUP })).toHaveLength(2);
  });

  it('never guesses between two members with the same name; the importer picks on the card', async () => {
    h = await createHarness();
    h.bot.fake.addUser({ openId: 'ou_zhangwei_2', name: '张伟' });
    h.bot.fake.addChat({ chatId: 'oc_two', name: '两个张伟', members: [clerk.openId, zhang.openId, 'ou_zhangwei_2', li.openId, outsider.openId] });
    await say(clerk.openId, PASTED, { chatId: 'oc_two', mentionBot: true });
    const preview = h.bot.fake.lastCard('oc_two')!;
    expect(cardText(preview.card)).toContain('👥 张伟');
    const [ev] = await findEvaluationsInChat(h.bot.db, { tenantKey: 'tenant_fake', chatId: 'oc_two' });
    const training = ev!.items.find((i) => i.name === '培训人次')!;
    expect(training.owner).toMatchObject({ openId: null, problem: 'ambiguous' });

    // someone who is not an admin cannot save
    const denied = await h.bot.fake.pressButton(preview, { operator: li.openId, action: A.previewSave });
    expect(denied.toast?.content).toContain('只有导入人');
    // a person from outside the chat (a tampered value) is refused
    const outside = await h.bot.fake.pressButton(preview, { operator: clerk.openId, action: A.previewSave, formValue: { [`owner_${training.id}`]: wang.openId } });
    expect(outside.toast?.content).toContain('必须是本群成员');
    const saved = await h.bot.fake.pressButton(preview, { operator: clerk.openId, action: A.previewSave, formValue: { [`owner_${training.id}`]: 'ou_zhangwei_2', admins: [li.openId] } });
    expect(saved.toast?.type, saved.toast?.content).toBe('success');
    const [after] = await findEvaluationsInChat(h.bot.db, { tenantKey: 'tenant_fake', chatId: 'oc_two' });
    expect(after!.items.find((i) => i.id === training.id)!.owner).toMatchObject({ openId: 'ou_zhangwei_2', name: '张伟' });
    expect(after!.admins).toContain(li.openId);
    // the admin the importer added may now use the card
    const byAdmin = await h.bot.fake.pressButton(h.bot.fake.message(preview.messageId)!, { operator: li.openId, action: A.previewSave });
    expect(byAdmin.toast?.type).toBe('success');
  });

  it('with the read-all scope, "@bot 导入" right after a file imports that file', async () => {
    h = await createHarness({ receiveAllGroupMessages: true });
    const file = await h.bot.fake.sendMessageEvent({ sender: clerk.openId, chatId: GROUP, file: { name: '003-t1.xlsx', bytes: fixture('003-t1.xlsx') } });
    expect(file.delivered).toBe(true);
    await h.settle();
    expect(h.bot.fake.messagesTo(GROUP)).toHaveLength(0); // a file alone is not a command
    await say(clerk.openId, '导入', { chatId: GROUP, mentionBot: true });
    expect(title(h.bot.fake.lastCard(GROUP)!)).toBe('导入预览');
  });

  it('explains how to import when there is nothing to import, and reports a bad sheet in Chinese', async () => {
    h = await createHarness();
    await say(clerk.openId, '导入', { chatId: GROUP, mentionBot: true });
    expect(texts(GROUP).at(-1)).toContain('回复”那条文件消息');
    const bad = await h.bot.fake.sendMessageEvent({ sender: clerk.openId, chatId: GROUP, file: { name: 'notes.docx', bytes: new Uint8Array([1, 2, 3]) } });
    await say(clerk.openId, '导入', { chatId: GROUP, mentionBot: true, parentId: bad.message.messageId });
    expect(texts(GROUP).at(-1)).toMatch(/^没能导入这张表：.*\.docx/);
  });

  it('ignores group chatter that does not mention the bot, and answers unknown words with a pointer', async () => {
    h = await createHarness({ receiveAllGroupMessages: true });
    await say(zhang.openId, '大家好', { chatId: GROUP });
    expect(h.bot.fake.messagesTo(GROUP)).toHaveLength(0);
    await say(zhang.openId, '今天天气', { chatId: GROUP, mentionBot: true });
    expect(texts(GROUP).at(-1)).toContain('发送「帮助」');
  });

  it('帮助 lists the commands of every feature that works here', async () => {
    h = await createHarness();
    await say(zhang.openId, '帮助', { chatId: GROUP, mentionBot: true });
    const help = cardText(h.bot.fake.lastCard(GROUP)!.card);
    for (const word of ['导入', '模板', '进度', '总览']) expect(help).toContain(`@我 ${word}`);
    expect(help).not.toContain('**我的**');
  });

  it('introduces itself with the group commands when added to a group', async () => {
    h = await createHarness();
    h.bot.fake.addChat({ chatId: 'oc_new', name: '新项目群', members: [clerk.openId], botIn: false });
    await h.bot.fake.botAddedToChat('oc_new', clerk.openId);
    await h.settle();
    const welcome = cardText(h.bot.fake.lastCard('oc_new')!.card);
    expect(welcome).toContain('@我 导入');
    expect(welcome).not.toContain('我的**');
  });

  it('模板 sends the template workbook as a file', async () => {
    h = await createHarness();
    await say(zhang.openId, '模板', { chatId: GROUP, mentionBot: true });
    const file = h.bot.fake.messagesTo(GROUP).find((m) => m.msgType === 'file')!;
    const { file_key } = JSON.parse(file.content) as { file_key: string };
    const stored = h.bot.fake.file(file_key)!;
    expect(stored.fileName).toMatch(/\.xlsx$/);
    expect(stored.bytes.length).toBeGreaterThan(1000);
  });
});

describe('in a DM', () => {
  it('a sheet sent privately is imported into the group the sender chooses — only one they belong to', async () => {
    h = await createHarness();
    // the clerk already ran an evaluation in the group, so the bot knows they share it
    await say(clerk.openId, PASTED, { chatId: GROUP, mentionBot: true });
    await h.bot.fake.sendMessageEvent({ sender: clerk.openId, file: { name: '003-t1.xlsx', bytes: fixture('003-t1.xlsx') } });
    await h.settle();
    const choose = h.bot.fake.lastCard(clerk.openId)!;
    expect(title(choose)).toBe('导入表格');
    expect(cardText(choose.card)).toContain(GROUP);

    // forwarded to someone else, the card does not let them send the clerk's file into their own group
    h.bot.fake.addChat({ chatId: 'oc_elsewhere', name: '别的群', members: [zhang.openId] });
    h.bot.fake.state.chats.get(choose.chatId)!.members.push(zhang.openId); // as if the clerk forwarded the card to 张伟
    const forwarded = await h.bot.fake.pressButton(choose, { operator: zhang.openId, action: A.importChooseGroup, formValue: { chat: 'oc_elsewhere' } });
    expect(forwarded.toast?.content).toContain('只有发送这份表格的人');
    expect(h.bot.fake.messagesTo('oc_elsewhere')).toHaveLength(0);

    const notMember = await h.bot.fake.pressButton(choose, { operator: clerk.openId, action: A.importChooseGroup, formValue: { chat: 'oc_elsewhere' } });
    expect(notMember.toast?.content).toContain('你不在这个群里');

    const done = await h.bot.fake.pressButton(choose, { operator: clerk.openId, action: A.importChooseGroup, formValue: { chat: GROUP } });
    await h.settle();
    expect(cardText(done.message.card)).toContain('已导入到');
    const previews = h.bot.fake.messagesTo(GROUP).filter((m) => m.msgType === 'interactive' && title(m) === '导入预览');
    expect(previews).toHaveLength(2);
    expect(cardText(previews[1]!.card)).toContain('金融监管专项经费');
  });

  it('offers a group where the sender recently @mentioned the bot, named from the bot-added event', async () => {
    h = await createHarness();
    h.bot.fake.addChat({ chatId: 'oc_fresh_group', name: '新项目群', members: [zhang.openId], botIn: false });
    await h.bot.fake.botAddedToChat('oc_fresh_group', zhang.openId);
    await say(zhang.openId, '帮助', { chatId: 'oc_fresh_group', mentionBot: true });
    await h.bot.fake.sendMessageEvent({ sender: zhang.openId, file: { name: '003-t1.xlsx', bytes: fixture('003-t1.xlsx') } });
    await h.settle();
    const choose = h.bot.fake.lastCard(zhang.openId)!;
    expect(cardText(choose.card)).toContain('新项目群');
    const done = await h.bot.fake.pressButton(choose, { operator: zhang.openId, action: A.importChooseGroup, formValue: { chat: 'oc_fresh_group' } });
    await h.settle();
    expect(cardText(done.message.card), JSON.stringify(done.toast)).toContain('已导入到新项目群');
  });

  it('an owner the bot cannot reach does not stop the others, and the group is told who was missed', async () => {
    h = await createHarness();
    h.bot.fake.addUser({ openId: 'ou_blocked', name: '周强', blocked: true });
    h.bot.fake.addChat({ chatId: 'oc_b', name: '群', members: [clerk.openId, zhang.openId, li.openId, 'ou_blocked'] });
    // 周强 owns the first row, so everyone after him depends on the loop going on
    await say(clerk.openId, PASTED.replace('50\t张伟', '50\t周强').replace('nobody@example.com', '张伟'), { chatId: 'oc_b', mentionBot: true });
    await h.bot.fake.pressButton(h.bot.fake.lastCard('oc_b')!, { operator: clerk.openId, action: A.previewStart, formValue: { deadline: '2026-12-15 +0800' } });
    await h.settle();
    expect(h.bot.fake.lastCard(zhang.openId)).toBeDefined();
    expect(h.bot.fake.lastCard(li.openId)).toBeDefined();
    const notice = texts('oc_b').find((t) => t.startsWith('以下责任人没有收到填报卡片'))!;
    expect(notice).toContain('周强');
    expect(notice).toContain('屏蔽');
  });

  it('我的 lists my open rows and sends the card of the first one', async () => {
    h = await createHarness();
    await say(clerk.openId, PASTED.replace('nobody@example.com', '张伟'), { chatId: GROUP, mentionBot: true });
    await h.bot.fake.pressButton(h.bot.fake.lastCard(GROUP)!, { operator: clerk.openId, action: A.previewStart, formValue: { deadline: '2026-12-15 +0800' } });
    await h.settle();
    await say(zhang.openId, '我的');
    const cards = h.bot.fake.messagesTo(zhang.openId).filter((m) => m.msgType === 'interactive');
    const list = cards.find((m) => title(m) === '我的待填报')!;
    expect(cardText(list.card)).toContain('培训人次');
    expect(cardText(list.card)).toContain('满意度');
    expect(title(cards.at(-1)!)).toBe('填报：培训人次');
    // 开始填写 on the list opens the first open row
    const opened = await h.bot.fake.pressButton(list, { operator: zhang.openId, action: A.entryOpen });
    expect(cardText(opened.message.card)).toContain('第 1/2 项');
  });

  it('进度 in the group posts the progress card anew and patches that copy from then on', async () => {
    h = await createHarness();
    await say(clerk.openId, PASTED.replace('nobody@example.com', '张伟'), { chatId: GROUP, mentionBot: true });
    await h.bot.fake.pressButton(h.bot.fake.lastCard(GROUP)!, { operator: clerk.openId, action: A.previewStart, formValue: { deadline: '2026-12-15 +0800' } });
    await h.settle();
    await say(li.openId, '进度', { chatId: GROUP, mentionBot: true });
    const latest = h.bot.fake.lastCard(GROUP)!;
    expect(title(latest)).toBe('填报进度');
    await h.bot.fake.pressButton(h.bot.fake.lastCard(li.openId)!, { operator: li.openId, action: A.entrySubmit, formValue: { actual: '85%' } });
    await h.settle();
    expect(cardText(h.bot.fake.message(latest.messageId)!.card)).toContain('已提交 1 / 4');
    expect(h.bot.fake.message(latest.messageId)!.history.length).toBeGreaterThan(0);
  });
});
