import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreDepartment } from '../../../src/domain/department/score-department';
import { isDepartmentGrids, readDepartmentGrids } from '../../../src/import/department/read-department';
import { DEPARTMENT_MARKERS, HEADER_TABLES, PAIR_FIGURES, THREE_PUBLIC_COLUMNS, UNIT_TEXT } from '../../../src/import/department/labels';

// Cells drawn from what real sheets hold, so the walk reaches every reader, mixed with arbitrary text.
const vocabulary = [
  ...DEPARTMENT_MARKERS,
  ...PAIR_FIGURES.flatMap(([, l]) => l),
  ...HEADER_TABLES.flatMap((t) => [...t.anchorLabels, ...t.columns.flatMap(([, l]) => l)]),
  ...THREE_PUBLIC_COLUMNS.flatMap(([, l]) => l),
  ...UNIT_TEXT.flatMap(([, l]) => l),
  '一级指标', '二级指标', '三级指标', '分值', '权重', '得分', '评分说明', '评分标准', '小计', '合计', '总分',
  '投入（17分）', '目标设定（6分）', '过程', '产出及效益', '在职人员控制率', '“三公”经费控制率', '实际完成率',
  '预算数', '决算数', '年初预算数', '项目名称', '本年支付', '实际到位资金', '一般公共预算财政拨款收入',
  '预期目标', '实际完成', '绩效目标', '完成情况', '姓名', '职务/职称', '单位', '机构名称', '机关', '总合计',
  '2019年度区金融办整体支出绩效评价自评报告', '政府采购执行率100%', '其中：', '',
];
const cell = fc.oneof(
  fc.constantFrom(...vocabulary),
  fc.constantFrom('0', '7', '402.03', '-30', '1e400', 'NaN', '99', '100%', '五分', '1,234.5', '.5'),
  fc.string({ maxLength: 12 }),
);
const sheet = fc.record({ name: fc.string({ minLength: 1, maxLength: 6 }), grid: fc.record({ rows: fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 24 }) }) });

describe('the 部门整体 reader on any grid', () => {
  it('never throws, and what it reads scores without throwing', () => {
    fc.assert(
      fc.property(fc.array(sheet, { minLength: 1, maxLength: 3 }), (sheets) => {
        isDepartmentGrids(sheets);
        const r = readDepartmentGrids(sheets, 'x.xlsx');
        if (r.ok) {
          const scored = scoreDepartment(r.evaluation);
          expect(Number.isFinite(scored.total)).toBe(true);
        } else expect(r.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
