import { writeFileSync } from 'node:fs';
import { exportEvaluation } from '../../features/collection';
import { fail, openCliDatabase, parseCommandArgs } from './cli-db';

const USAGE = `用法：jixiao export 评价ID --json [--out 文件] [--db 路径]
  以 JSON 输出评价（表头、预算、每项指标及已收集的实际完成值），可直接交给 jixiao score。`;

/** `jixiao export`: the collected evaluation in the JSON input format of `jixiao score`. */
export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommandArgs(argv, { json: { type: 'boolean' }, out: { type: 'string' }, db: { type: 'string' } }, USAGE);
  if ('exit' in parsed) return parsed.exit;
  const id = parsed.positionals[0];
  if (!id || parsed.positionals.length > 1) return fail('请给出一个评价ID（ev_…）。', USAGE);
  // JSON is the only export format today; `--json` is accepted so scripts can say what they expect.
  const { db, close } = await openCliDatabase(parsed.values.db);
  try {
    const input = await exportEvaluation(db, id);
    if (!input) {
      process.stderr.write(`找不到评价 ${id}。\n`);
      return 1;
    }
    const text = `${JSON.stringify(input, null, 2)}\n`;
    if (parsed.values.out) writeFileSync(parsed.values.out, text);
    else process.stdout.write(text);
    return 0;
  } finally {
    await close();
  }
}
