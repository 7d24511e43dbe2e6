import { cellText, type Grid } from './grid';
import { HEADER_FIELDS, label } from './labels';
import type { TableReading } from './reading';
import { fieldBeside, findAll } from './sheet-search';

const YEAR = /((?:19|20)\d{2})年(?:度)?/;

/** 项目名称, 主管部门, 实施单位 and 年度 from the labels above the indicator table (or the title's `（2022年度）`). */
export function readProjectFields(grid: Grid, fileName: string, before: number, notes: string[]): TableReading['project'] {
  const field = (labels: readonly string[]) => fieldBeside(grid, labels, before);
  let name = field(HEADER_FIELDS.name);
  if (!name) {
    name = fileName.replace(/\.[^.]+$/, '');
    notes.push(`表中没有找到“项目名称”，已用文件名“${name}”作为项目名称。`);
  }
  let yearText = field(HEADER_FIELDS.year);
  if (!yearText) {
    const title = findAll(grid, (l) => l.length <= 60 && /(?:19|20)\d{2}年度/.test(l), { from: 0, to: before })[0];
    if (title) yearText = label(cellText(grid, title.r, title.c));
  }
  const year = yearText ? (YEAR.exec(yearText) ?? /((?:19|20)\d{2})/.exec(yearText)) : null;
  return {
    name,
    department: field(HEADER_FIELDS.department),
    implementingUnit: field(HEADER_FIELDS.implementingUnit),
    year: year ? Number(year[1]) : null,
  };
}

export function readDeadline(grid: Grid): string | null {
  return fieldBeside(grid, HEADER_FIELDS.deadline);
}

const EXPECTED = ['预期目标', '年初设定目标', '项目年度目标', '年度目标'];
const ACHIEVED = ['实际完成情况', '年度总体目标完成情况综述', '全年实际完成情况', '年度目标完成情况'];

/** 年度总体目标: 预期目标 and 实际完成情况 (free text under their labels). */
export function readGoals(grid: Grid, before: number): TableReading['goals'] {
  const expected = findAll(grid, (l) => EXPECTED.includes(l), { from: 0, to: before })[0];
  if (!expected) return null;
  const actualLabel = (grid.rows[expected.r] ?? []).findIndex((t) => ACHIEVED.includes(label(t)));
  const below = (c: number, until: number): string | null => {
    for (let r = expected.r + 1; r <= expected.r + 2 && r < before; r++) {
      for (let cc = c; cc < until; cc++) {
        const t = cellText(grid, r, cc);
        if (t && !ACHIEVED.includes(label(t)) && !EXPECTED.includes(label(t))) return t;
      }
    }
    return null;
  };
  return {
    expected: below(expected.c, actualLabel > expected.c ? actualLabel : expected.c + 1),
    actual: actualLabel >= 0 ? below(actualLabel, actualLabel + 1) : null,
  };
}
