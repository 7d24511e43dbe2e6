import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layering rules of README "How the code is laid out", checked on every source file:
 *  - everything under src/ except the Node entry points/adapters and the CLI runs on workerd too;
 *  - every SQL statement lives in src/storage/ (repositories), so SQLite, D1 and PostgreSQL stay one path;
 *  - a feature uses another feature only through its declared entry, `src/features/<name>/index.ts`;
 *  - cards are pure views: they import nothing from the features.
 */
const ROOT = join(import.meta.dirname, '..');
const NODE_ONLY = ['src/node/', 'src/cli/'];
/** Node-only by design, outside src/node: `jixiao fake-lark` serves the fake Lark on a real port (src/fake-lark/README.md). */
const NODE_ONLY_EXCEPTIONS = ['src/fake-lark/listen.ts'];
const FORBIDDEN = [
  /from ['"]node:/,
  /from ['"](fs|path|os|crypto|http|child_process)['"]/,
  /process\.env/,
  /from ['"]better-sqlite3['"]/,
  /from ['"]@larksuiteoapi\/node-sdk['"]/,
  /from ['"]@hono\/node-server['"]/,
];
const SQL = /\b(selectFrom|insertInto|updateTable|deleteFrom)\s*\(|\bsql\s*`/;
const FEATURES = join('src', 'features');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The code of a file without its comments (comments may mention process.env or `sql` freely). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

/** Repo-relative paths of the modules a file imports, resolved (`#cards/*` included); packages are left out. */
function importsOf(file: string, text: string): string[] {
  const specs = [...code(text).matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
  return specs.flatMap((spec) => {
    if (spec.startsWith('#cards/')) return [join('cards', spec.slice('#cards/'.length))];
    if (!spec.startsWith('.')) return [];
    const base = normalize(join(dirname(file), spec));
    const hit = [`${base}.ts`, join(base, 'index.ts'), base].find((p) => existsSync(join(ROOT, p)));
    return [hit ?? base];
  });
}

/** `collection` for src/features/collection/…; null outside the feature folders (and for `shared`, `register.ts`). */
function featureOf(path: string): string | null {
  const rel = relative(FEATURES, path);
  if (rel.startsWith('..')) return null;
  const name = rel.split(/[\\/]/)[0]!;
  return name === 'shared' || name.endsWith('.ts') ? null : name;
}

/** The imports of `file` that reach into another feature past its entry. */
function featureViolations(file: string, imports: readonly string[]): string[] {
  const mine = featureOf(file);
  const inShared = file.startsWith(join(FEATURES, 'shared'));
  return imports.filter((target) => {
    const theirs = featureOf(target);
    if (theirs === null || theirs === mine) return false;
    if (inShared || file.startsWith('cards')) return true; // shared code and cards use no feature at all
    const entry = join(FEATURES, theirs, 'index.ts');
    const declaration = join(FEATURES, theirs, 'feature.ts');
    // src/features/register.ts lists the features' declarations; everything else goes through the entry.
    return !(target === entry || (file === join(FEATURES, 'register.ts') && target === declaration));
  });
}

const files = [...walk(join(ROOT, 'src')), ...walk(join(ROOT, 'cards'))].map((f) => relative(ROOT, f));
const text = (file: string) => readFileSync(join(ROOT, file), 'utf8');

describe('runtime boundary', () => {
  const portable = files.filter((f) => !NODE_ONLY.some((p) => f.startsWith(p)) && !NODE_ONLY_EXCEPTIONS.includes(f));

  it('has portable modules to check, and the check catches a Node import', () => {
    expect(portable.length).toBeGreaterThan(100);
    expect(FORBIDDEN.some((re) => re.test("import { serve } from '@hono/node-server';"))).toBe(true);
  });

  it.each(portable)('%s uses no Node-only API', (file) => {
    const hits = FORBIDDEN.filter((re) => re.test(code(text(file)))).map(String);
    expect(hits).toEqual([]);
  });
});

describe('SQL only in src/storage', () => {
  const outside = files.filter((f) => f.startsWith('src/') && !f.startsWith('src/storage/'));

  it('the check catches a query builder and a raw statement, not a mention in a comment', () => {
    expect(SQL.test(code("await db.selectFrom('evaluations').selectAll().execute();"))).toBe(true);
    expect(SQL.test(code('await sql`SELECT 1`.execute(db);'))).toBe(true);
    expect(SQL.test(code('// reads `migrations/*.sql` files'))).toBe(false);
  });

  it.each(outside)('%s builds no query', (file) => {
    expect(code(text(file)).split('\n').filter((line) => SQL.test(line))).toEqual([]);
  });
});

describe('features meet only at their entries', () => {
  it('the check catches a reach into another feature and into a feature from cards', () => {
    const into = join(FEATURES, 'collection', 'service', 'views.ts');
    expect(featureViolations(join(FEATURES, 'summary', 'post-summary.ts'), [into])).toEqual([into]);
    expect(featureViolations(join(FEATURES, 'summary', 'post-summary.ts'), [join(FEATURES, 'collection', 'index.ts')])).toEqual([]);
    expect(featureViolations(join('cards', 'summary', 'summary.ts'), [join(FEATURES, 'summary', 'index.ts')])).toHaveLength(1);
  });

  it.each(files.filter((f) => f.startsWith(FEATURES) || f.startsWith('cards')))('%s imports no other feature’s internals', (file) => {
    expect(featureViolations(file, importsOf(file, text(file)))).toEqual([]);
  });

  it.each(files.filter((f) => f.startsWith('src/') && !f.startsWith(FEATURES)))('%s reaches features only through their entries', (file) => {
    const reaching = importsOf(file, text(file)).filter((t) => {
      const theirs = featureOf(t);
      return theirs !== null && t !== join(FEATURES, theirs, 'index.ts');
    });
    expect(reaching).toEqual([]);
  });
});
