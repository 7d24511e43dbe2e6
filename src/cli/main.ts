export {};

/**
 * `jixiao <command>`: scoring, import/export and operations from a shell.
 * Each command lives in `commands/<name>.ts` and exports `run(argv): Promise<number>` (the exit code).
 */
type Command = { summary: string; load: () => Promise<{ run: (argv: string[]) => Promise<number> }> };

const commands: Record<string, Command> = {
  score: { summary: '评分并核查一张自评表 / score FILE [--json] [--profile NAME]', load: () => import('./commands/score') },
  import: { summary: '导入自评表为一项评价 / import a table FILE --chat CHAT_ID --admin OPEN_ID', load: () => import('./commands/import') },
  status: { summary: '查看评价的进度 / show an evaluation EVAL_ID', load: () => import('./commands/status') },
  export: { summary: '导出评价为 JSON（可交给 score）/ export EVAL_ID --json', load: () => import('./commands/export') },
  report: { summary: '生成自评表 .xlsx 和自评报告 .docx / report EVAL_ID|FILE --out DIR', load: () => import('./commands/report') },
  tick: { summary: '运行一次提醒调度 / run the reminder scheduler once [--now ISO] [--dry-run]', load: () => import('./commands/tick') },
  cards: { summary: '写出机器人会发的每张卡片（JSON，含大小）/ every card as JSON --out DIR', load: () => import('./commands/cards') },
  'fake-lark': { summary: '模拟飞书开放平台（本地试用）/ fake Lark [--port N] [--app URL] [--challenge]', load: () => import('./commands/fake-lark') },
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    const lines = Object.entries(commands).map(([n, c]) => `  jixiao ${n.padEnd(8)} ${c.summary}`);
    process.stderr.write(`用法 / usage:\n${lines.join('\n')}\n`);
    return name && name !== 'help' && name !== '--help' ? 2 : 0;
  }
  return (await command.load()).run(rest);
}

process.exitCode = await main(process.argv.slice(2));
