import { describe, expect, it } from 'vitest';
import { composeReport, reportText } from '../../../../src/features/reports/docx/compose';
import { scoreSentence } from '../../../../src/features/reports/docx/sections/conclusion';
import { buildSelfEvaluationReport } from '../../../../src/features/reports/docx/self-evaluation-report';
import { docxParagraphs, readZipEntry } from '../../../helpers/zip';
import { SEED_TABLES, seedReport } from '../../../fixtures';

const SECTIONS = ['一、基本情况', '二、绩效目标和绩效评价工作开展情况', '三、综合评价情况及评价结论', '四、绩效评价指标分析', '五、存在的问题及原因分析', '六、有关建议'];

async function paragraphsOf(table: (typeof SEED_TABLES)[number]): Promise<string[]> {
  return docxParagraphs(readZipEntry(await buildSelfEvaluationReport(seedReport(table)), 'word/document.xml'));
}

describe('自评报告 (.docx)', () => {
  it('003-t2 (seed 000): the document holds the score and grade sentence', async () => {
    const paragraphs = await paragraphsOf('t2');
    expect(paragraphs.some((p) => p.includes('评分结果为98.13分，绩效评级为“优”。'))).toBe(true);
    expect(paragraphs[0]).toBe('2019年度防范和处置非法集资专项业务经费绩效自评报告');
  });

  it('numbers the printed pages in the footer', async () => {
    const bytes = await buildSelfEvaluationReport(seedReport('t2'));
    const footer = readZipEntry(bytes, 'word/footer1.xml');
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
  });

  it('003-t2: 资金投入和使用情况 states the amounts and the computed rate, as seed 000 does', async () => {
    const text = (await paragraphsOf('t2')).join('\n');
    expect(text).toContain('全年预算数66.19万元，其中当年财政拨款30万元、上年结转资金36.19万元');
    expect(text).toContain('全年执行数53.84万元');
    expect(text).toContain('结余12.35万元，预算执行率81.34%');
    expect(text).toContain('（当年财政拨款执行17.65万元、上年结转资金执行36.19万元）');
  });

  it('003-t2: a qualitative row is reported by its band, a quantitative one by its value', async () => {
    const text = (await paragraphsOf('t2')).join('\n');
    expect(text).toContain('社会效益指标 提高群众风险防范意识：年度指标值为“非法集资案件下降”，完成情况：80%，评定为“达成”档，已达成，得分30分（分值30分）。');
    expect(text).toContain('数量指标 宣传品数量：年度指标值≥15000份，实际完成值16000，已达成，得分10分（分值10分）。');
  });

  it.each(SEED_TABLES)('003-%s: follows the seed report structure, in order, with no placeholder left', async (table) => {
    const paragraphs = await paragraphsOf(table);
    const positions = SECTIONS.map((s) => paragraphs.indexOf(s));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const text = paragraphs.join('\n');
    expect(text).not.toMatch(/undefined|null|NaN|\{\w+\}|XX|××|＿|__|待补充|TODO/);
    const data = seedReport(table);
    expect(text).toContain(scoreSentence(data));
    // every indicator is analysed with its target and actual
    for (const row of data.result.indicators) expect(text).toContain(row.name);
  });

  it('003-t1: 存在的问题 comes from the deviation reasons, 有关建议 from the problems found', async () => {
    const blocks = composeReport(seedReport('t1'));
    const text = reportText(blocks);
    const problems = text.slice(text.indexOf('五、存在的问题及原因分析'), text.indexOf('六、有关建议'));
    expect(problems).toContain('预算执行率54.29%');
    expect(problems).toContain('召开小额贷款公司、融资担保公司、互联网金融行业监管等相关培训会议未达到年度指标值');
    expect(problems).toContain('因费用无法报销而未开展');
    const advice = text.slice(text.indexOf('六、有关建议'));
    expect(advice).toContain('加强预算执行管理');
    expect(advice).toContain('2020年度');
  });

  it('003-t6: a table with nothing to fix says so instead of inventing problems', async () => {
    const text = reportText(composeReport(seedReport('t6')));
    const problems = text.slice(text.indexOf('五、存在的问题及原因分析'), text.indexOf('六、有关建议'));
    expect(problems).not.toContain('预算执行不充分');
    expect(problems).not.toContain('未达到年度指标值');
  });
});
