import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/report';
import { openSqlite } from '../../src/node/sqlite';
import { manualClock } from '../../src/platform/clock';
import { docxParagraphs, readZipEntry } from '../helpers/zip';
import { answerAndApprove, startedSeed } from '../helpers/summary';
import { CHAT } from '../helpers/collection';

function sink() {
  let text = '';
  const stream = new Writable({
    write: (chunk, _enc, done) => {
      text += String(chunk);
      done();
    },
  });
  return { stream: stream as NodeJS.WritableStream, text: () => text };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jixiao-report-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('jixiao report', () => {
  it('writes both documents of a stored evaluation to --out', async () => {
    const dbPath = join(dir, 'jixiao.sqlite');
    const { db, close } = await openSqlite(dbPath);
    const deps = { db, clock: manualClock('2026-09-24T02:00:00Z') };
    const { evaluation, answers } = await startedSeed(deps, '003-t2', CHAT);
    await answerAndApprove(deps, evaluation, answers);
    await close();

    const out = sink();
    const err = sink();
    const code = await run([evaluation.id, '--out', join(dir, 'out'), '--db', dbPath], out.stream, err.stream);
    expect(err.text()).toBe('');
    expect(code).toBe(0);
    expect(out.text()).toContain('98.13 分 · 优');
    const files = readdirSync(join(dir, 'out')).sort();
    expect(files).toEqual(['2019年度防范和处置非法集资专项业务经费-绩效自评报告.docx', '2019年度防范和处置非法集资专项业务经费-绩效自评表.xlsx']);
    const text = docxParagraphs(readZipEntry(readFileSync(join(dir, 'out', files[0]!)), 'word/document.xml')).join('\n');
    expect(text).toContain('评分结果为98.13分，绩效评级为“优”');
    expect(text).toContain('由4位责任人填报并经审核确认');
  });

  it('scores a table file directly', async () => {
    const out = sink();
    const code = await run([join(import.meta.dirname, '..', 'fixtures', 'seeds', '003-t7.json'), '--out', dir], out.stream, sink().stream);
    expect(code).toBe(0);
    expect(out.text()).toContain('专项业务费：96.8 分 · 优');
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it('says what to type when the id is unknown or --out is missing', async () => {
    const err = sink();
    expect(await run(['ev_unknown', '--out', dir, '--db', join(dir, 'empty.sqlite')], sink().stream, err.stream)).toBe(1);
    expect(err.text()).toContain('找不到评价 ev_unknown');
  });
});
