import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { departmentEvaluationSchema } from '../../../src/domain/department/evaluation';
import { scoreDepartment } from '../../../src/domain/department/score-department';
import { readDepartmentFile } from '../../../src/import/department/read-department';
import seed004 from '../../fixtures/department/004-wanzhou.json';

// The 部门整体 engine and reader are shared by the Worker: seed 004 scored, and a workbook read, inside workerd.
describe('部门整体 inside workerd', () => {
  it('seed 004 scores 97.00 优 with its own errors flagged', () => {
    const r = scoreDepartment(departmentEvaluationSchema.parse(seed004));
    expect([r.total, r.grade]).toEqual([97, '优']);
    expect(r.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['weight-sum-mismatch', 'stated-subtotal-mismatch', 'stated-total-mismatch', 'figure-conflict']));
  });

  it('reads a 评分表 workbook from bytes', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('评分表');
    ws.addRows([
      ['一级指标', '二级指标', '三级指标', '分值', '得分', '评分说明'],
      ['投入（100分）', '预算配置', '在职人员控制率', 50, 50, ''],
      ['投入（100分）', '预算配置', '绩效目标合理性', 50, 40, '目标与三定职责不完全相符'],
      ['人员编制', 10, '实有人数', 10],
    ]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const read = await readDepartmentFile(bytes, '某局.xlsx');
    expect(read?.ok).toBe(true);
    const r = scoreDepartment(read!.ok ? read!.evaluation : ({} as never));
    expect(r.total).toBe(90);
    expect(r.warnings).toEqual([]);
  });
});
