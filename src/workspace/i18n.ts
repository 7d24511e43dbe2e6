import type { Lang } from './render-card';

/** The workspace's own words (cards carry their own). Chinese first; English with ?lang=en_us. */
const STRINGS = {
  appName: ['绩效自评助手', 'Self-evaluation assistant'],
  workspace: ['本地工作区', 'Local workspace'],
  localNote: ['本地模式：模拟的飞书，数据保存在本机 SQLite 文件中', 'Local mode: a simulated Lark; data stays in the local SQLite file'],
  chats: ['会话', 'Chats'],
  group: ['群聊', 'Group'],
  dm: ['私聊', 'Direct message'],
  actAs: ['切换身份', 'Act as'],
  you: ['当前身份', 'You are'],
  message: ['输入消息', 'Type a message'],
  messageHint: ['Enter 发送，Shift+Enter 换行；@绩效自评助手 开头才会发给机器人（群聊）', 'Enter sends, Shift+Enter for a new line; in a group start with @绩效自评助手 to reach the bot'],
  send: ['发送', 'Send'],
  upload: ['上传附件', 'Upload a file'],
  mentionBot: ['插入 @机器人', 'Insert a mention of the bot'],
  reply: ['回复', 'Reply'],
  replyingTo: ['回复', 'Replying to'],
  cancel: ['取消', 'Cancel'],
  confirm: ['确定', 'OK'],
  download: ['下载', 'Download'],
  bot: ['机器人', 'Bot'],
  urgent: ['加急', 'Urgent'],
  addPerson: ['添加人员', 'Add a person'],
  personName: ['姓名', 'Name'],
  add: ['添加', 'Add'],
  reset: ['重置工作区', 'Reset workspace'],
  resetConfirm: ['清空所有会话和本地数据库中的评价，重新开始？', 'Clear every chat and every evaluation in the local database and start afresh?'],
  clock: ['模拟时间', 'Simulated time'],
  nextRung: ['快进到下一次提醒', 'Skip to the next reminder'],
  ahead: ['已快进', 'moved ahead'],
  cards: ['卡片样式', 'Card gallery'],
  language: ['English', '中文'],
  empty: ['还没有消息。', 'No messages yet.'],
  clerk: ['经办人', 'clerk'],
  owner: ['责任人', 'owner'],
  admin: ['管理员', 'admin'],
  member: ['成员', 'member'],
  galleryTitle: ['机器人会发送的全部卡片', 'Every card the bot sends'],
  galleryNote: ['按 seed 003 T1 的数据用真实的卡片构建函数生成；未知组件会显示为红框。', 'Built by the real card builders from seed 003 T1; an unknown component would show as a red box.'],
  back: ['返回工作区', 'Back to the workspace'],
  skip: ['跳到消息输入框', 'Skip to the message box'],
} as const satisfies Record<string, readonly [string, string]>;

export type StringKey = keyof typeof STRINGS;

export function t(lang: Lang, key: StringKey): string {
  return STRINGS[key][lang === 'en_us' ? 1 : 0];
}

export function parseLang(value: string | undefined | null): Lang {
  return value === 'en_us' || value === 'en' ? 'en_us' : 'zh_cn';
}
