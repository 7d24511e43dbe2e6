import type ExcelJS from 'exceljs';
import type { ScoredIndicator } from '../../../domain/scoring/result';
import type { ReportData } from '../model';
import { draftReasons, fundingSources, nonEmpty, profileTitle, projectYear, runs, totalWeight } from '../model';
import { formatAmount, formatRate, formatScore, parseNumericActual } from '../numbers';
import { cell, range, SheetGrid } from './grid';
import { columnPoints, fitScale, MARGINS_IN, wrappedLines } from './layout';
import { actualFormat, amountFormat, rateFormat, scoreFormat } from './number-formats';
import { DRAFT_FONT, HEADER_FILL, LEFT, RIGHT, SHORTFALL_FILL, TITLE_FONT } from './styles';

/**
 * The 项目支出绩效自评表 in the standard nine-column layout (财预〔2020〕10号《项目支出绩效评价管理办法》 附件; test/fixtures/seeds/003_c0ead808851a3b9c.txt):
 *   A 绩效指标 | B 一级指标 | C 二级指标 | D 三级指标 | E 年度指标值 | F 实际完成值 | G 分值 | H 得分 | I 偏差原因分析及改进措施
 * The 项目资金 block shares the grid: A label | B row | C 年初预算数 | D 全年预算数 | E 全年执行数 | F 分值 | G 执行率 | H 得分.
 */
export interface SheetLayout {
  fundingHeaderRow: number;
  fundingTotalRow: number;
  goalsRow: number;
  indicatorHeaderRow: number;
  firstIndicatorRow: number;
  totalRow: number;
  /** Column widths (Excel units) and row heights (points, index = row) as written. */
  widths: number[];
  heights: number[];
  /** The scale at which the table fits its pages, and how many pages tall it is allowed to be (null: as many as needed). */
  scale: number;
  pagesTall: number | null;
}

/** Up to this many indicators the table prints on one page; longer tables print across pages with the header repeated. */
export const ONE_PAGE_INDICATORS = 25;

/** A qualitative 实际完成值 longer than this many lines in its column moves to column I as 完成情况 (no slivers). */
const MAX_ACTUAL_LINES = 2;

const BASE_WIDTHS = [10, 14, 12, 30, 16, 11, 8, 8, 30];
const D = 3;
const I = 8;

export function writeSelfEvaluationSheet(ws: ExcelJS.Worksheet, data: ReportData): SheetLayout {
  const { grid, layout } = describeSheet(data);
  const onePage = data.result.indicators.length <= ONE_PAGE_INDICATORS;
  const pagesTall = onePage ? 1 : null;
  const widths = chooseWidths(grid, layout.totalRow, pagesTall);
  const heights = grid.write(ws, widths);
  const scale = printedScale(widths, heights, layout.totalRow, pagesTall);

  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: onePage ? 1 : 0,
    // what fitToPage comes to, for a program that prints by scale
    scale: Math.floor(scale * 100),
    horizontalCentered: true,
    margins: { ...MARGINS_IN },
    printArea: `A1:I${layout.totalRow}`,
    printTitlesRow: `${layout.indicatorHeaderRow}:${layout.indicatorHeaderRow}`,
  };
  ws.headerFooter = { oddFooter: '&C第 &P 页，共 &N 页' };
  ws.views = [{ state: 'normal', showGridLines: false }];
  return { ...layout, widths, heights, scale, pagesTall };
}

/** The printed size of rows 1…lastRow at the given widths and heights, and the scale that fits it. */
export function printedScale(widths: readonly number[], heights: readonly number[], lastRow: number, pagesTall: number | null): number {
  const width = widths.reduce((s, w) => s + columnPoints(w), 0);
  const height = heights.slice(1, lastRow + 1).reduce((s, h) => s + h, 0);
  return fitScale(width, height, { wide: 1, tall: pagesTall });
}

/**
 * Widens the two text columns (三级指标, 偏差原因) as far as it pays: wider columns wrap fewer lines, so rows get
 * shorter, until the width itself forces the scale down. Picks the largest scale, then the shortest table.
 */
function chooseWidths(grid: SheetGrid, lastRow: number, pagesTall: number | null): number[] {
  let best: { widths: number[]; scale: number; height: number } | null = null;
  for (let d = BASE_WIDTHS[D]!; d <= 60; d += 2) {
    for (let i = BASE_WIDTHS[I]!; i <= 60; i += 2) {
      const widths = [...BASE_WIDTHS];
      widths[D] = d;
      widths[I] = i;
      const heights = grid.rowHeights(widths);
      const scale = printedScale(widths, heights, lastRow, pagesTall);
      const height = heights.reduce((s, h) => s + h, 0);
      if (!best || scale > best.scale + 1e-9 || (Math.abs(scale - best.scale) <= 1e-9 && height < best.height)) best = { widths, scale, height };
    }
  }
  return best!.widths;
}

function describeSheet(data: ReportData): { grid: SheetGrid; layout: Omit<SheetLayout, 'widths' | 'heights' | 'scale' | 'pagesTall'> } {
  const { input, result } = data;
  const grid = new SheetGrid();
  const draft = draftReasons(data);

  const year = projectYear(input);
  grid.text('A1:I1', '项目支出绩效自评表', { font: TITLE_FONT, border: false });
  grid.fixedHeight(1, 28);
  if (draft.length > 0) {
    grid.text('A2:F2', year ? `（${year}年度）` : '', { border: false });
    grid.text('G2:I2', '未完成（草稿）', { font: DRAFT_FONT, align: RIGHT, border: false });
  } else {
    grid.text('A2:I2', year ? `（${year}年度）` : '', { border: false });
  }

  grid.text('A3:B3', '项目名称');
  grid.text('C3:I3', input.project.name, { align: LEFT });
  grid.text('A4:B4', '主管部门');
  grid.text('C4:E4', input.project.department ?? '', { align: LEFT });
  grid.text('F4:G4', '实施单位');
  grid.text('H4:I4', input.project.implementingUnit ?? '', { align: LEFT });

  // 项目资金 block: rows 5–9.
  const fundingHeaderRow = 5;
  grid.text('A5:A9', '项目资金\n（万元）');
  ['', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分', '偏差原因分析及改进措施'].forEach((h, i) =>
    grid.text(cell(fundingHeaderRow, 2 + i), h, { fill: HEADER_FILL }),
  );
  const b = result.budget;
  const fundingTotalRow = 6;
  grid.text(cell(6, 2), '年度资金总额');
  amount(grid, cell(6, 3), b.initial);
  amount(grid, cell(6, 4), b.fullYear);
  amount(grid, cell(6, 5), b.executed);
  score(grid, cell(6, 6), b.weight);
  if (b.rate === null) grid.text(cell(6, 7), '');
  else grid.number(cell(6, 7), b.rate, rateFormat(b.rate), formatRate(b.rate));
  // no 全年执行数 yet: the 得分 stays empty rather than a misleading 0
  score(grid, cell(6, 8), b.pending ? null : b.score);
  grid.text('I6:I9', nonEmpty(b.deviationReason) ?? '', { align: LEFT });
  fundingSources(input).forEach((src, i) => {
    const r = 7 + i;
    grid.text(cell(r, 2), i === 0 ? `其中：${src.label}` : src.label, { align: LEFT });
    amount(grid, cell(r, 3), src.initial);
    amount(grid, cell(r, 4), src.fullYear);
    amount(grid, cell(r, 5), src.executed);
    for (const col of [6, 7, 8]) grid.text(cell(r, col), '—');
  });

  // 年度总体目标: rows 10–11.
  const goalsRow = 10;
  grid.text('A10:A11', '年度总体目标');
  grid.text('B10:E10', '预期目标', { fill: HEADER_FILL });
  grid.text('F10:I10', '实际完成情况', { fill: HEADER_FILL });
  grid.text('B11:E11', nonEmpty(input.goals?.expected) ?? '（未填写）', { align: LEFT });
  grid.text('F11:I11', nonEmpty(input.goals?.actual) ?? '（未填写）', { align: LEFT });

  // Indicator table.
  const indicatorHeaderRow = 12;
  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'].forEach((h, i) =>
    grid.text(cell(indicatorHeaderRow, 2 + i), h, { fill: HEADER_FILL }),
  );
  const firstIndicatorRow = indicatorHeaderRow + 1;
  const rows = result.indicators;
  const deductions = new Map((result.adjustments ?? []).filter((a) => a.indicator !== undefined).map((a) => [a.indicator!, a]));
  rows.forEach((row, i) => {
    const r = firstIndicatorRow + i;
    const short = row.applicable && row.score !== null && row.score < row.weight;
    const fill = short ? SHORTFALL_FILL : undefined;
    grid.text(cell(r, 4), row.name, { align: LEFT, fill });
    grid.text(cell(r, 5), row.target, { fill });
    const actual = actualCell(row);
    if (actual.numeric) grid.number(cell(r, 6), actual.numeric.value, actualFormat(actual.numeric), actual.text, { fill });
    else grid.text(cell(r, 6), actual.text, { fill });
    score(grid, cell(r, 7), row.weight, fill);
    if (!row.applicable) grid.text(cell(r, 8), '不适用', { fill });
    else score(grid, cell(r, 8), row.score, fill);
    const deduction = deductions.get(i);
    const notes = [
      actual.description ? `完成情况：${actual.description}` : null,
      nonEmpty(row.deviationReason) ? `${actual.description ? '偏差原因：' : ''}${nonEmpty(row.deviationReason)}` : null,
      deduction ? `指标偏离，按${profileTitle(result) ?? '评分规则'}减${formatScore(deduction.points)}分` : null,
    ].filter((t): t is string => t !== null);
    grid.text(cell(r, 9), notes.join('\n'), { align: LEFT, fill });
  });
  const lastIndicatorRow = firstIndicatorRow + Math.max(rows.length, 1) - 1;
  grid.text(`A${indicatorHeaderRow}:A${lastIndicatorRow}`, '绩效指标');
  for (const run of runs(rows, (r) => r.level1)) {
    grid.text(range(firstIndicatorRow + run.start, 2, firstIndicatorRow + run.end, 2), run.key);
  }
  for (const run of runs(rows, (r) => `${r.level1}\u0000${r.level2}`)) {
    grid.text(range(firstIndicatorRow + run.start, 3, firstIndicatorRow + run.end, 3), rows[run.start]?.level2 ?? '');
  }

  const totalRow = lastIndicatorRow + 1;
  grid.text(`A${totalRow}:F${totalRow}`, '总分', { fill: HEADER_FILL });
  score(grid, cell(totalRow, 7), totalWeight(result));
  score(grid, cell(totalRow, 8), result.total);
  grid.text(cell(totalRow, 9), totalNote(data, draft), draft.length > 0 ? { font: { bold: true }, align: LEFT } : { align: LEFT });

  return { grid, layout: { fundingHeaderRow, fundingTotalRow, goalsRow, indicatorHeaderRow, firstIndicatorRow, totalRow } };
}

/** 绩效等级, or for a draft 未完成（草稿） and what is missing; a regional cap says why the total is lower than the rows. */
function totalNote(data: ReportData, draft: string[]): string {
  const { result } = data;
  if (draft.length > 0) return `未完成（草稿）：${draft.join('，')}，不评定等级`;
  const cap = result.adjustments?.find((a) => a.code === 'execution-cap');
  const title = profileTitle(result);
  return cap && title ? `绩效等级：${result.grade}（按${title}，执行率低于规定比例，总分减${formatScore(cap.points)}分）` : `绩效等级：${result.grade}`;
}

/**
 * What the 实际完成值 cell shows: a number in its format, a short text, or — for a description too long for the
 * narrow column — the band it earned (达成/部分达成/未达成), with the description moved to column I.
 * `部分达成 11` (band and chosen score) prints as the band: the score has its own column.
 */
function actualCell(row: ScoredIndicator): { text: string; numeric?: { value: number; percent: boolean; decimals: number }; description?: string } {
  const actual = nonEmpty(row.actual);
  const numeric = parseNumericActual(actual);
  if (numeric && actual) return { text: `${actual.replace(/[%％]$/, '')}${numeric.percent ? '%' : ''}`, numeric };
  if (!actual) return { text: row.band ?? '' };
  const bandOnly = /^(未达成|部分达成|达成)\s*\d+(?:\.\d+)?\s*分?$/.exec(actual);
  if (bandOnly) return { text: bandOnly[1]! };
  if (wrappedLines(actual, columnPoints(BASE_WIDTHS[5]!)) <= MAX_ACTUAL_LINES) return { text: actual };
  const label = row.band ?? (row.met === true ? '达成' : row.met === false ? '未达成' : '见说明');
  return { text: label, description: actual };
}

function amount(grid: SheetGrid, ref: string, value: number | null): void {
  if (value === null) grid.text(ref, '');
  else grid.number(ref, value, amountFormat(value), formatAmount(value));
}

function score(grid: SheetGrid, ref: string, value: number | null, fill?: ExcelJS.Fill): void {
  if (value === null) grid.text(ref, '', { fill });
  else grid.number(ref, value, scoreFormat(value), formatScore(value), { fill });
}
