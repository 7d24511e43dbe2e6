import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/cards';
import { byteLength, countCardElements } from '../../src/transport/card-measure';

function sink() {
  let text = '';
  const stream = new Writable({ write: (chunk, _enc, done) => ((text += String(chunk)), done()) });
  return { stream: stream as NodeJS.WritableStream, text: () => text };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jixiao-cards-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('jixiao cards', () => {
  it('writes every card as paste-able JSON and an index with the request-body size and element count of each', async () => {
    const out = sink();
    expect(await run(['--out', dir], out.stream)).toBe(0);
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as {
      limits: { requestBytes: number; elements: number };
      cards: Array<{ id: string; file: string; via: string; requestBytes: number; cardBytes: number; elements: number; problems: string[] }>;
    };
    expect(index.limits).toEqual({ requestBytes: 30_000, elements: 200 });
    expect(readdirSync(dir).sort()).toEqual([...index.cards.map((c) => c.file), 'index.json'].sort());
    for (const c of index.cards) {
      const text = readFileSync(join(dir, c.file), 'utf8');
      const card = JSON.parse(text) as Record<string, unknown>;
      expect(Object.keys(card).every((k) => ['schema', 'config', 'card_link', 'header', 'body'].includes(k))).toBe(true);
      expect(card.schema).toBe('2.0');
      expect(c.elements).toBe(countCardElements(card));
      expect(c.cardBytes).toBe(byteLength(JSON.stringify(card)));
      // the card travels as an escaped string inside the request body, which is always larger
      expect(c.requestBytes).toBeGreaterThan(c.cardBytes);
    }
    expect(index.cards.find((c) => c.id === 'import-preview-100')!.problems.join()).toMatch(/over the 30000-byte limit/);
    expect(out.text()).toMatch(/已写入 \d+ 张卡片/);
    expect(out.text()).toMatch(/import-preview-100 +\d+ +\d+ .*超出飞书限制/);
  });

  it('says what to type without --out, and for a seeds folder that does not exist', async () => {
    expect(await run([], sink().stream)).toBe(2);
    expect(await run(['--out', dir, '--seeds', join(dir, 'nope')], sink().stream)).toBe(2);
  });
});
