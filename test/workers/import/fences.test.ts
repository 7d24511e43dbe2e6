import { describe, expect, it } from 'vitest';
import { evaluationInputSchema } from '../../../src/domain/evaluation';
import { scoreEvaluation } from '../../../src/domain/scoring/score-evaluation';
import { inflateRaw } from '../../../src/import/fences/inflate';
import { DEFAULT_FILE_LIMITS } from '../../../src/import/fences/limits';
import { createInlineTableReader } from '../../../src/import/fences/runner';
import { readZipDirectory } from '../../../src/import/fences/zip-directory';
import { rebuildZip } from '../../../src/import/fences/zip-rebuild';
import { buildSelfEvaluationWorkbook } from '../../../src/features/reports/xlsx/self-evaluation-workbook';
import t1 from '../../fixtures/seeds/003-t1.json';

// The fences are pure: on workerd the inline runner reads inside the same limits (DecompressionStream
// 'deflate-raw', the zip rebuild, exceljs on the trimmed bytes), with the isolate's CPU limit as the time fence.
const reader = createInlineTableReader(DEFAULT_FILE_LIMITS);

async function workbook(): Promise<Uint8Array> {
  const input = evaluationInputSchema.parse(t1);
  return buildSelfEvaluationWorkbook({ input, result: scoreEvaluation(input), generatedAt: new Date('2020-05-20T02:00:00Z') });
}

/** The workbook with its first sheet's XML edited (the zip tools under test double as the editor here). */
async function edited(bytes: Uint8Array, edit: (xml: string) => string): Promise<Uint8Array> {
  const dir = readZipDirectory(bytes, DEFAULT_FILE_LIMITS);
  if (!dir.ok) throw new Error('fixture is not a zip');
  const entry = dir.entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
  const inflated = await inflateRaw(bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize), entry.uncompressedSize, true);
  if (!inflated.ok) throw new Error('fixture sheet does not inflate');
  const xml = edit(new TextDecoder().decode(inflated.bytes!));
  return rebuildZip(bytes, dir.entries, new Map([[entry.name, new TextEncoder().encode(xml)]]));
}

describe('import fences inside workerd', () => {
  it('reads an ordinary workbook, a banner merged across the whole row, and refuses a value at XFD1048576', async () => {
    const bytes = await workbook();
    const plain = await reader.readFile(bytes, 't1.xlsx');
    expect(plain.ok && plain.evaluation.indicators.length).toBe(t1.indicators.length);

    const banner = await edited(bytes, (xml) => xml.replace(/<mergeCell ref="A1:[A-Z]+1"\/>/, '<mergeCell ref="A1:XFD1"/>'));
    expect(await reader.readFile(banner, 't1.xlsx')).toEqual(plain);

    const far = await edited(bytes, (xml) => xml.replace('</sheetData>', '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'));
    const refused = await reader.readFile(far, 't1.xlsx');
    // The 自评表 now has one sheet, so the far cell refuses the whole file, naming the limit and the cell.
    expect(refused.ok ? '' : refused.errors[0]!.message).toBe('表格超过 300 行，请只保留指标表部分后重新导入：工作表“项目支出绩效自评表”的 XFD1048576 单元格还有内容，请删除表格下方或右侧多余的内容。');
  });

  it('refuses a 20 000-row CSV and a 100 KB pasted cell, naming the limit', async () => {
    const csv = ['三级指标,年度指标值,分值', ...Array.from({ length: 20_000 }, (_, i) => `指标${i},≥1次,1`)].join('\n');
    const big = await reader.readFile(new TextEncoder().encode(csv), 'big.csv');
    expect(big.ok ? '' : big.errors[0]!.message).toBe('表格超过 300 行，请只保留指标表部分后重新导入：这张表有 20001 行。');
    const paste = await reader.readPasted(`三级指标\t年度指标值\t分值\n培训\t${'1,'.repeat(50_000)}\t10`);
    expect(paste.ok ? '' : paste.errors[0]!.message).toMatch(/^B2 单元格有 100000 个字符，超过 2000 个字符的上限/);
  });
});
