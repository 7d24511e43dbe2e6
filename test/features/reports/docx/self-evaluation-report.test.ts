import { describe, expect, it } from 'vitest';
import { buildSelfEvaluationReport } from '../../../../src/features/reports/docx/self-evaluation-report';
import { scoreSentence } from '../../../../src/features/reports/docx/sections/conclusion';
import { readZipEntry } from '../../../helpers/zip';
import { allReports, seedReport } from '../../../fixtures';
import { paragraphsOf, section } from '../../../helpers/report-text';

/** 财预〔2020〕10号 附件 项目支出绩效评价报告（参考提纲）, as seed 000 follows it. */
const OUTLINE = [
  '一、基本情况',
  '二、绩效评价工作开展情况',
  '三、综合评价情况及评价结论',
  '四、绩效评价指标分析',
  '五、主要经验及做法、存在的问题及原因分析',
  '六、有关建议',
  '七、其他需要说明的问题',
];

describe('自评报告 (.docx): the official outline', () => {
  it.each(allReports())('%s: headings 一、…七、 are literal text at the start of their own paragraphs, in order', async (_name, data) => {
    const paragraphs = await paragraphsOf(data);
    const positions = OUTLINE.map((h) => paragraphs.indexOf(h));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // 一 holds the 项目概况 (背景, 主要内容, 资金) and the 绩效目标, as the outline asks
    expect(section(paragraphs, '一、', '二、')).toEqual(
      expect.arrayContaining(['（一）项目概况', '1.项目背景', '2.主要内容及实施情况', '3.资金投入和使用情况', '（二）项目绩效目标', '1.总体目标']),
    );
    expect(section(paragraphs, '五、', '六、').slice(0, 1)).toEqual(['（一）主要经验及做法']);
    // then the unit, 联系人/联系电话 and the date
    const tail = paragraphs.slice(-3);
    expect(tail[1]).toMatch(/^联系人：.*联系电话：/);
    expect(tail[2]).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    const text = paragraphs.join('\n');
    expect(text).not.toMatch(/undefined|null|NaN|\{\w+\}|XX|××|＿|__|待补充|TODO/);
    expect(text).toContain(data.result.indicators[0]!.name);
  });

  it('七 says “无” when there is nothing else to state', async () => {
    expect(section(await paragraphsOf(seedReport('t6')), '七、')[0]).toBe('无。');
  });

  it('headings keep with the next paragraph and use no Word auto-numbering; the 公文 page setup stays', async () => {
    const xml = readZipEntry(await buildSelfEvaluationReport(seedReport('t2')), 'word/document.xml');
    const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    const text = (p: string) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
    const headings = paragraphs.filter((p) => /^(?:[一二三四五六七]、|（[一二三四五六七]）|\d\.[^\d])/.test(text(p)) && text(p).length < 30 && !/。$/.test(text(p)));
    expect(headings.length).toBeGreaterThanOrEqual(20);
    for (const h of headings) {
      expect(h, text(h)).toContain('<w:keepNext/>');
      expect(h, text(h)).not.toContain('<w:numPr>');
    }
    expect(xml).not.toContain('<w:numPr>');
    // A4, margins 37/35/28/26 mm (GB/T 9704)
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588"/);
  });

  it('page numbers read “— N —”', async () => {
    const footer = readZipEntry(await buildSelfEvaluationReport(seedReport('t2')), 'word/footer1.xml');
    expect(footer).toMatch(/<w:t xml:space="preserve">— <\/w:t>[\s\S]*PAGE[\s\S]*<w:t xml:space="preserve"> —<\/w:t>/);
    expect(footer).not.toMatch(/NUMPAGES|第|共/);
  });

  it('003-t2 (seed 000): title, opening, the score sentence and the money of 一', async () => {
    const data = seedReport('t2');
    const paragraphs = await paragraphsOf(data);
    expect(paragraphs[0]).toBe('2019年度防范和处置非法集资专项业务经费绩效自评报告');
    expect(paragraphs).toContain(scoreSentence(data));
    expect(scoreSentence(data)).toContain('评分结果为98.13分，绩效评级为“优”。');
    expect(paragraphs).toContain(
      '2019年度项目全年预算数66.19万元，其中当年财政拨款30万元、上年结转资金36.19万元。全年执行数53.84万元（当年财政拨款17.65万元、上年结转资金36.19万元），结余12.35万元，预算执行率81.34%。',
    );
  });

  it('003-t3: a name that starts with its year is not prefixed with the year again', async () => {
    const text = (await paragraphsOf(seedReport('t3'))).join('\n');
    expect(text).not.toMatch(/(\d{4})年度?\s*\1年/);
    expect(text).toContain('2019年学前双语支教干部生活补助和南疆工作补贴绩效自评报告');
  });

  it('the regional profile is named, with what it changed (003-t1 under yitihua: 86 → 69)', async () => {
    const paragraphs = await paragraphsOf(seedReport('t1', { profile: 'yitihua' }));
    const text = paragraphs.join('\n');
    expect(text).toContain('同时执行预算管理一体化平台绩效自评规则：总分按预算执行率设定上限，执行率70%至80%的不超过89分');
    expect(text).toContain(
      '按预算管理一体化平台绩效自评规则，4项指标完成值超过年度指标值30%及以上，共减8分；预算执行率54.29%，总分不超过69分，由86分调整为69分。',
    );
    expect(text).toContain('评分结果为69分，绩效评级为“中”');
    // the table of 三 shows the cap as its own line, so its rows still add up to the total
    const table = section(paragraphs, '三、', '四、');
    expect(table.slice(table.indexOf('按执行率限定总分'), table.indexOf('按执行率限定总分') + 5)).toEqual(['按执行率限定总分', '-17', '总分', '100', '69']);
  });
});
