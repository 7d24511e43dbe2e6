import { describe, expect, it } from 'vitest';
import { readPastedTable, readTable, type ReadTableResult } from '../../../src/import/tables/read-table';
import { adversarialPaste, bigCsv, hostile, seedBytes } from './hostile-files';

/**
 * Review F1/F2: each hostile file is refused with a Chinese message naming the limit, or imports when what the
 * person meant is a small table. Before the fences, several of these ran for minutes or exhausted the heap; the
 * per-test timeout is the bound (generous for a shared CI machine: the real figures are in `npm run bench
 * reliability-files`).
 */
const REFUSE_BOUND_MS = 3_000;
/** Imports run exceljs and the layout reader on the whole seed table, a few hundred ms when the machine is idle. */
const IMPORT_BOUND_MS = 10_000;

function refusal(result: ReadTableResult): string {
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.errors.map((e) => e.message).join('\n');
}

/** A limit is named: a number with its unit and 超过/上限/最多. */
const NAMES_A_LIMIT = /超过 ?[\d.]+ ?(?:MB|KB|行|列|个|处|项)|上限|最多/;

const seed = await readTable(seedBytes(), '003-t1.xlsx');
// Built once, before any test's clock starts: building them (deflating 60 MB) is not the reader's work.
const built = Object.fromEntries(Object.entries(hostile).map(([name, make]) => [name, make()])) as Record<keyof typeof hostile, Uint8Array>;
const file = (name: keyof typeof hostile) => () => built[name];

describe('hostile spreadsheets are refused, naming the limit', () => {
  it.each([
    ['a value at XFD1048576', file('farCell'), /表格超过 300 行，请只保留指标表部分后重新导入.*XFD1048576 单元格还有内容/],
    ['shared strings claiming 200 MB', file('sharedStringsClaim'), /文字内容超过 10 MB 的上限/],
    ['an honest 60 MB bomb', file('honestBomb'), /解压后超过 50 MB 的上限/],
    ['a worksheet lying about its size', file('lyingBomb'), /“xl\/worksheets\/sheet1.xml”解压后超过了文件目录声明的 [\d.]+ KB/],
    ['a 21 MB worksheet', file('hugeSheet'), /工作表“项目支出绩效自评表”的数据超过 20 MB 的上限/],
    ['2 000 parts', file('manyParts'), /2\d{3} 个组成部分，超过 1000 个的上限/],
    ['a DTD', file('doctype'), /无法打开这个 Excel 文件/],
    ['a Compound File (.xls or password)', file('oleFile'), /打开密码，或是旧的 \.xls 格式/],
  ])('%s', async (_name, make, message) => {
    const text = refusal(await readTable(make(), 'hostile.xlsx'));
    expect(text).toMatch(message);
    if (!/无法打开|打开密码/.test(text)) expect(text).toMatch(NAMES_A_LIMIT);
  }, REFUSE_BOUND_MS);

  it('a file over 10 MB, before it is opened', async () => {
    const text = refusal(await readTable(new Uint8Array(10 * 1024 * 1024 + 1), 'big.xlsx'));
    expect(text).toBe('文件超过 10 MB 的上限。请只保留指标表部分后重新导入（删除图片和其他工作表）。');
  }, REFUSE_BOUND_MS);

  it('a lower limit from the configuration is the one named', async () => {
    const text = refusal(await readTable(seedBytes(), '003-t1.xlsx', { limits: { ...(await import('../../../src/import/fences/limits')).DEFAULT_FILE_LIMITS, maxRows: 20 } }));
    expect(text).toMatch(/表格超过 20 行.*“项目支出绩效自评表”的 [A-J]2\d 单元格还有内容/);
  }, REFUSE_BOUND_MS);
});

describe('huge-looking but small tables import as the person meant', () => {
  it.each([
    ['a banner merged across the whole title row', file('bannerRowMerge')],
    ['a whole-row merge below the table', file('rowMerge')],
    ['a whole-column merge', file('columnMerge')],
    ['a merge from A200 to XFD1048576', file('mergeBomb')],
    ['an empty styled cell at XFD1048576', file('farEmptyCell')],
    ['a <dimension> of A1:XFD1048576', file('hugeDimension')],
    ['a drop-down list on every column', file('wholeColumnValidation')],
    ['column widths to column 10⁹', file('absurdColumns')],
  ])('%s', async (_name, make) => {
    const result = await readTable(make(), '003-t1.xlsx');
    expect(result).toEqual(seed);
  }, IMPORT_BOUND_MS);

  it('a 5 000-row second sheet is skipped with a note, the indicator sheet is read', async () => {
    const result = await readTable(built.bigSecondSheet, '003-t1.xlsx');
    expect(result.ok).toBe(true);
    if (!result.ok || !seed.ok) return;
    expect(result.evaluation).toEqual(seed.evaluation);
    expect(result.notes).toContain('工作表“明细”超过 300 行（A301 单元格有内容），已跳过这个工作表；如果指标表在这个工作表里，请只保留指标表部分后重新导入。');
  }, IMPORT_BOUND_MS);
});

describe('CSV files and pasted tables: the same row and cell-length limits', () => {
  it('a 20 000-row CSV', async () => {
    expect(refusal(await readTable(bigCsv(), 'big.csv'))).toBe('表格超过 300 行，请只保留指标表部分后重新导入：这张表有 20001 行。');
  }, REFUSE_BOUND_MS);

  it('a 100 KB pasted 年度指标值 of 1,111,…', () => {
    expect(refusal(readPastedTable(adversarialPaste()))).toMatch(/^D4 单元格有 100005 个字符，超过 2000 个字符的上限。/);
  }, REFUSE_BOUND_MS);

  it('a pasted table of 5 000 rows', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `产出指标\t数量指标\t指标${i}\t≥1次\t1`).join('\n');
    expect(refusal(readPastedTable(`一级指标\t二级指标\t三级指标\t年度指标值\t分值\n${rows}`))).toMatch(/^表格超过 300 行.*这张表有 5001 行/);
  }, REFUSE_BOUND_MS);

  it('a CSV 120 columns wide', async () => {
    const wide = new TextEncoder().encode(`${Array.from({ length: 120 }, (_, i) => `c${i}`).join(',')}\n1,2\n`);
    expect(refusal(await readTable(wide, 'wide.csv'))).toBe('表格超过 50 列，请只保留指标表部分后重新导入：第 1 行有 120 列。');
  }, REFUSE_BOUND_MS);

  it('trailing empty rows and columns (Excel CSV export) are not counted', async () => {
    const csv = new TextDecoder().decode(bigCsv(5)).split('\n').map((l) => `${l},,,,,,,,`).join('\n') + '\n,,,,'.repeat(1000);
    const result = await readTable(new TextEncoder().encode(csv), 'padded.csv');
    expect(refusal(result)).not.toMatch(/超过 300 行|超过 50 列/);
  }, REFUSE_BOUND_MS);

  it('a JSON input with 500 indicators', async () => {
    const input = { project: { name: 'x' }, budget: { fullYear: 1 }, indicators: Array.from({ length: 500 }, () => ({ level1: 'a', level2: 'b', name: 'c', target: '1', weight: 1 })) };
    expect(refusal(await readTable(new TextEncoder().encode(JSON.stringify(input)), 'x.json'))).toBe('文件里有 500 项指标，超过 300 项的上限。请分成几张表分别导入。');
  }, REFUSE_BOUND_MS);
});
