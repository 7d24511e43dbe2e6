import type ExcelJS from 'exceljs';
import type { ReportData } from '../model';
import { CENTER, FONT, GRID, HEADER_FILL, LEFT, SCORE_FORMAT } from './styles';

/**
 * Second sheet, 评分说明: how every score was reached and what the data check found, so a reviewer at
 * the finance bureau can follow each number without the bot.
 */
export function writeExplanationSheet(ws: ExcelJS.Worksheet, data: ReportData): void {
  const { result } = data;
  ws.columns = [{ width: 6 }, { width: 30 }, { width: 8 }, { width: 8 }, { width: 90 }];
  const header = ws.addRow(['序号', '项目', '分值', '得分', '评分说明']);
  header.eachCell((c) => {
    c.font = { ...FONT, bold: true };
    c.alignment = CENTER;
    c.border = GRID;
    c.fill = HEADER_FILL;
  });

  const lines: Array<[string, number, number | string | null, string]> = [
    ['预算执行率', result.budget.weight, result.budget.score, result.budget.explanation],
    ...result.indicators.map((r): [string, number, number | string | null, string] => [
      r.name,
      r.weight,
      r.applicable ? r.score : '不适用',
      r.explanation,
    ]),
  ];
  lines.forEach(([name, weight, score, why], i) => {
    const row = ws.addRow([i === 0 ? '—' : i, name, weight, score, why]);
    row.eachCell({ includeEmpty: true }, (c, col) => {
      c.font = FONT;
      c.border = GRID;
      c.alignment = col === 2 || col === 5 ? LEFT : CENTER;
      if (col === 3 || col === 4) c.numFmt = SCORE_FORMAT;
    });
  });

  if (result.totalExplanation) {
    const row = ws.addRow(['', '总分', '', result.total, result.totalExplanation]);
    row.eachCell({ includeEmpty: true }, (c, col) => {
      c.font = { ...FONT, bold: col === 2 };
      c.border = GRID;
      c.alignment = col === 5 ? LEFT : CENTER;
      if (col === 4) c.numFmt = SCORE_FORMAT;
    });
  }
  ws.addRow([]);
  const issues = (result.inputErrors?.length ?? 0) + result.warnings.length;
  const title = ws.addRow(['', issues ? `数据核查提示（${issues} 条）` : '数据核查：未发现问题']);
  title.getCell(2).font = { ...FONT, bold: true };
  for (const w of [...(result.inputErrors ?? []), ...result.warnings]) {
    const where = w.indicator === undefined ? '全表' : (result.indicators[w.indicator]?.name ?? `第 ${w.indicator + 1} 行`);
    const row = ws.addRow(['', where, '', '', w.message]);
    row.getCell(2).alignment = LEFT;
    row.getCell(5).alignment = LEFT;
    row.eachCell((c) => (c.font = FONT));
  }
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}
