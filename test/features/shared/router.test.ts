import { describe, expect, it } from 'vitest';
import { findCommand, type Command } from '../../../src/features/shared/router';
import { looksLikePastedTable, mentionsBot, messageText } from '../../../src/features/collection/handlers/messages/text';

const cmd = (words: string[], where: Command['where'] = 'both', gluedArgs = false): Command => ({
  words,
  where,
  gluedArgs,
  help: { usage: words[0]!, description: { zh_cn: words[0]!, en_us: words[0]! } },
  run: async () => {},
});

describe('findCommand', () => {
  const summary = cmd(['汇总'], 'group');
  const yearly = cmd(['年度汇总'], 'group');
  const leave = cmd(['请假至'], 'p2p', true);
  const help = cmd(['帮助', 'help']);
  const importing = cmd(['导入'], 'group');
  const table = [summary, yearly, leave, help, importing];

  it('matches the longest word first and passes the rest as args', () => {
    expect(findCommand(table, '年度汇总 2025', 'group')).toEqual({ command: yearly, args: '2025' });
    expect(findCommand(table, '汇总', 'group')?.command).toBe(summary);
  });

  it('takes Chinese arguments without a space, English ones only after a space', () => {
    expect(findCommand(table, '请假至2026-10-08', 'p2p')).toEqual({ command: leave, args: '2026-10-08' });
    expect(findCommand(table, 'HELP', 'p2p')?.command).toBe(help);
    expect(findCommand(table, 'helpme', 'p2p')).toBeNull();
  });

  it('does not take a sentence that merely starts with a command word for that command', () => {
    expect(findCommand(table, '导入失败怎么办', 'group')).toBeNull();
    expect(findCommand(table, '帮助一下', 'group')).toBeNull();
    // a pasted table on the next line is still the argument
    expect(findCommand(table, '导入\n项目名称\t宣传经费', 'group')).toEqual({ command: importing, args: '项目名称\t宣传经费' });
  });

  it('only offers a command where it works', () => {
    expect(findCommand(table, '汇总', 'p2p')).toBeNull();
    expect(findCommand(table, '请假至2026-10-08', 'group')).toBeNull();
  });

  it('accepts a leading slash', () => {
    expect(findCommand(table, '/帮助', 'group')?.command).toBe(help);
  });
});

describe('messageText', () => {
  it('removes mention keys from text messages', () => {
    expect(messageText({ messageType: 'text', content: JSON.stringify({ text: '@_user_1 导入' }) })).toBe('导入');
  });

  it('keeps tabs and lines of a pasted table', () => {
    const text = messageText({ messageType: 'text', content: JSON.stringify({ text: '@_user_1 导入\n一级指标\t二级指标\n产出指标\t数量指标' }) })!;
    expect(looksLikePastedTable(text)).toBe(true);
    expect(text.split('\n')[2]).toBe('产出指标\t数量指标');
  });

  it('reads rich-text (post) messages with or without a language wrapper', () => {
    const post = { title: '', content: [[{ tag: 'at', user_id: '@_user_1' }, { tag: 'text', text: ' 进度' }]] };
    expect(messageText({ messageType: 'post', content: JSON.stringify(post) })).toBe('进度');
    expect(messageText({ messageType: 'post', content: JSON.stringify({ zh_cn: post }) })).toBe('进度');
  });

  it('gives null for content it cannot read', () => {
    expect(messageText({ messageType: 'image', content: '{"image_key":"x"}' })).toBeNull();
    expect(messageText({ messageType: 'text', content: 'not json' })).toBeNull();
  });
});

describe('mentionsBot', () => {
  const event = { mentions: [{ key: '@_user_1', openId: 'ou_colleague', name: '张伟' }] };
  it('tells the bot from a colleague when the bot id is known', () => {
    expect(mentionsBot(event, 'ou_bot')).toBe(false);
    expect(mentionsBot({ mentions: [...event.mentions, { key: '@_user_2', openId: 'ou_bot', name: 'bot' }] }, 'ou_bot')).toBe(true);
  });
  it('takes any mention as addressed when the bot id is not configured', () => {
    expect(mentionsBot(event, undefined)).toBe(true);
    expect(mentionsBot({ mentions: [] }, undefined)).toBe(false);
  });
});
