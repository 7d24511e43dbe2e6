import { describe, expect, it } from 'vitest';
import { scoreEvaluation } from '../../../../src/domain/scoring/score-evaluation';
import type { ReportData } from '../../../../src/features/reports/model';
import { actualWithUnit } from '../../../../src/features/reports/docx/phrases';
import { allReports, demoReport, seed, seedReport } from '../../../fixtures';
import { paragraphsOf, repeats, section, sentences } from '../../../helpers/report-text';

const REPORTS = allReports();

describe('自评报告 reads like a report a person signs', () => {
  it('the repetition check finds a sentence or a clause after a colon stated twice — it can fail', () => {
    expect(repeats(['项目年度总体目标为：提高群众防范意识。', '1.总体目标：提高群众防范意识。'])).toEqual(['提高群众防范意识']);
    expect(repeats(['预算执行率81.34%，该项得分8.13分。', '（一）预算执行率81.34%，该项得分8.13分。'])).toHaveLength(1);
  });

  it.each(REPORTS)('%s: no sentence, and no clause after a colon, appears twice', async (_name, data) => {
    const paragraphs = await paragraphsOf(data);
    expect(sentences(paragraphs).length).toBeGreaterThan(30);
    expect(repeats(paragraphs)).toEqual([]);
  });

  it.each(REPORTS)('%s: the 总体目标 and every reason a person wrote are quoted once', async (_name, data) => {
    const text = (await paragraphsOf(data)).join('\n');
    const quoted = [data.input.goals?.expected, data.input.budget.deviationReason, ...data.input.indicators.map((r) => r.deviationReason)].filter(
      (t): t is string => Boolean(t && t.trim()),
    );
    for (const t of quoted) expect(text.split(t.trim().replace(/[。；]$/, '')).length - 1, t).toBe(1);
  });

  it.each(REPORTS)('%s: every actual carries its unit, every target is quoted as 为“…”', async (_name, data) => {
    const analysis = section(await paragraphsOf(data), '四、', '五、').join('\n');
    data.result.indicators.forEach((row, i) => {
      if (!row.applicable || row.score === null || analysis.includes(`与第`) && analysis.includes(`“${row.name}”与第`)) return;
      expect(analysis, row.name).toContain(`“${row.name}”年度指标值为“${row.target.trim()}”`);
      if (row.kind !== 'qualitative' && row.kind !== 'time' && row.actual && row.unit) expect(analysis, row.name).toContain(`实际完成${actualWithUnit(row)}`);
      void i;
    });
    expect(analysis).not.toMatch(/实际完成值\d/);
  });

  it('seed 000 (demo): “实际完成1场”, “实际完成16000份”, “实际完成85%”', async () => {
    const analysis = section(await paragraphsOf(demoReport()), '四、', '五、').join('\n');
    for (const phrase of ['实际完成1场', '实际完成16000份', '实际完成1次', '实际完成85%']) expect(analysis).toContain(phrase);
    expect(analysis).toContain('年度指标值为“≥1场”');
  });

  it.each(REPORTS)('%s: one item is not called 各项; no band syntax, no 得分率, consistent decimals', async (_name, data) => {
    const paragraphs = await paragraphsOf(data);
    const text = paragraphs.join('\n');
    for (const p of paragraphs) if (/^\S+?1项，/.test(p)) expect(p).not.toMatch(/各项|均已/);
    expect(text).not.toMatch(/(?:未达成|部分达成|达成)\s*\d/);
    expect(text).not.toMatch(/评定为“?达成”?档，已达成/);
    expect(text).not.toContain('得分率');
    // scores print with two decimals or none: 96.80, 98.13, 94 — never 96.8
    expect(text).not.toMatch(/(?<![\d.])\d+\.\d分/);
    expect(text).not.toMatch(/(\d{4})年度?\s*\1年/);
  });

  it('003-t7: the total reads 96.80', async () => {
    expect((await paragraphsOf(seedReport('t7'))).join('\n')).toContain('评分结果为96.80分');
  });

  it('no advice refers to reasons nobody wrote', async () => {
    const input = seed('t1');
    const withReason = section(await paragraphsOf(seedReport('t1')), '六、', '七、').join('\n');
    expect(withReason).toContain('按偏差原因分析中提出的改进措施整改');
    input.indicators = input.indicators.map((r) => ({ ...r, deviationReason: null }));
    const data: ReportData = { input, result: scoreEvaluation(input), generatedAt: new Date('2020-05-20T02:00:00Z') };
    const advice = section(await paragraphsOf(data), '六、', '七、').join('\n');
    expect(advice).not.toContain('偏差原因分析中提出');
    expect(advice).toContain('补充偏差原因分析');
  });

  it('a ≤ row that overshot and a range row above its band are not called “未达到年度指标值”', async () => {
    const input = seed('t6');
    input.indicators = [
      { level1: '产出指标', level2: '成本指标', name: '会议成本', target: '≤90万元', weight: 20, actual: '100', deviationReason: '场地涨价' },
      { level1: '产出指标', level2: '质量指标', name: '合格率', target: '80%-90%', weight: 10, actual: '95%', deviationReason: '质量提升' },
      { level1: '效益指标', level2: '社会效益指标', name: '覆盖面', target: '≥8次', weight: 60, actual: '8' },
    ];
    const data: ReportData = { input, result: scoreEvaluation(input), generatedAt: new Date('2020-05-20T02:00:00Z') };
    const text = (await paragraphsOf(data)).join('\n');
    expect(text).toContain('“会议成本”年度指标值为“≤90万元”，实际完成100万元，超出年度指标值上限，得18分（分值20分）');
    expect(text).toContain('“合格率”年度指标值为“80%-90%”，实际完成95%，高于年度指标值区间');
    expect(text).not.toMatch(/会议成本[^。]*未达到|合格率[^。]*未达到/);
  });

  it('sections whose inputs were skipped say so plainly; given, they are printed', async () => {
    const skipped = await paragraphsOf(seedReport('t2'));
    expect(section(skipped, '1.项目背景', '2.')[0]).toContain('项目背景与立项依据未提供。');
    expect(section(skipped, '2.主要内容及实施情况', '3.')[0]).toBe('项目主要内容及实施情况未提供。');
    expect(section(skipped, '（一）主要经验及做法', '（二）')[0]).toBe('项目单位未提供主要经验及做法材料。');
    expect(skipped.at(-2)).toMatch(/^联系人：\u3000+\u3000联系电话：\u3000+$/);

    const input = seed('t2');
    input.project.purpose = '用于宣传教育、组织培训和督导检查';
    input.report = {
      background: '根据处非联发[2012]4号的要求，自2014年起每年安排30万元专项业务工作经费',
      content: '将专项资金用于宣传教育、组织培训活动、开展调研督导工作',
      experience: '建立常态化宣传机制',
      notice: '自治区财政厅《关于做好自治区2019年度预算绩效评价工作的通知》（新财预〔2020〕20号）',
      contactPerson: '赵敏',
      contactPhone: '0991-1234567',
    };
    const given = await paragraphsOf({ input, result: scoreEvaluation(input), generatedAt: new Date('2020-05-20T02:00:00Z') });
    const text = given.join('\n');
    expect(text).not.toContain('未提供');
    expect(text).toContain('按照自治区财政厅《关于做好自治区2019年度预算绩效评价工作的通知》（新财预〔2020〕20号）要求');
    expect(section(given, '1.项目背景', '2.')[0]).toContain('自2014年起每年安排30万元专项业务工作经费。');
    expect(section(given, '2.主要内容及实施情况', '3.')[0]).toBe('资金主要用于宣传教育、组织培训和督导检查。将专项资金用于宣传教育、组织培训活动、开展调研督导工作。');
    expect(section(given, '（一）主要经验及做法', '（二）')[0]).toBe('建立常态化宣传机制。');
    expect(given.at(-2)).toBe('联系人：赵敏\u3000联系电话：0991-1234567');
    expect(repeats(given)).toEqual([]);
  });
});
