import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseConfig } from '../../config';
import { openSqlite } from '../../node/sqlite';

/** The database a CLI command works on: `--db`, else JIXIAO_DB, else ./data/jixiao.sqlite (as the server). */
export async function openCliDatabase(dbFlag: string | undefined) {
  const path = dbFlag ?? parseConfig(process.env).dbPath;
  return openSqlite(path);
}

export function fail(message: string, usage?: string): number {
  process.stderr.write(`${message}\n${usage ? `${usage}\n` : ''}`);
  return 2;
}

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ options: O & typeof HELP; allowPositionals: true; strict: true }>>;

/**
 * Every command's argument handling: strict options plus `-h/--help`, positionals allowed. Returns the parsed
 * arguments, or the exit code when there is nothing more to do (help printed: 0; bad arguments: 2, with usage).
 */
export function parseCommandArgs<O extends Options>(
  argv: string[],
  options: O,
  usage: string,
  out: NodeJS.WritableStream = process.stdout,
): Pick<Parsed<O>, 'values' | 'positionals'> | { exit: number } {
  let parsed: Parsed<O>;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { ...options, ...HELP } }) as Parsed<O>;
  } catch (error) {
    return { exit: fail((error as Error).message, usage) };
  }
  if ((parsed.values as { help?: boolean }).help) {
    out.write(`${usage}\n`);
    return { exit: 0 };
  }
  return { values: parsed.values, positionals: parsed.positionals };
}
