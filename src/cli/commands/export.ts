import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { exportEvaluation } from '../../collection';
import { fail, openCliDatabase } from './cli-db';

const USAGE = `用法：jixiao export 评价ID --json [--out 文件] [--db 路径]
  以 JSON 输出评价（表头、预算、每项指标及已收集的实际完成值），可直接交给 jixiao score。`;

/** `jixiao export`: the collected evaluation in the JSON input format of `jixiao score`. */
export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, out: { type: 'string' }, db: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    });
  } catch (error) {
    return fail((error as Error).message, USAGE);
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
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
