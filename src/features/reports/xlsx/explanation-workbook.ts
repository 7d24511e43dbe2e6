import ExcelJS from 'exceljs';
import type { Finding } from '../findings';
import { allFindings } from '../findings';
import type { ReportData } from '../model';
import { draftReasons, reportingUnit, reportSubject } from '../model';
import { formatScore } from '../numbers';
import { chineseDate } from '../docx/phrases';
import { getProfile } from '../../../domain/scoring/profiles';
import { cell, SheetGrid } from './grid';
import { MARGINS_IN } from './layout';
import { scoreFormat } from './number-formats';
import { DRAFT_FONT, HEADER_FILL, LEFT, TITLE_FONT } from './styles';

export const EXPLANATION_SHEET_NAME = '评分说明与核查';

const SEVERITY: Record<Finding['severity'], string> = { red: '需更正', yellow: '需核实', info: '说明' };
const WIDTHS = [6, 30, 8, 8, 90];

/**
 * The clerk's companion to the 自评表: how every score was reached and what the data check found, titled and
 * sized to print. It stays with the clerk; the 自评表 that goes to the finance bureau carries the table only.
 */
export async function buildExplanationWorkbook(data: ReportData): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao 绩效自评助手';
  wb.created = data.generatedAt;
  wb.modified = data.generatedAt;
  const ws = wb.addWorksheet(EXPLANATION_SHEET_NAME);
  const { grid, headerRow } = describe(data);
  grid.write(ws, WIDTHS);
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { ...MARGINS_IN },
    printTitlesRow: `${headerRow}:${headerRow}`,
  };
  ws.headerFooter = { oddFooter: '&C第 &P 页，共 &N 页' };
  ws.views = [{ state: 'normal', showGridLines: false }];
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function describe(data: ReportData): { grid: SheetGrid; headerRow: number } {
  const { input, result } = data;
  const grid = new SheetGrid();
  const draft = draftReasons(data);
  grid.text('A1:E1', `${reportSubject(input)}评分说明与核查`, { font: TITLE_FONT, border: false });
  grid.fixedHeight(1, 28);
  const profile = getProfile(result.profile);
  const facts = [
    reportingUnit(input) ? `实施单位：${reportingUnit(input)}` : null,
    `评分规则：${profile?.title ?? profile?.description ?? result.profile}`,
    `生成日期：${chineseDate(data.generatedAt)}`,
  ].filter((t): t is string => t !== null);
  grid.text('A2:E2', facts.join('　　'), { align: LEFT, border: false });
  grid.text('A3:E3', '本表供经办人核对每项得分和数据问题，不随自评表报送。', { align: LEFT, border: false });
  let r = 4;
  if (draft.length > 0) grid.text(`A${r}:E${r++}`, `未完成（草稿）：${draft.join('，')}。`, { font: DRAFT_FONT, align: LEFT, border: false });

  const headerRow = r;
  ['序号', '项目', '分值', '得分', '评分说明'].forEach((h, i) => grid.text(cell(r, i + 1), h, { fill: HEADER_FILL }));
  r++;
  const score = (ref: string, v: number | null) => (v === null ? grid.text(ref, '') : grid.number(ref, v, scoreFormat(v), formatScore(v)));
  grid.text(cell(r, 1), '—');
  grid.text(cell(r, 2), '预算执行率', { align: LEFT });
  score(cell(r, 3), result.budget.weight);
  score(cell(r, 4), result.budget.pending ? null : result.budget.score);
  grid.text(cell(r, 5), result.budget.explanation, { align: LEFT });
  r++;
  result.indicators.forEach((row, i) => {
    grid.number(cell(r, 1), i + 1, '0', String(i + 1));
    grid.text(cell(r, 2), row.name, { align: LEFT });
    score(cell(r, 3), row.weight);
    if (row.applicable) score(cell(r, 4), row.score);
    else grid.text(cell(r, 4), '不适用');
    grid.text(cell(r, 5), row.explanation, { align: LEFT });
    r++;
  });
  grid.text(cell(r, 1), '');
  grid.text(cell(r, 2), '总分', { font: { bold: true } });
  grid.text(cell(r, 3), '');
  score(cell(r, 4), result.total);
  grid.text(cell(r, 5), result.totalExplanation ?? '', { align: LEFT });
  r += 2;

  const findings = allFindings(data);
  grid.text(`A${r}:E${r}`, findings.length > 0 ? `数据核查（${findings.length} 条）` : '数据核查：未发现问题', { font: { bold: true }, align: LEFT, border: false });
  r++;
  if (findings.length > 0) {
    ['序号', '位置', '性质', '核查发现'].forEach((h, i) => grid.text(i === 3 ? `D${r}:E${r}` : cell(r, i + 1), h, { fill: HEADER_FILL }));
    r++;
    findings.forEach((f, i) => {
      grid.number(cell(r, 1), i + 1, '0', String(i + 1));
      const where = f.indicator === undefined ? '全表' : `第 ${f.indicator + 1} 项 ${result.indicators[f.indicator]?.name ?? ''}`;
      grid.text(cell(r, 2), where, { align: LEFT });
      grid.text(cell(r, 3), SEVERITY[f.severity]);
      grid.text(`D${r}:E${r}`, f.message, { align: LEFT });
      r++;
    });
  }
  return { grid, headerRow };
}
