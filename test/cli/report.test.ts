import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/report';
import { INSTALL_LIBREOFFICE, PdfUnavailableError } from '../../src/node/pdf';
import { openSqlite } from '../../src/node/sqlite';
import { manualClock } from '../../src/platform/clock';
import { docxParagraphs, readZipEntry } from '../helpers/zip';
import { halfFilledReport } from '../fixtures';
import { loadWorkbook, renderedCells, visibleSheets } from '../helpers/xlsx-cells';
import { answerAndApprove, startedSeed } from '../helpers/summary';
import { CHAT } from '../helpers/collection';
import { writeT1Csv } from '../helpers/cli';

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

const SEEDS = join(import.meta.dirname, '..', 'fixtures', 'seeds');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jixiao-report-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('jixiao report', () => {
  it('writes the 自评表, the 自评报告 and the separate 评分说明与核查 of a stored, approved evaluation — no 草稿', async () => {
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
    expect(files).toEqual([
      '2019年度防范和处置非法集资专项业务经费-绩效自评报告.docx',
      '2019年度防范和处置非法集资专项业务经费-绩效自评表.xlsx',
      '2019年度防范和处置非法集资专项业务经费-评分说明与核查.xlsx',
    ]);
    const text = docxParagraphs(readZipEntry(readFileSync(join(dir, 'out', files[0]!)), 'word/document.xml')).join('\n');
    expect(text).toContain('评分结果为98.13分，绩效评级为“优”');
    expect(text).toContain('由4位责任人填报并经审核确认');
    expect(text).not.toContain('草稿');
    const sheet = await loadWorkbook(readFileSync(join(dir, 'out', files[1]!)));
    expect(visibleSheets(sheet)).toHaveLength(1);
  });

  it('scores a table file directly: 96.80 · 优, three files', async () => {
    const out = sink();
    const code = await run([join(SEEDS, '003-t7.json'), '--out', dir], out.stream, sink().stream);
    expect(code).toBe(0);
    expect(out.text()).toContain('专项业务费：96.80 分 · 优');
    const names = readdirSync(dir);
    expect(names).toHaveLength(3);
    expect(names.filter((n) => /评分说明|核查/.test(n))).toHaveLength(1);
  });

  it('an incomplete input (no 全年执行数, blank actuals) still exits 0, with 草稿 in every name and on the sheet', async () => {
    const file = join(dir, 'half.json');
    writeFileSync(file, JSON.stringify(halfFilledReport().input));
    const out = sink();
    const code = await run([file, '--out', join(dir, 'out')], out.stream, sink().stream);
    expect(code).toBe(0);
    expect(out.text()).toContain('防范和处置非法集资专项业务经费：50 分（未完成，草稿：全年执行数尚未填报，2项指标的实际完成值尚未填报）');
    const names = readdirSync(join(dir, 'out'));
    expect(names).toHaveLength(3);
    for (const n of names) expect(n).toContain('草稿');
    const sheet = names.find((n) => n.includes('绩效自评表'))!;
    const cells = renderedCells(await loadWorkbook(readFileSync(join(dir, 'out', sheet)))).map((c) => c.text);
    expect(cells).toContain('未完成（草稿）');
  });

  it('the clerk’s CSV with the 实际完成值 column still empty gives draft files too', async () => {
    const out = sink();
    expect(await run([writeT1Csv(dir), '--out', join(dir, 'out')], out.stream, sink().stream)).toBe(0);
    expect(readdirSync(join(dir, 'out')).every((n) => n.includes('（草稿）'))).toBe(true);
  });

  it('--pdf converts the 自评表 and the 自评报告 with the converter it is given', async () => {
    const seen: string[] = [];
    const out = sink();
    const code = await run([join(SEEDS, '003-t2.json'), '--out', dir, '--pdf'], out.stream, sink().stream, async (name, bytes) => {
      seen.push(name);
      expect(bytes.length).toBeGreaterThan(1000);
      return new TextEncoder().encode('%PDF-1.7 test');
    });
    expect(code).toBe(0);
    expect(seen).toEqual(['2019年度防范和处置非法集资专项业务经费-绩效自评表.xlsx', '2019年度防范和处置非法集资专项业务经费-绩效自评报告.docx']);
    expect(readdirSync(dir).filter((n) => n.endsWith('.pdf')).sort()).toEqual([
      '2019年度防范和处置非法集资专项业务经费-绩效自评报告.pdf',
      '2019年度防范和处置非法集资专项业务经费-绩效自评表.pdf',
    ]);
  });

  it('--pdf without LibreOffice says how to get one (exit 1), after writing the office files', async () => {
    const err = sink();
    const code = await run([join(SEEDS, '003-t2.json'), '--out', dir, '--pdf'], sink().stream, err.stream, async () => {
      throw new PdfUnavailableError(INSTALL_LIBREOFFICE);
    });
    expect(code).toBe(1);
    expect(err.text()).toContain('未找到 LibreOffice');
    expect(err.text()).toContain('apt-get install');
    expect(readdirSync(dir)).toHaveLength(3);
  });

  it('says what to type when the id is unknown or --out is missing', async () => {
    const err = sink();
    expect(await run(['ev_unknown', '--out', dir, '--db', join(dir, 'empty.sqlite')], sink().stream, err.stream)).toBe(1);
    expect(err.text()).toContain('找不到评价 ev_unknown');
  });
});
