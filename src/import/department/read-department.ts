import type { DepartmentEvaluation } from '../../domain/department/evaluation';
import { decodeText } from '../tables/delimited';
import type { Grid } from '../tables/grid';
import { readXlsxGrids } from '../tables/read-xlsx';
import type { TableError } from '../tables/result';
import { FigureCollector } from './collector';
import { DEPARTMENT_LEVEL1, DEPARTMENT_MARKERS } from './labels';
import { emptyBlocks, readBlocks } from './read-blocks';
import { hasCriteriaHeader, readCriteria } from './read-criteria';
import { isDepartmentJson, parseDepartmentJson } from './read-json';
import { Sheet } from './sheet';

export { formatTableError, type TableError } from '../tables/result';

/**
 * Reads a 部门整体支出绩效自评 from an uploaded file: `.xlsx` with seed 004's 自评表 blocks and a 评分表 on the same
 * sheet or another, or the documented JSON. Never throws; a row that cannot be read is flagged by its cell in
 * `issues` and the rest is read; the file is refused only when nothing in it is a 部门整体 table.
 */
export type DepartmentReadResult =
  | { ok: true; evaluation: DepartmentEvaluation; notes: string[]; issues: TableError[] }
  | { ok: false; errors: TableError[] };

function sheetsOf(grids: Array<{ name: string; grid: Grid }>): Sheet[] {
  return grids.map((g) => new Sheet(g.name, g.grid, grids.length > 1 ? `${g.name}!` : ''));
}

/** Whether a workbook is a 部门整体 evaluation rather than a 项目支出 table. */
export function isDepartmentGrids(grids: Array<{ name: string; grid: Grid }>): boolean {
  const any = (sheet: Sheet, test: (label: string) => boolean) => !sheet.find(test).next().done;
  return sheetsOf(grids).some((sheet) => {
    if (any(sheet, (l) => DEPARTMENT_MARKERS.includes(l) || /^\d{4}年度?.*整体支出绩效/.test(l))) return true;
    // A 评分表 without 年度指标值 whose 一级指标 are 投入 / 过程 / 产出 … is the 部门整体 kind.
    return (
      hasCriteriaHeader(sheet) &&
      !any(sheet, (l) => l.startsWith('年度指标值') || l === '指标值' || l.startsWith('实际完成值')) &&
      any(sheet, (l) => DEPARTMENT_LEVEL1.includes(l.replace(/\(\d+(?:\.\d+)?分?\)$/, '')))
    );
  });
}

export function readDepartmentGrids(grids: Array<{ name: string; grid: Grid }>, fileName: string): DepartmentReadResult {
  const sheets = sheetsOf(grids);
  const figures = new FigureCollector();
  const blocks = emptyBlocks();
  const notes: string[] = [];
  const issues: TableError[] = [];
  let criteria: DepartmentEvaluation['criteria'];
  let statedTotal: number | undefined;

  for (const sheet of sheets) {
    const read = readCriteria(sheet);
    if (read && !criteria) {
      criteria = read.criteria;
      statedTotal = read.stated.total;
      issues.push(...read.issues);
      if (sheets.length > 1) notes.push(`评分表读自工作表“${sheet.name}”，共 ${read.rows} 项三级指标。`);
    }
    readBlocks(sheet, figures, blocks);
  }
  issues.push(...figures.issues);

  const hasFigures = Object.keys(figures.figures).length > 0;
  if (!criteria?.length && !hasFigures && blocks.found === 0) {
    return {
      ok: false,
      errors: [
        {
          message:
            '没有识别到部门整体支出绩效自评表。请上传含“一级指标 / 二级指标 / 三级指标 / 分值 / 得分”评分表的 .xlsx，或含“人员编制、收入合计、支出合计、三公经费合计”等栏目的自评表。',
        },
      ],
    };
  }
  if (!criteria?.length) notes.push('没有找到评分表（一级指标 / 二级指标 / 三级指标 / 分值 / 得分），只读取了部门基本情况和财务数据。');

  const name = blocks.unit.name ?? fileName.replace(/\.[^.]+$/, '');
  if (!blocks.unit.name) notes.push(`表中没有部门（单位）名称，暂用文件名“${name}”。`);
  const total = statedTotal ?? blocks.stated.total;
  if (statedTotal != null && blocks.stated.total != null && statedTotal !== blocks.stated.total) {
    issues.push({ message: `评分表总分 ${statedTotal} 与自评表“绩效自评综合得分”${blocks.stated.total} 不一致，请核对。` });
  }
  const evaluation: DepartmentEvaluation = {
    kind: '部门整体',
    unit: {
      name,
      year: blocks.unit.year ?? null,
      institution: blocks.unit.institution ?? null,
      contact: blocks.unit.contact ?? null,
      phone: blocks.unit.phone ?? null,
      duties: blocks.unit.duties ?? null,
      yearWork: blocks.unit.yearWork ?? null,
      achievements: blocks.unit.achievements ?? null,
    },
    figures: figures.figures,
    statements: figures.statements,
    criteria: criteria ?? [],
    stated: { total: total ?? null, grade: blocks.stated.grade ?? null },
    goals: { qualitative: blocks.qualitative, quantitative: blocks.quantitative },
    evaluators: blocks.evaluators,
  };
  return { ok: true, evaluation, notes, issues };
}

/**
 * Reads a file if it is a 部门整体 evaluation; returns null when it is some other table (a 项目支出 自评表), so the
 * caller can fall back to that reader.
 */
export async function readDepartmentFile(data: Uint8Array, fileName: string): Promise<DepartmentReadResult | null> {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (ext === 'json') {
    const decoded = decodeText(data);
    if ('error' in decoded) return null;
    let json: unknown;
    try {
      json = JSON.parse(decoded.text.replace(/^\uFEFF/, ''));
    } catch {
      return null;
    }
    if (!isDepartmentJson(json)) return null;
    const parsed = parseDepartmentJson(json);
    return parsed.ok ? { ok: true, evaluation: parsed.evaluation, notes: [], issues: [] } : parsed;
  }
  if (ext === 'xlsx' || ext === 'xlsm') {
    const read = await readXlsxGrids(data);
    if ('error' in read || !isDepartmentGrids(read.grids)) return null;
    return readDepartmentGrids(read.grids, fileName);
  }
  return null;
}

