import type ExcelJS from 'exceljs';
import type { ReportData } from '../model';
import { fundingSources, projectYear, runs, totalWeight } from '../model';
import { parseNumericActual } from '../numbers';
import {
  AMOUNT_FORMAT,
  CENTER,
  FONT,
  GRID,
  HEADER_FILL,
  LEFT,
  PERCENT_ACTUAL_FORMAT,
  RATE_FORMAT,
  SCORE_FORMAT,
  SHORTFALL_FILL,
  TITLE_FONT,
} from './styles';

/**
 * The 项目支出绩效自评表 in the standard nine-column layout (财预〔2020〕10号《项目支出绩效评价管理办法》 附件; test/fixtures/seeds/003_c0ead808851a3b9c.txt):
 *   A 绩效指标 | B 一级指标 | C 二级指标 | D 三级指标 | E 年度指标值 | F 实际完成值 | G 分值 | H 得分 | I 偏差原因分析及改进措施
 * The 项目资金 block shares the grid: A label | B row | C 年初预算数 | D 全年预算数 | E 全年执行数 | F 分值 | G 执行率 | H 得分.
 * Returns the row numbers of the blocks so tests and the explanation sheet can find them.
 */
export interface SheetLayout {
  fundingHeaderRow: number;
  fundingTotalRow: number;
  goalsRow: number;
  indicatorHeaderRow: number;
  firstIndicatorRow: number;
  totalRow: number;
}

export function writeSelfEvaluationSheet(ws: ExcelJS.Worksheet, data: ReportData): SheetLayout {
  const { input, result } = data;
  ws.columns = [
    { width: 8 }, { width: 17 }, { width: 12 }, { width: 30 }, { width: 16 }, { width: 13 }, { width: 8 }, { width: 8 }, { width: 34 },
  ];

  const year = projectYear(input);
  put(ws, 'A1:I1', '项目支出绩效自评表', { font: TITLE_FONT, border: false });
  put(ws, 'A2:I2', year ? `（${year}年度）` : '', { border: false });

  put(ws, 'A3:B3', '项目名称');
  put(ws, 'C3:I3', input.project.name, { align: LEFT });
  put(ws, 'A4:B4', '主管部门');
  put(ws, 'C4:E4', input.project.department ?? '', { align: LEFT });
  put(ws, 'F4:G4', '实施单位');
  put(ws, 'H4:I4', input.project.implementingUnit ?? '', { align: LEFT });

  // 项目资金 block: rows 5–9.
  const fundingHeaderRow = 5;
  put(ws, 'A5:A9', '项目资金\n（万元）');
  ['', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分', '偏差原因分析及改进措施'].forEach((h, i) =>
    put(ws, cell(fundingHeaderRow, 2 + i), h, { fill: HEADER_FILL }),
  );
  const b = result.budget;
  const fundingTotalRow = 6;
  put(ws, cell(6, 2), '年度资金总额');
  putNumber(ws, cell(6, 3), b.initial, AMOUNT_FORMAT);
  putNumber(ws, cell(6, 4), b.fullYear, AMOUNT_FORMAT);
  putNumber(ws, cell(6, 5), b.executed, AMOUNT_FORMAT);
  putNumber(ws, cell(6, 6), b.weight, SCORE_FORMAT);
  putNumber(ws, cell(6, 7), b.rate, RATE_FORMAT);
  // no 全年执行数 yet: the 得分 stays empty rather than a misleading 0
  putNumber(ws, cell(6, 8), b.pending ? null : b.score, SCORE_FORMAT);
  put(ws, 'I6:I9', b.deviationReason ?? '', { align: LEFT });
  // The budget's reason spans the four funding rows; share its height between them so it prints whole.
  const fundingRowHeight = Math.max(20, Math.ceil(Math.ceil((b.deviationReason?.length ?? 0) / 16) / 4) * 14 + 4);
  for (let r = fundingTotalRow; r <= 9; r++) ws.getRow(r).height = fundingRowHeight;
  fundingSources(input).forEach((src, i) => {
    const r = 7 + i;
    put(ws, cell(r, 2), i === 0 ? `其中：${src.label}` : src.label, { align: LEFT });
    putNumber(ws, cell(r, 3), src.initial, AMOUNT_FORMAT);
    putNumber(ws, cell(r, 4), src.fullYear, AMOUNT_FORMAT);
    putNumber(ws, cell(r, 5), src.executed, AMOUNT_FORMAT);
    put(ws, cell(r, 6), '—');
    put(ws, cell(r, 7), '—');
    put(ws, cell(r, 8), '—');
  });

  // 年度总体目标: rows 10–11.
  const goalsRow = 10;
  put(ws, 'A10:A11', '年度总体目标');
  put(ws, 'B10:E10', '预期目标', { fill: HEADER_FILL });
  put(ws, 'F10:I10', '实际完成情况', { fill: HEADER_FILL });
  put(ws, 'B11:E11', input.goals?.expected ?? '', { align: LEFT });
  put(ws, 'F11:I11', input.goals?.actual ?? '', { align: LEFT });
  ws.getRow(11).height = goalsHeight(input.goals?.expected, input.goals?.actual);

  // Indicator table.
  const indicatorHeaderRow = 12;
  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'].forEach((h, i) =>
    put(ws, cell(indicatorHeaderRow, 2 + i), h, { fill: HEADER_FILL }),
  );
  const firstIndicatorRow = indicatorHeaderRow + 1;
  const rows = result.indicators;
  rows.forEach((row, i) => {
    const r = firstIndicatorRow + i;
    const short = row.applicable && row.score !== null && row.score < row.weight;
    const fill = short ? SHORTFALL_FILL : undefined;
    put(ws, cell(r, 4), row.name, { align: LEFT, fill });
    put(ws, cell(r, 5), row.target, { fill });
    const numeric = parseNumericActual(row.actual);
    if (numeric) putNumber(ws, cell(r, 6), numeric.value, numeric.percent ? PERCENT_ACTUAL_FORMAT : '0.##', fill);
    else put(ws, cell(r, 6), row.actual ?? row.band ?? '', { fill });
    putNumber(ws, cell(r, 7), row.weight, SCORE_FORMAT, fill);
    if (!row.applicable) put(ws, cell(r, 8), '不适用', { fill });
    else putNumber(ws, cell(r, 8), row.score, SCORE_FORMAT, fill);
    put(ws, cell(r, 9), row.deviationReason ?? '', { align: LEFT, fill });
    ws.getRow(r).height = rowHeight(row.name, row.deviationReason, numeric ? null : row.actual);
  });
  const lastIndicatorRow = firstIndicatorRow + Math.max(rows.length, 1) - 1;
  put(ws, `A${indicatorHeaderRow}:A${lastIndicatorRow}`, '绩效指标');
  for (const run of runs(rows, (r) => r.level1)) {
    put(ws, range(firstIndicatorRow + run.start, firstIndicatorRow + run.end, 2), run.key);
  }
  for (const run of runs(rows, (r) => `${r.level1}\u0000${r.level2}`)) {
    put(ws, range(firstIndicatorRow + run.start, firstIndicatorRow + run.end, 3), rows[run.start]?.level2 ?? '');
  }

  const totalRow = lastIndicatorRow + 1;
  put(ws, `A${totalRow}:F${totalRow}`, '总分', { fill: HEADER_FILL });
  putNumber(ws, cell(totalRow, 7), totalWeight(result), SCORE_FORMAT);
  putNumber(ws, cell(totalRow, 8), result.total, SCORE_FORMAT);
  put(ws, cell(totalRow, 9), `绩效等级：${result.grade}`);

  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    printArea: `A1:I${totalRow}`,
    printTitlesRow: `${indicatorHeaderRow}:${indicatorHeaderRow}`,
  };
  ws.headerFooter = { oddFooter: '第 &P 页，共 &N 页' };
  ws.views = [{ state: 'normal', showGridLines: false }];
  return { fundingHeaderRow, fundingTotalRow, goalsRow, indicatorHeaderRow, firstIndicatorRow, totalRow };
}

interface PutOptions {
  align?: Partial<ExcelJS.Alignment>;
  font?: Partial<ExcelJS.Font>;
  fill?: ExcelJS.Fill | undefined;
  border?: boolean;
}

/** Writes text into a cell or a merged range, styling every cell of the range so borders print. */
function put(ws: ExcelJS.Worksheet, ref: string, value: string, opts: PutOptions = {}): void {
  if (ref.includes(':')) ws.mergeCells(ref);
  const first = ws.getCell(ref.split(':')[0]!);
  first.value = value;
  eachCell(ws, ref, (c) => style(c, opts));
}

function putNumber(ws: ExcelJS.Worksheet, ref: string, value: number | null, numFmt: string, fill?: ExcelJS.Fill): void {
  const c = ws.getCell(ref);
  c.value = value;
  c.numFmt = numFmt;
  style(c, { fill });
}

function style(c: ExcelJS.Cell, opts: PutOptions): void {
  c.font = { ...FONT, ...opts.font };
  c.alignment = opts.align ?? CENTER;
  if (opts.border !== false) c.border = GRID;
  if (opts.fill) c.fill = opts.fill;
}

function eachCell(ws: ExcelJS.Worksheet, ref: string, fn: (c: ExcelJS.Cell) => void): void {
  const [a, z = a] = ref.split(':') as [string, string?];
  const from = ws.getCell(a);
  const to = ws.getCell(z);
  for (let r = Number(from.row); r <= Number(to.row); r++) {
    for (let col = Number(from.col); col <= Number(to.col); col++) fn(ws.getCell(r, col));
  }
}

function cell(row: number, col: number): string {
  return `${String.fromCharCode(64 + col)}${row}`;
}

function range(fromRow: number, toRow: number, col: number): string {
  return fromRow === toRow ? cell(fromRow, col) : `${cell(fromRow, col)}:${cell(toRow, col)}`;
}

/** Row heights so wrapped Chinese text prints whole: ~2 CJK characters per width unit, 14 pt a line. */
function rowHeight(name: string, reason: string | null | undefined, textActual?: string | null): number {
  // A qualitative actual is often a sentence, and its column is the narrowest text column (~6 characters a line).
  const lines = Math.max(
    Math.ceil(name.length / 14),
    Math.ceil((reason?.length ?? 0) / 16),
    Math.ceil((textActual?.length ?? 0) / 6),
    1,
  );
  return Math.max(20, lines * 14 + 4);
}

function goalsHeight(expected: string | null | undefined, actual: string | null | undefined): number {
  const lines = Math.max(Math.ceil((expected?.length ?? 0) / 32), Math.ceil((actual?.length ?? 0) / 34), 1);
  return Math.min(409, Math.max(30, lines * 14 + 6));
}
