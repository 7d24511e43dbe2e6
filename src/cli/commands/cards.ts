import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cardCatalogue } from '#cards/catalogue';
import { cardBytes, checkCardLimits } from '#cards/shared/limits';
import { evaluationInputSchema, type EvaluationInput } from '../../domain/evaluation';
import { countCardElements, LARK_BODY_MAX_BYTES, LARK_CARD_MAX_ELEMENTS, patchBodyBytes, sendBodyBytes } from '../../transport/card-measure';
import { fail, parseCommandArgs } from './cli-db';

const DEFAULT_SEEDS = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'seeds');

const USAGE = `用法：jixiao cards --out 目录 [--seeds 目录]
  把机器人会发送的每一张卡片（按种子表放大到最大：60 项、100 项）写成 JSON，可粘贴到飞书卡片搭建工具查看。
  每张卡片一个 <名称>.json；index.json 记录每张卡片的请求体字节数（飞书上限 ${LARK_BODY_MAX_BYTES}）和元素数（上限 ${LARK_CARD_MAX_ELEMENTS}）。
  --seeds 默认为仓库里的 test/fixtures/seeds（*.json 自评表）。`;

/** `jixiao cards --out DIR`: every card the bot can send, as JSON, with its size and element count as Lark counts them. */
export async function run(argv: string[], out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const parsed = parseCommandArgs(argv, { out: { type: 'string' }, seeds: { type: 'string' } }, USAGE, out);
  if ('exit' in parsed) return parsed.exit;
  if (parsed.positionals.length > 0) return fail(`不认识的参数“${parsed.positionals[0]}”。`, USAGE);
  if (!parsed.values.out) return fail('请用 --out 指定输出目录，例如 --out ./cards。', USAGE);
  const seeds = readSeeds(resolve(parsed.values.seeds ?? DEFAULT_SEEDS));
  if (typeof seeds === 'string') return fail(seeds, USAGE);

  const dir = resolve(parsed.values.out);
  mkdirSync(dir, { recursive: true });
  const index = cardCatalogue(seeds).map((entry) => {
    const file = `${entry.id}.json`;
    // only the card: Lark's builder refuses any property it does not know
    writeFileSync(join(dir, file), `${JSON.stringify(entry.card, null, 2)}\n`);
    return {
      id: entry.id,
      about: entry.about,
      file,
      via: entry.via,
      requestBytes: entry.via === 'patch' ? patchBodyBytes(entry.card) : sendBodyBytes(entry.card),
      cardBytes: cardBytes(entry.card),
      elements: countCardElements(entry.card),
      problems: checkCardLimits(entry.card),
    };
  });
  writeFileSync(join(dir, 'index.json'), `${JSON.stringify({ limits: { requestBytes: LARK_BODY_MAX_BYTES, elements: LARK_CARD_MAX_ELEMENTS }, cards: index }, null, 2)}\n`);

  out.write(`${'卡片'.padEnd(26)}${'请求体字节'.padStart(8)}${'元素'.padStart(6)}  说明\n`);
  for (const c of index) {
    const flag = c.problems.length > 0 ? '  ⚠ 超出飞书限制' : '';
    out.write(`${c.id.padEnd(28)}${String(c.requestBytes).padStart(10)}${String(c.elements).padStart(7)}  ${c.about}${flag}\n`);
  }
  out.write(`已写入 ${index.length} 张卡片到 ${dir}（index.json 记录大小和元素数）\n`);
  return 0;
}

function readSeeds(dir: string): EvaluationInput[] | string {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return `找不到种子表目录 ${dir}：请用 --seeds 指定放 *.json 自评表的目录。`;
  }
  if (names.length === 0) return `${dir} 里没有 *.json 自评表。`;
  const seeds: EvaluationInput[] = [];
  for (const name of names) {
    const parsed = evaluationInputSchema.safeParse(JSON.parse(readFileSync(join(dir, name), 'utf8')));
    if (!parsed.success) return `${name} 不是自评表 JSON（jixiao export 的格式）：${parsed.error.issues[0]?.message ?? ''}`;
    seeds.push(parsed.data);
  }
  return seeds;
}
