import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { scoreDepartment } from '../../../src/domain/department/score-department';
import { isDepartmentGrids, readDepartmentFile, readDepartmentGrids, type DepartmentReadResult } from '../../../src/import/department/read-department';
import { buildDepartmentWorkbook, loadDepartmentSeed } from '../../fixtures/department/make-xlsx';
import { DEPARTMENT_FIXTURES, seed004 } from '../../domain/department/seed';

const SEEDS = join(import.meta.dirname, '../../fixtures/seeds');
const bytes = (file: string) => new Uint8Array(readFileSync(file));
const xlsx = () => bytes(join(DEPARTMENT_FIXTURES, '004-wanzhou.xlsx'));

function ok(r: DepartmentReadResult | null) {
  if (!r || !r.ok) throw new Error(JSON.stringify(r));
  return r;
}

const grid = (rows: string[][], name = 'Sheet1') => [{ name, grid: { rows } }];

describe('seed 004 as .xlsx', () => {
  it('reads the 自评表 blocks, the 评分表 and the 基础数据 sheet into what the JSON transcription holds', async () => {
    const read = ok(await readDepartmentFile(xlsx(), '004-wanzhou.xlsx'));
    const json = seed004();
    expect(read.issues).toEqual([]);
    expect(read.evaluation.unit).toEqual(json.unit.year === 2019 ? { ...json.unit, year: '2019' } : json.unit);
    expect(read.evaluation.figures).toEqual(json.figures);
    expect(read.evaluation.criteria).toEqual(json.criteria);
    expect(read.evaluation.stated).toEqual(json.stated);
    expect(read.evaluation.evaluators).toEqual(json.evaluators);
    expect(read.evaluation.goals).toEqual(json.goals);
    expect(read.evaluation.statements!.map((s) => [s.account, s.value])).toEqual([
      ['expenditure.publicOperating', 16.29],
      ['budget.publicOperating', 16.29],
      ['expenditure.goodsServices', 16.29],
    ]);
    expect(read.evaluation.statements![0]!.where).toBe('基础数据!E19（支出·总合计·日常公用经费·决算数）');
  });

  it('scores 97.00 with the same findings as the JSON', async () => {
    const read = ok(await readDepartmentFile(xlsx(), '004-wanzhou.xlsx'));
    const fromXlsx = scoreDepartment(read.evaluation);
    const fromJson = scoreDepartment(seed004());
    expect(fromXlsx.total).toBe(97);
    expect(fromXlsx.grade).toBe('优');
    const key = (w: { code: string; node: string; stated?: number | null; computed?: number | null }) => [w.code, w.node, w.stated, w.computed];
    expect(fromXlsx.warnings.map(key)).toEqual(fromJson.warnings.map(key));
  });

  it('the committed file matches its generator', async () => {
    const fresh = ok(readDepartmentGrids(await gridsOf(await buildDepartmentWorkbook(loadDepartmentSeed())), '004-wanzhou.xlsx'));
    const committed = ok(await readDepartmentFile(xlsx(), '004-wanzhou.xlsx'));
    expect(committed.evaluation).toEqual(fresh.evaluation);
  });

  it('the merged header and group cells really are merged', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx() as unknown as ArrayBuffer);
    expect(wb.getWorksheet('自评表')!.getCell('B11').master.address).toBe('B10');
    expect(wb.getWorksheet('评分表')!.getCell('A3').master.address).toBe('A2');
    expect(wb.getWorksheet('评分表')!.getCell('B2').value).toBe('目标设定（6分）');
  });
});

async function gridsOf(data: Uint8Array) {
  const { readXlsxGrids } = await import('../../../src/import/tables/read-xlsx');
  const r = await readXlsxGrids(data);
  if ('error' in r) throw new Error(r.error);
  return r.grids;
}

describe('telling a 部门整体 file from a 项目支出 table', () => {
  it('leaves the project tables to their own reader', async () => {
    expect(await readDepartmentFile(bytes(join(SEEDS, '003-t1.xlsx')), '003-t1.xlsx')).toBeNull();
    expect(await readDepartmentFile(bytes(join(SEEDS, '003-t1.json')), '003-t1.json')).toBeNull();
    expect(await readDepartmentFile(new TextEncoder().encode('{"x":'), 'broken.json')).toBeNull();
  });

  it('knows a 评分表 by its 一级指标 when there is nothing else', () => {
    const rows = [
      ['一级指标', '二级指标', '三级指标', '分值', '得分'],
      ['投入', '预算配置', '在职人员控制率', '10', '10'],
    ];
    expect(isDepartmentGrids(grid(rows))).toBe(true);
    expect(isDepartmentGrids(grid([['一级指标', '二级指标', '三级指标', '年度指标值', '分值'], ['产出指标', '数量指标', '培训', '≥2次', '10']]))).toBe(false);
  });

  it('reports JSON schema errors in words', async () => {
    const bad = { kind: '部门整体', unit: { name: '某局' }, criteria: [{ name: '投入', children: [{ name: '' }] }] };
    const r = await readDepartmentFile(new TextEncoder().encode(JSON.stringify(bad)), 'x.json');
    expect(r).toMatchObject({ ok: false });
    expect(r!.ok ? [] : r!.errors.map((e) => e.message)).toEqual(['第 1 个一级指标 下第 1 项 名称有误：指标名称不能为空（位置 criteria.0.children.0.name）']);
  });
});

describe('reading a 评分表 leniently', () => {
  it('flags a row it cannot read by its cell and reads the rest', () => {
    const r = ok(
      readDepartmentGrids(
        grid([
          ['一级指标', '二级指标', '三级指标', '分值', '得分', '评分说明'],
          ['投入（20分）', '预算配置', '在职人员控制率', '10', '10', ''],
          ['投入（20分）', '预算配置', '重点支出安排率', '十分', '10', ''],
          ['投入（20分）', '预算配置', '预算调整率', '10', '满分', ''],
          ['', '', '孤立的指标', '5', '5', ''],
          ['合计', '', '', '100', '88', ''],
        ]),
        '某局.xlsx',
      ),
    );
    expect(r.issues).toEqual([
      { cell: 'D3', message: '“重点支出安排率”的分值“十分”不是数字。请填写数字，例如：5。' },
      { cell: 'E4', message: '“预算调整率”的得分“满分”不是数字。请填写数字，例如：5。' },
      { row: 5, message: '“孤立的指标”没有所属的一级指标。请在一级指标列填写（如：投入、过程、产出及效益）。' },
    ]);
    expect(r.evaluation.criteria).toEqual([
      {
        name: '投入',
        weight: 20,
        children: [
          {
            name: '预算配置',
            children: [
              { name: '在职人员控制率', weight: 10, score: 10 },
              { name: '预算调整率', weight: 10 },
            ],
          },
        ],
      },
    ]);
    expect(r.evaluation.stated!.total).toBe(88);
    expect(r.evaluation.unit.name).toBe('某局');
    expect(r.notes).toContain('表中没有部门（单位）名称，暂用文件名“某局”。');
  });

  it('reads a 分值 column after each level, 评分标准, and two-level branches', () => {
    const r = ok(
      readDepartmentGrids(
        grid([
          ['一级指标', '分值', '二级指标', '分值', '三级指标', '分值', '评分标准', '得分', '扣分原因'],
          ['投入', '10', '预算配置', '10', '在职人员控制率', '10', '≤100%得满分', '10', ''],
          ['产出', '90', '实际完成率', '90', '实际完成率', '90', '', '80', '有 1 项未完成'],
        ]),
        'x.xlsx',
      ),
    );
    expect(r.evaluation.criteria).toEqual([
      { name: '投入', weight: 10, children: [{ name: '预算配置', weight: 10, children: [{ name: '在职人员控制率', weight: 10, score: 10, standard: '≤100%得满分' }] }] },
      { name: '产出', weight: 90, children: [{ name: '实际完成率', weight: 90, score: 80, note: '有 1 项未完成' }] },
    ]);
  });

  it('reads 小计 rows of a 二级指标 and of a 一级指标 as stated figures', () => {
    const r = ok(
      readDepartmentGrids(
        grid([
          ['一级指标', '二级指标', '三级指标', '分值', '得分'],
          ['过程', '预算执行', '预算完成率', '50', '50'],
          ['过程', '预算执行', '小计', '50', '48'],
          ['过程', '资产管理', '固定资产利用率', '50', '40'],
          ['过程', '小计', '小计', '100', '95'],
        ]),
        'x.xlsx',
      ),
    );
    expect(r.evaluation.criteria).toEqual([
      {
        name: '过程',
        weight: 100,
        score: 95,
        children: [
          { name: '预算执行', weight: 50, score: 48, children: [{ name: '预算完成率', weight: 50, score: 50 }] },
          { name: '资产管理', children: [{ name: '固定资产利用率', weight: 50, score: 40 }] },
        ],
      },
    ]);
    const scored = scoreDepartment(r.evaluation);
    expect(scored.warnings.filter((w) => w.code === 'stated-subtotal-mismatch').map((w) => [w.node, w.stated, w.computed])).toEqual([
      ['过程', 95, 90],
      ['过程/预算执行', 48, 50],
    ]);
  });

  it('refuses a file only when nothing in it is a 部门整体 table', () => {
    const r = readDepartmentGrids(grid([['你好'], ['这不是表格']]), 'x.xlsx');
    expect(r).toMatchObject({ ok: false });
    expect(r.ok ? '' : r.errors[0]!.message).toContain('没有识别到部门整体支出绩效自评表');
    const figuresOnly = ok(readDepartmentGrids(grid([['人员编制', '12', '实有人数', '11']]), 'x.xlsx'));
    expect(figuresOnly.evaluation.figures).toEqual({ staff: { authorized: 12, actual: 11 } });
    expect(figuresOnly.notes[0]).toContain('没有找到评分表');
  });
});

describe('reading the report’s 预算/决算 tables', () => {
  it('收入年初预算及年终决算: 年初预算数 from its 合计, 决算数 as 收入合计', () => {
    const r = ok(
      readDepartmentGrids(
        grid([
          ['序号', '单位', '项目', '一般公共预算财政拨款收入', '政府性基金预算财政拨款收入', '上级补助收入', '事业收入', '其他收入', '合计'],
          ['1', '机关', '年初预算数', '380', '', '', '', '20', '400'],
          ['1', '机关', '决算数', '395', '', '', '', '20', '415'],
          ['', '', '', '', '', '', '', '', ''],
          ['人员编制', '7'],
        ]),
        'x.xlsx',
      ),
    );
    expect(r.evaluation.figures).toEqual({ budget: { initial: 400 }, income: { total: 415, fiscal: 395 }, staff: { authorized: 7 } });
  });

  it('三公 预算数 / 决算数 rows, and a second block with other numbers kept as statements', () => {
    const r = ok(
      readDepartmentGrids(
        grid([
          ['单位', '项目', '因公出国（境）费', '公务用车购置费', '公务用车运行维护费', '公务接待费', '小计'],
          ['机关', '预算数', '', '', '3', '2', '5'],
          ['机关', '决算数', '', '', '2.5', '2', '4.5'],
          ['总合计', '决算数', '', '', '2.5', '1', '3.5'],
        ]),
        'x.xlsx',
      ),
    );
    expect(r.evaluation.figures!.threePublic).toEqual({ budget: { vehicleOperation: 3, reception: 2, total: 5 }, actual: { vehicleOperation: 2.5, reception: 2, total: 4.5 } });
    expect(r.evaluation.statements).toEqual([
      { account: 'threePublic.actual.reception', value: 1, where: 'F4（三公经费·总合计·决算数）' },
      { account: 'threePublic.actual.total', value: 3.5, where: 'G4（三公经费·总合计·决算数）' },
    ]);
  });
});
