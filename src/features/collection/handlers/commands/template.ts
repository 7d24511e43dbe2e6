import { tr } from '#cards/shared/i18n';
import type { Command } from '../../../shared/router';
import { templateFile } from '../table-readers';

/** 模板: the project's own simple template as an .xlsx file. */
export const templateCommand: Command = {
  words: ['模板', 'template'],
  where: 'both',
  help: { usage: '@我 模板', description: tr('获取填写指标用的 Excel 模板', 'get the Excel template for the indicators') },
  async run(ctx) {
    const { fileName, bytes } = await templateFile();
    const { fileKey } = await ctx.deps.lark.uploadFile(fileName, bytes, 'xls');
    await ctx.reply({ msgType: 'file', content: { file_key: fileKey } }, 'template');
    await ctx.say('填好后把文件发到群里，再回复那条文件消息并 @我 导入。责任人一列可以写姓名、邮箱、手机号。', 'template-hint');
  },
};
