import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Everything under src/ except the Node entry points/adapters and the CLI must run on workerd too.
const ROOT = join(import.meta.dirname, '..');
const NODE_ONLY = ['src/node/', 'src/cli/'];
const FORBIDDEN = [/from ['"]node:/, /from ['"](fs|path|os|crypto|http|child_process)['"]/, /process\.env/, /from ['"]better-sqlite3['"]/, /from ['"]@larksuiteoapi\/node-sdk['"]/];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('runtime boundary', () => {
  const files = [...walk(join(ROOT, 'src')), ...walk(join(ROOT, 'cards'))].map((f) => relative(ROOT, f));
  const portable = files.filter((f) => !NODE_ONLY.some((p) => f.startsWith(p)));

  it('has portable modules to check', () => {
    expect(portable.length).toBeGreaterThan(0);
  });

  it.each(portable)('%s uses no Node-only API', (file) => {
    // Comments may mention process.env (e.g. "Node passes process.env here"); only code counts.
    const text = readFileSync(join(ROOT, file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    const hits = FORBIDDEN.filter((re) => re.test(text)).map(String);
    expect(hits).toEqual([]);
  });
});
