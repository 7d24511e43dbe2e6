import { describe, expect, it } from 'vitest';
import { evaluationReport, selfEvaluationTable, type ReportSection } from '../../../src/domain/department/documents';
import { scoreDepartment } from '../../../src/domain/department/score-department';
import { copy, seed004 } from './seed';

const input = seed004();
const result = scoreDepartment(input);

function titles(sections: ReportSection[], depth = 0): string[] {
  return sections.flatMap((s) => [`${'  '.repeat(depth)}${s.title}`, ...titles(s.children ?? [], depth + 1)]);
}
function text(sections: ReportSection[]): string {
  return sections.map((s) => [s.title, ...s.paragraphs, text(s.children ?? [])].join('\n')).join('\n');
}

describe('the 部门整体支出绩效自评表 model', () => {
  const t = selfEvaluationTable(input, result);

  it('has seed 004’s blocks with the figures as entered', () => {
    expect(t.title).toBe('2019年度重庆市万州区金融工作办公室整体支出绩效评价自评表');
    expect(t.basics.slice(0, 4)).toEqual([['联系人', '王柳'], ['联系电话', '58224066'], ['人员编制', 7], ['实有人数', 7]]);
    expect(t.income.rows).toEqual([['机关', 402.03, 0, 402.03, 0, 0, 0]]);
    expect(t.spending.rows).toEqual([['机关', 402.03, 94.03, 55.76, 38.27, 308, 0, 0]]);
    expect(t.threePublic.rows).toEqual([['机关', 1.06, 1.06, 0, 0, 0]]);
    expect(t.fixedAssets.rows).toEqual([['机关', 16.29, 16.29, 0, null]]);
    expect(t.quantitative.rows[0]).toEqual(['产出目标', '指标1', expect.stringContaining('政府采购执行率100%'), expect.stringContaining('政府采购执行率90%')]);
    expect(t.evaluators.rows).toHaveLength(4);
    expect(t.evaluators.rows[0]).toEqual(['崔俊杰', '副主任', '区金融办', null]);
  });

  it('prints the computed 综合得分 and 等次, keeping the stated 99 for the note', () => {
    expect([t.total, t.grade, t.statedTotal]).toEqual(['97.00', '优', 99]);
    const fixed = copy(input);
    fixed.stated = { total: 97, grade: '优' };
    expect(selfEvaluationTable(fixed, scoreDepartment(fixed)).statedTotal).toBeNull();
  });
});

describe('the 部门整体支出绩效评价报告 model', () => {
  const report = evaluationReport(input, result);

  it('follows seed 004’s outline', () => {
    expect(report.title).toBe('重庆市万州区金融工作办公室部门整体支出绩效评价报告');
    expect(report.sections.map((s) => s.title)).toEqual([
      '一、部门概况',
      '二、一般公共预算支出情况',
      '三、政府性基金预算支出情况',
      '四、部门整体支出绩效情况',
      '五、存在的主要问题及下一步改进措施',
      '六、绩效自评结果拟应用和公开情况',
    ]);
    expect(titles(report.sections)).toEqual(
      expect.arrayContaining(['    1.投入（17分）', '      （1）目标设定（7分）', '        ①绩效目标合理性（3分）', '    4.绩效评价结论。']),
    );
  });

  it('writes every sentence from the data', () => {
    const all = text(report.sections);
    expect(all).toContain('本部门2019年度收入总计 402.03 万元，全部为财政拨款收入。上年无结转和结余。');
    expect(all).toContain('本部门2019年度支出总计 402.03 万元，其中基本支出 94.03 万元（人员经费 55.76 万元、日常公用经费 38.27 万元）、项目支出 308 万元。');
    expect(all).toContain('2019年度本部门“三公”经费实际开支 1.06 万元（公务接待费 1.06 万元），未超出年初预算 1.06 万元。');
    expect(all).toContain('投入绩效为 17 分，过程绩效为 61 分，产出及效益绩效为 19 分，总绩效为 97.00 分。评价结果等次为“优”。');
    expect(all).toContain('“资产管理安全性”得 3 分（分值 5 分）：本部门的资产保存完整');
    expect(all).toContain('表上总分 99，按各项得分计算为 97.00');
    expect(all).toContain('本部门无政府性基金预算。');
    expect(report.sections[1]!.tables![0]!.rows).toEqual([
      ['金融部门监管支出', null, null, 48, 48, null],
      ['其他金融支出', null, null, 260, 260, null],
    ]);
  });

  it('leaves out what the data does not say', () => {
    const bare = scoreDepartment({ unit: { name: '某局' }, criteria: [{ name: '投入', children: [{ name: '社会效益', weight: 100, score: 100, note: '达成' }] }] });
    const r = evaluationReport({ unit: { name: '某局' } }, bare);
    expect(r.sections.map((s) => s.title)).toEqual(['一、部门整体支出绩效情况', '二、存在的主要问题及下一步改进措施']);
    expect(text(r.sections)).toContain('评价中未发现扣分事项。');
    expect(text(r.sections)).not.toContain('undefined');
  });
});
