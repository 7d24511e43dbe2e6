import type { FakeLark } from '../fake-lark';
import { dmChatId } from '../fake-lark/workspace-state';

/**
 * Who is in the local workspace when it starts: the people of the seed 003 T1 table (the clerk 赵敏 and
 * the owners 张伟, 李娜, 王芳, as the chat console has them) and a second admin, all in one project group
 * with the bot. The open_ids match src/node/chat-console.ts so both tools describe the same people.
 */
export type Role = 'clerk' | 'owner' | 'admin' | 'member';

export interface WorkspacePerson {
  openId: string;
  name: string;
  role: Role;
}

export const GROUP_ID = 'oc_workspace_group';
export const GROUP_NAME = '项目绩效自评群';

export const DEFAULT_PEOPLE: readonly WorkspacePerson[] = [
  { openId: 'ou_clerk', name: '赵敏', role: 'clerk' },
  { openId: 'ou_zhangwei', name: '张伟', role: 'owner' },
  { openId: 'ou_lina', name: '李娜', role: 'owner' },
  { openId: 'ou_wangfang', name: '王芳', role: 'owner' },
  { openId: 'ou_chenqiang', name: '陈强', role: 'admin' },
];

/** Puts the default people, their DMs and the project group into an empty fake. */
export function seedPeople(fake: FakeLark): WorkspacePerson[] {
  const people = DEFAULT_PEOPLE.map((p) => ({ ...p }));
  for (const p of people) {
    fake.addUser({ openId: p.openId, name: p.name, email: `${p.openId.slice(3)}@example.cn` });
    dmChatId(fake, p.openId);
  }
  fake.addChat({ chatId: GROUP_ID, name: GROUP_NAME, members: people.map((p) => p.openId) });
  return people;
}
