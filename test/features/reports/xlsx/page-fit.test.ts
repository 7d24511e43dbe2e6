import { describe, expect, it } from 'vitest';
import type { EvaluationInput } from '../../../../src/domain/evaluation';
import { scoreEvaluation } from '../../../../src/domain/scoring/score-evaluation';
import { ONE_PAGE_INDICATORS } from '../../../../src/features/reports/xlsx/self-evaluation-sheet';
import { buildSelfEvaluationWorkbook } from '../../../../src/features/reports/xlsx/self-evaluation-workbook';
import { readZipEntry } from '../../../helpers/zip';
import { allReports, seed } from '../../../fixtures';

/**
 * The print arithmetic of the 自评表, redone from the file itself with Excel's own rules — not with the code that
 * wrote it: a column of width w (Calibri 11, maximum digit width 7 px) is trunc((256w + trunc(128/7)) / 256 · 7) px
 * (ECMA-376 Part 1 §18.3.1.13), 0.75 pt a px; rows are the `ht` written; A4 landscape is 841.89 × 595.28 pt less the
 * margins written. The table fits one page when Excel's fit-to-page scale min(printable ÷ size) keeps the text legible.
 */
interface Arithmetic {
  widthPt: number;
  heightPt: number;
  printableWidth: number;
  printableHeight: number;
  scale: number;
  setup: Record<string, string>;
  printTitles: string | null;
  lastRow: number;
}

function arithmetic(xlsx: Uint8Array): Arithmetic {
  const sheet = readZipEntry(xlsx, 'xl/worksheets/sheet1.xml');
  const workbook = readZipEntry(xlsx, 'xl/workbook.xml');
  const attrs = (tag: string) => Object.fromEntries([...(new RegExp(`<${tag} ([^>]*)/?>`).exec(sheet)?.[1] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
  const px = (w: number) => Math.trunc(((256 * w + Math.trunc(128 / 7)) / 256) * 7);
  let widthPt = 0;
  for (const m of sheet.matchAll(/<col min="(\d+)" max="(\d+)" width="([\d.]+)"/g)) widthPt += (Number(m[2]) - Number(m[1]) + 1) * px(Number(m[3])) * 0.75;
  const area = /_xlnm\.Print_Area[^>]*>[^!]*!\$A\$?1:\$I\$?(\d+)</.exec(workbook);
  const lastRow = Number(area![1]);
  let heightPt = 0;
  for (const m of sheet.matchAll(/<row r="(\d+)"[^>]*? ht="([\d.]+)"/g)) if (Number(m[1]) <= lastRow) heightPt += Number(m[2]);
  const margins = attrs('pageMargins');
  const printableWidth = 841.89 - (Number(margins.left) + Number(margins.right)) * 72;
  const printableHeight = 595.28 - (Number(margins.top) + Number(margins.bottom)) * 72;
  const setup = attrs('pageSetup');
  const tall = Number(setup.fitToHeight ?? 1);
  const scale = Math.min(1, printableWidth / widthPt, tall === 0 ? Infinity : printableHeight / heightPt);
  const titles = /_xlnm\.Print_Titles[^>]*>([^<]*)</.exec(workbook);
  return { widthPt, heightPt, printableWidth, printableHeight, scale, setup, printTitles: titles?.[1] ?? null, lastRow };
}

/** T1's rows repeated to `n` indicators (names made unique), the longest seed table made longer. */
function longTable(n: number): EvaluationInput {
  const t1 = seed('t1');
  const rows = Array.from({ length: n }, (_, i) => ({ ...t1.indicators[i % t1.indicators.length]!, name: `${t1.indicators[i % t1.indicators.length]!.name}（${i + 1}）` }));
  return { ...t1, indicators: rows };
}

async function sheetFor(input: EvaluationInput): Promise<Uint8Array> {
  return buildSelfEvaluationWorkbook({ input, result: scoreEvaluation(input), generatedAt: new Date('2020-05-20T02:00:00Z') });
}

describe('the 自评表 prints on one A4 landscape page (computed fit)', () => {
  it('003-t2 (seed 000), worked through: 750.75 × 426 pt on a printable 784.29 × 523.28 pt → 100 %', async () => {
    const a = arithmetic(await buildSelfEvaluationWorkbook(allReports()[2]![1]));
    // columns 10, 14, 12, 30, 16, 11, 8, 8, 34 → 70 + 98 + 84 + 210 + 112 + 77 + 56 + 56 + 238 = 1001 px × 0.75
    expect(a.widthPt).toBe(750.75);
    // title 28, 18 × 5, 32 (其中：当年财政拨款 on two lines), 18 × 3, 46 (the goals, 3 lines), 18 × 6, 32 (效益 row), 18 × 2
    expect(a.heightPt).toBe(426);
    expect(a.setup).toMatchObject({ paperSize: '9', orientation: 'landscape', fitToWidth: '1', fitToHeight: '1' });
    expect(a.printableWidth).toBeCloseTo(784.29, 2); // 841.89 − (0.4 + 0.4) × 72
    expect(a.printableHeight).toBeCloseTo(523.28, 2); // 595.28 − (0.5 + 0.5) × 72
    expect(a.widthPt).toBeLessThanOrEqual(a.printableWidth);
    expect(a.heightPt).toBeLessThanOrEqual(a.printableHeight);
    expect(a.scale).toBe(1);
    expect(a.setup.scale).toBe('100');
  });

  it.each(allReports())('%s: fitToPage with fitToHeight 1, and the scale that takes keeps 10 pt text at 7 pt or more', async (_name, data) => {
    const a = arithmetic(await buildSelfEvaluationWorkbook(data));
    expect(a.setup).toMatchObject({ fitToWidth: '1', fitToHeight: '1' });
    expect(a.scale).toBeGreaterThanOrEqual(0.7);
    // the explicit scale written for programs that print by scale is the same arithmetic
    expect(Number(a.setup.scale)).toBe(Math.floor(a.scale * 100));
  });

  it('003-t1, the longest seed: 876.75 × 604 pt → min(784.29 ÷ 876.75, 523.28 ÷ 604) = 86 %', async () => {
    const a = arithmetic(await buildSelfEvaluationWorkbook(allReports()[1]![1]));
    expect([a.widthPt, a.heightPt]).toEqual([876.75, 604]);
    expect(a.scale).toBeCloseTo(Math.min(784.29 / 876.75, 523.28 / 604), 4);
    expect(a.setup.scale).toBe('86');
  });

  it(`${ONE_PAGE_INDICATORS} indicators still fit one page, legibly (scale ≥ 55 %)`, async () => {
    const a = arithmetic(await sheetFor(longTable(ONE_PAGE_INDICATORS)));
    expect(a.setup.fitToHeight).toBe('1');
    expect(a.scale).toBeGreaterThanOrEqual(0.55);
    expect(Math.min(a.printableWidth / a.widthPt, a.printableHeight / a.heightPt)).toBeCloseTo(a.scale, 6);
  });

  it(`past ${ONE_PAGE_INDICATORS} indicators the table runs across pages at full width, the header row repeated`, async () => {
    const a = arithmetic(await sheetFor(longTable(ONE_PAGE_INDICATORS + 5)));
    expect(a.setup).toMatchObject({ fitToWidth: '1', fitToHeight: '0' });
    expect(a.heightPt).toBeGreaterThan(a.printableHeight);
    expect(a.printTitles).toMatch(/\$12:\$12$/);
    expect(a.scale).toBeGreaterThanOrEqual(0.9);
  });
});

describe('row heights hold the text of every column, the target included', () => {
  // 宋体 10 pt as Excel sets it: a CJK character 10 pt wide, any other 5 pt, 13.5 pt a line, ~4 pt of cell padding
  const em = (s: string) => [...s].reduce((n, ch) => n + (/[\u2e80-\ua4cf\uff00-\uff60“”‘’—…]/.test(ch) ? 1 : 0.5), 0);
  const lines = (text: string, widthPt: number) => text.split('\n').reduce((n, p) => n + Math.max(1, Math.ceil(em(p) / Math.floor((widthPt - 6) / 10))), 0);

  it.each([
    ...allReports().map(([name, data]): [string, EvaluationInput] => [name, data.input]),
    ['a long target (review #13)', { ...seed('t7'), indicators: seed('t7').indicators.map((r, i) => (i === 7 ? { ...r, target: '总市值全国排名稳步向前，上市公司数量和融资规模保持全国中游以上水平' } : r)) }],
  ] as Array<[string, EvaluationInput]>)('%s', async (_name, input) => {
    const bytes = await sheetFor(input);
    const sheet = readZipEntry(bytes, 'xl/worksheets/sheet1.xml');
    const strings = [...readZipEntry(bytes, 'xl/sharedStrings.xml').matchAll(/<si>(?:<t[^>]*>)?([\s\S]*?)(?:<\/t>)?<\/si>/g)].map((m) =>
      m[1]!.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
    );
    const px = (w: number) => Math.trunc(((256 * w + Math.trunc(128 / 7)) / 256) * 7);
    const widths = [...sheet.matchAll(/<col min="(\d+)" max="(\d+)" width="([\d.]+)"/g)].flatMap((m) => Array(Number(m[2]) - Number(m[1]) + 1).fill(px(Number(m[3])) * 0.75) as number[]);
    const merged = new Set([...sheet.matchAll(/<mergeCell ref="([A-Z]+\d+):[A-Z]+\d+"/g)].map((m) => m[1]));
    const header = /<c r="B(\d+)"[^>]*t="s"><v>(\d+)<\/v>/g;
    let headerRow = 0;
    for (const m of sheet.matchAll(header)) if (strings[Number(m[2])] === '一级指标') headerRow = Number(m[1]);
    expect(headerRow).toBeGreaterThan(0);
    let checked = 0;
    for (const row of sheet.matchAll(/<row r="(\d+)"[^>]*? ht="([\d.]+)"[^>]*>([\s\S]*?)<\/row>/g)) {
      const r = Number(row[1]);
      if (r <= headerRow) continue;
      for (const c of row[3]!.matchAll(/<c r="([D-I])\d+"[^>]*t="s"><v>(\d+)<\/v>/g)) {
        if (merged.has(`${c[1]}${r}`)) continue;
        const text = strings[Number(c[2])]!;
        const need = lines(text, widths[c[1]!.charCodeAt(0) - 65]!) * 13.5;
        expect(Number(row[2]), `row ${r} column ${c[1]}: “${text}”`).toBeGreaterThanOrEqual(need);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(input.indicators.length * 2);
  });
});
