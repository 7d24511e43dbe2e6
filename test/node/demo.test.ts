import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evaluationInputSchema } from '../../src/domain/evaluation';
import { runDemo } from '../../src/node/demo';
import { SEED_000_SHEET } from '../../src/node/demo-seed';
import { docxParagraphs, readZipEntry } from '../helpers/zip';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jixiao-demo-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run demo', () => {
  it('runs seed 000 through the fake Lark and ends with 98.13 分 · 优 and two files that open', { timeout: 120_000 }, async () => {
    const lines: string[] = [];
    const result = await runDemo({ outDir: dir, write: (l) => lines.push(l) });

    expect(lines.at(-1)).toBe('98.13 分 · 优');
    expect(result).toMatchObject({ total: 98.13, grade: '优' });

    // the conversation as each person sees it: the group and every private chat
    const text = lines.join('\n');
    for (const view of ['群聊「防范和处置非法集资专项业务经费绩效自评」', '赵敏 的私聊', '李强 的私聊', '王芳 的私聊', '陈刚 的私聊']) {
      expect(text).toContain(`━━━ ${view} ━━━`);
    }
    expect(text).toContain('绩效自评汇总 · 2019年度 · 总分 98.13 分 · 优');
    expect(text).toContain('绩效自评助手：📎 2019年度防范和处置非法集资专项业务经费-绩效自评表.xlsx');

    const [xlsx, docx] = [result.files.find((f) => f.endsWith('.xlsx'))!, result.files.find((f) => f.endsWith('.docx'))!];
    expect(basename(docx)).toBe('2019年度防范和处置非法集资专项业务经费-绩效自评报告.docx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
    const totals: unknown[] = [];
    wb.worksheets[0]!.eachRow((row) => row.getCell(1).value === '总分' && totals.push(row.getCell(8).value));
    expect(totals).toEqual([98.13]);
    const report = docxParagraphs(readZipEntry(readFileSync(docx), 'word/document.xml')).join('\n');
    expect(report).toContain('评分结果为98.13分，绩效评级为“优”');
    expect(report).toContain('由4位责任人填报并经审核确认');
    expect(report).toContain('因未列入电子设备购置计划未执行相关资金');
  });

  it('uses seed 000 as transcribed in the engine fixture (003-t2), without the answers', () => {
    const fixture = evaluationInputSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'seeds', '003-t2.json'), 'utf8')));
    expect(SEED_000_SHEET.project).toEqual(fixture.project);
    expect(SEED_000_SHEET.goals).toEqual(fixture.goals);
    expect([SEED_000_SHEET.budget.initial, SEED_000_SHEET.budget.fullYear]).toEqual([fixture.budget.initial, fixture.budget.fullYear]);
    expect(SEED_000_SHEET.indicators.map(({ level1, level2, name, target, weight }) => ({ level1, level2, name, target, weight }))).toEqual(
      fixture.indicators.map(({ level1, level2, name, target, weight }) => ({ level1, level2, name, target, weight })),
    );
  });
});
