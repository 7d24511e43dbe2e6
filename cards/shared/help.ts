import type { CardJson } from '../../src/transport/contract';
import { card, markdown, type Element } from './elements';
import { join, tr, type I18nText } from './i18n';

/** 帮助: the commands that work where the user asked, taken from the command router's table. */
export interface HelpCommand {
  usage: string;
  description: I18nText;
  adminOnly?: boolean;
}

export interface HelpView {
  where: 'group' | 'p2p';
  commands: HelpCommand[];
}

export function helpCard(view: HelpView): CardJson {
  const lines = view.commands.map((c) =>
    join([`**${c.usage}**　`, c.description, c.adminOnly ? tr('（管理员）', ' (admins)') : '']),
  );
  const intro =
    view.where === 'group'
      ? tr(
          '在群里 @我 并发送下面的命令。导入表格：把 .xlsx/.csv 发到群里，再回复这条文件消息「@我 导入」；也可以直接粘贴从 Excel 复制的表格并 @我。',
          'In a group, @mention me with one of these commands. To import a sheet: send the .xlsx/.csv, then reply to that file message with "@me 导入"; or paste the table copied from Excel and @mention me.',
        )
      : tr('私聊时直接发送命令即可，不需要 @我。发文件给我也可以导入，我会问你导入到哪个群。', 'In a DM just type the command. You can also send me a sheet and I will ask which group it is for.');
  const elements: Element[] = [markdown(intro), markdown(join(lines, '\n'))];
  return card({ title: tr('绩效自评助手 · 帮助', 'Performance self-evaluation · Help'), template: 'blue', elements });
}
