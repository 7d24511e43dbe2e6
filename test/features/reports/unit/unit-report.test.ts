import { describe, expect, it } from 'vitest';
import { buildUnitReport, unitOf } from '../../../../src/features/reports/unit/unit-report';
import { crc32 } from '../../../../src/features/reports/zip';
import { docxParagraphs, readZipEntry } from '../../../helpers/zip';
import { halfFilledReport, SEED_TABLES, seedReport } from '../../../fixtures';
import { loadWorkbook, visibleSheets } from '../../../helpers/xlsx-cells';
import { section } from '../../../helpers/report-text';

const DATE = new Date('2020-05-20T02:00:00Z');

/** Names of the entries of a .zip, from its central directory. */
function zipNames(zip: Uint8Array): string[] {
  const buf = Buffer.from(zip);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const names: string[] = [];
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < buf.readUInt16LE(eocd + 10); i++) {
    const len = buf.readUInt16LE(p + 28);
    expect(buf.readUInt16LE(p + 8) & 0x0800).toBe(0x0800); // UTF-8 names
    names.push(buf.subarray(p + 46, p + 46 + len).toString('utf8'));
    p += 46 + len + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return names;
}

describe('单位项目支出绩效自评报告 (seed 002 structure) and the zip of 自评表', () => {
  it('CRC-32 is the standard one', () => {
    expect(crc32(new TextEncoder().encode('123456789')).toString(16)).toBe('cbf43926');
  });

  it('covers every project of the year: the project table, targets and results, problems and suggestions across projects', async () => {
    const list = SEED_TABLES.map((t) => seedReport(t));
    const { docx, zip } = await buildUnitReport(list, { unit: '自治区地方金融监督管理局', generatedAt: DATE });
    expect(docx.name).toBe('自治区地方金融监督管理局2019年度项目支出绩效自评报告.docx');
    const paragraphs = docxParagraphs(readZipEntry(docx.data, 'word/document.xml')).filter(Boolean);
    expect(paragraphs[0]).toBe('自治区地方金融监督管理局2019年度项目支出绩效自评报告');
    for (const h of ['一、项目支出基本情况', '（一）项目支出资金概况', '（二）项目绩效目标情况', '二、绩效评价工作情况', '三、项目支出主要绩效', '四、存在的问题', '五、有关建议', '六、其他需要说明的问题']) {
      expect(paragraphs).toContain(h);
    }
    // the project table: 项目名称、项目类型、资金用途、预算金额、支出金额, with a 合计 that adds up
    const table = section(paragraphs, '（一）项目支出资金概况', '（二）');
    expect(table.slice(1, 6)).toEqual(['项目名称', '项目类型', '资金用途、使用方向', '预算金额', '支出金额']);
    const budget = list.reduce((s, d) => s + d.result.budget.fullYear, 0);
    expect(table.slice(table.indexOf('合计'))).toEqual(['合计', String(Math.round(budget * 100) / 100), expect.any(String)]);
    const text = paragraphs.join('\n');
    for (const d of list) {
      expect(text).toContain(d.input.project.name);
      expect(text).toContain(`${d.input.project.name}：自评得分`);
    }
    expect(text).toContain('“教育水平”在自评表中重复出现');
    expect(text).toContain('1.加强预算执行管理。');
    expect(section(paragraphs, '六、')[0]).toBe('无。');

    const names = zipNames(zip.data);
    expect(zip.name).toBe('自治区地方金融监督管理局2019年度项目支出绩效自评表.zip');
    expect(names).toHaveLength(7);
    expect(names[0]).toBe('2019年度金融监管专项经费-绩效自评表.xlsx');
    for (const name of names) {
      const wb = await loadWorkbook(await entryBytes(zip.data, name));
      expect(visibleSheets(wb)).toHaveLength(1);
    }
  });

  it('a project still open makes the roll-up a draft and is named in 六', async () => {
    const { docx, zip } = await buildUnitReport([seedReport('t1'), halfFilledReport()], { generatedAt: DATE });
    expect(docx.name).toBe('自治区地方金融监督管理局2019年度项目支出绩效自评报告（草稿）.docx');
    expect(zip.name).toContain('（草稿）');
    expect(zipNames(zip.data)).toContain('2019年度防范和处置非法集资专项业务经费-绩效自评表（草稿）.xlsx');
    const paragraphs = docxParagraphs(readZipEntry(docx.data, 'word/document.xml')).filter(Boolean);
    expect(paragraphs[1]).toBe('未完成（草稿）');
    expect(section(paragraphs, '六、')[0]).toMatch(/^“防范和处置非法集资专项业务经费”的评价尚未完成（全年执行数尚未填报/);
    expect(unitOf([seedReport('t1'), seedReport('t2')])).toEqual({ unit: '自治区地方金融监督管理局', year: '2019' });
  });
});

/** An entry's bytes (stored entries: the data follows the local header). */
async function entryBytes(zip: Uint8Array, name: string): Promise<Uint8Array> {
  const buf = Buffer.from(zip);
  let p = 0;
  while (buf.readUInt32LE(p) === 0x04034b50) {
    const size = buf.readUInt32LE(p + 18);
    const nameLen = buf.readUInt16LE(p + 26);
    const extra = buf.readUInt16LE(p + 28);
    const entry = buf.subarray(p + 30, p + 30 + nameLen).toString('utf8');
    const start = p + 30 + nameLen + extra;
    if (entry === name) return new Uint8Array(buf.subarray(start, start + size));
    p = start + size;
  }
  throw new Error(`${name} not in zip`);
}
