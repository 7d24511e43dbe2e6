import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as score } from '../../../../src/cli/commands/score';
import type { Warning } from '../../../../src/domain/scoring/result';
import { buildReports } from '../../../../src/features/reports/build-reports';
import type { ReportData } from '../../../../src/features/reports/model';
import { docxParagraphs, readZipEntry } from '../../../helpers/zip';
import { scoreEvaluation } from '../../../../src/domain/scoring/score-evaluation';
import { allReports, SEED_DIR, seed, seedReport } from '../../../fixtures';
import { paragraphsOf, section } from '../../../helpers/report-text';

/** For a finding about the whole table, the words 五 states it with. */
const TABLE_WIDE: Record<string, RegExp> = {
  'printed-total-mismatch': /原表总分/,
  'printed-total-rounded': /原表总分/,
  'printed-rate-mismatch': /原表执行率/,
  'printed-rows-sum-mismatch': /原表各行得分合计/,
  'printed-score-mismatch': /预算执行率原表得分/,
  'printed-score-rounded': /预算执行率原表得分/,
  'printed-score-above-weight': /预算执行率原表得分/,
  'weights-sum': /分值合计/,
  'level1-subtotal': /分值合计/,
  'budget-weight': /预算执行率分值/,
  'completion-ahead-of-execution': /指标完成程度[\d.]+%，高于预算执行率/,
  'execution-low': /预算执行不充分，预算执行率为/,
  'deviation-missing': /预算执行[^。]*偏差原因未填写/,
  'spending-exceeds-execution': /超过全年执行数[^。]*支出数据前后不一致/,
};

function problemsOf(paragraphs: string[]): string {
  return section(paragraphs, '（二）存在的问题及原因分析', '六、').join('\n');
}

describe('自评报告 agrees with the audit', () => {
  it('the warnings checked here are those `jixiao score --json` prints', async () => {
    let out = '';
    const code = await score([join(SEED_DIR, '003-t4.json'), '--json'], { write: (t: string) => (out += t) }, { write: () => 0 });
    expect(code).toBe(0);
    const printed = (JSON.parse(out) as { warnings: Warning[] }).warnings;
    expect(printed).toEqual(seedReport('t4').result.warnings);
    expect(printed.length).toBeGreaterThan(0);
  });

  it.each(allReports())('%s: every warning is stated in 五, and “未发现需要说明的问题” only when there is none', async (_name, data) => {
    const paragraphs = await paragraphsOf(data);
    const problems = problemsOf(paragraphs);
    for (const w of data.result.warnings) {
      if (w.indicator !== undefined) expect(problems, `${w.code}: ${w.message}`).toContain(`“${data.result.indicators[w.indicator]!.name}”`);
      else expect(problems, `${w.code}: ${w.message}`).toMatch(TABLE_WIDE[w.code] ?? /(?!)/);
    }
    const clean = data.result.warnings.length === 0 && data.result.complete && data.collection?.reviewed !== false;
    expect(paragraphs.join('\n').includes('未发现需要说明的问题')).toBe(Boolean(clean));
  });

  it.each(allReports())('%s: a missing mandatory reason is named in 五, in one sentence with 原因 and 未填写', async (_name, data: ReportData) => {
    const sentences = problemsOf(await paragraphsOf(data)).split(/[。\n]/);
    const missing = data.result.warnings.filter((w) => w.code === 'deviation-missing');
    for (const w of missing) {
      const subject = w.indicator === undefined ? '预算执行' : `“${data.result.indicators[w.indicator]!.name}”`;
      expect(
        sentences.some((s) => s.includes(subject) && s.includes('原因') && /未说明|未填写|缺少/.test(s)),
        `${subject}: ${w.message}`,
      ).toBe(true);
    }
  });

  it('003-t1: the budget below 90 % without a reason, and four overshoots without one, are named as missing', async () => {
    const problems = problemsOf(await paragraphsOf(seedReport('t1')));
    expect(problems).toContain('1.预算执行不充分，预算执行率为54.29%，低于90%，结余资金48万元，偏差原因未填写。');
    expect(problems.match(/超出原因未填写/g)).toHaveLength(4);
  });

  it('003-t3: the duplicate is called a duplicate (and described once), the contradiction and the overspending are stated', async () => {
    const paragraphs = await paragraphsOf(seedReport('t3'));
    const problems = problemsOf(paragraphs);
    expect(problems).toContain('“教育水平”在自评表中重复出现（第11项与第13项），属重复指标');
    expect(problems).toContain('与表头预算执行率86.41%相矛盾');
    expect(problems).toContain('各指标填报的发放/支付金额合计7.65万元，超过全年执行数6.61万元');
    const analysis = section(paragraphs, '四、', '五、').join('\n');
    expect(analysis.match(/“教育水平”年度指标值为/g)).toHaveLength(1);
    expect(analysis).toContain('“教育水平”与第11项“教育水平”重复');
    // the 预算执行率 row is not reported as simply met against the header's 86.41 %
    expect(analysis).toMatch(/“预算执行率”[^。]*与表头预算执行率86\.41%不一致/);
  });

  it('003-t4: “未发现需要说明的问题” is gone; the 98 % against 100 % 脱贫 is a missing reason', async () => {
    const paragraphs = await paragraphsOf(seedReport('t4'));
    expect(paragraphs.join('\n')).not.toContain('未发现需要说明的问题');
    expect(problemsOf(paragraphs)).toMatch(/“贫困地区脱贫率”实际完成98%，与年度指标值“2020年实现100%脱贫”不一致，偏差原因未填写/);
  });

  it('a table the audit finds nothing in says so (003-t6 with its two findings corrected)', async () => {
    const input = seed('t6');
    input.indicators[3] = { ...input.indicators[3]!, name: '资金拨付及时率' };
    input.indicators[10] = { ...input.indicators[10]!, actual: '95%' };
    const data = { input, result: scoreEvaluation(input), generatedAt: new Date('2020-05-20T02:00:00Z') };
    expect(data.result.warnings).toEqual([]);
    const { docx } = await buildReports(data);
    expect(docxParagraphs(readZipEntry(docx.data, 'word/document.xml'))).toContain('本年度预算执行和绩效目标完成情况良好，未发现需要说明的问题。');
  });
});
