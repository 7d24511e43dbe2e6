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
