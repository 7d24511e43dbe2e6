import { loadExcelJs } from './read-xlsx';

/**
 * The project's own indicator template, sent by `@bot 模板`: header fields beside their labels, then one header
 * row and one row per 三级指标. `readTable` reads it back (read-layout.ts finds the same labels).
 */
export const TEMPLATE_COLUMNS = ['一级指标', '二级指标', '三级指标', '年度指标值', '分值', '责任人', '实际完成值', '偏差原因分析及改进措施'] as const;
const TEMPLATE_ROWS = 30;

const INSTRUCTIONS: [string, string][] = [
  ['项目名称、主管部门、实施单位、年度', '填在各自标签右侧的格子里。'],
  ['全年预算数（万元）', '调整后的全年预算，含上年结转资金；必填。'],
  ['全年执行数（万元）', '可先空着，评价时由机器人向财务人员收集。'],
  ['预算执行率分值', '默认 10 分（财预〔2020〕10号）。'],
  ['截止日期', '可空着；填写后导入时作为收集截止日期（例如 2026-10-09），在预览卡片上还可以改。'],
  ['一级指标', '产出指标、效益指标、满意度指标；默认分值 50、30、10，与预算执行率 10 分合计 100。'],
  ['二级指标', '如 数量指标、质量指标、时效指标、成本指标、经济效益指标、社会效益指标、服务对象满意度指标。'],
  ['年度指标值', '数量目标写运算符、数值和单位：≥15000份、≥80%、≤90万元、12次、80%-90%；文字目标（如“有效提高”“文件批复当日下达”）按达成档次评分。'],
  ['分值', '该三级指标的分值，各指标合计应等于所属一级指标的分值。'],
  ['责任人', '填写负责收集该指标实际完成值的同事：姓名、邮箱或手机号。机器人会私聊他/她收集数据。'],
  ['实际完成值', '可空着，由责任人在飞书中填写；数量指标填数字（单位与目标一致），文字指标填“达成”“部分达成 4.5”或“未达成 2”。'],
  ['偏差原因分析及改进措施', '得分低于分值、超出目标 30% 以上或与目标不一致时必须填写。'],
];

export async function buildTemplateWorkbook(): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  const ws = wb.addWorksheet('自评表', { views: [{ state: 'frozen', ySplit: 7 }] });
  ws.columns = [14, 16, 34, 20, 8, 14, 16, 36].map((width) => ({ width }));
  const bold = { bold: true } as const;
  const fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFF3FA' } } as const;

  ws.mergeCells('A1:H1');
  ws.getCell('A1').value = '项目支出绩效自评表';
  ws.getCell('A1').font = { bold: true, size: 16 };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.mergeCells('A2:H2');
  ws.getCell('A2').value = '填写说明见“填写说明”工作表。金额单位：万元。';
  ws.getCell('A2').font = { italic: true, color: { argb: 'FF666666' } };

  const field = (address: string, text: string) => {
    const cell = ws.getCell(address);
    cell.value = text;
    cell.font = bold;
    cell.fill = fill;
  };
  field('A3', '项目名称');
  ws.mergeCells('B3:E3');
  field('F3', '年度');
  field('A4', '主管部门');
  ws.mergeCells('B4:C4');
  field('D4', '实施单位');
  ws.mergeCells('E4:H4');
  field('A5', '年初预算数（万元）');
  field('C5', '全年预算数（万元）');
  field('E5', '全年执行数（万元）');
  field('G5', '预算执行率分值');
  field('A6', '截止日期');
  ws.getCell('B6').dataValidation = { type: 'date', operator: 'greaterThan', formulae: [new Date(Date.UTC(2000, 0, 1))], allowBlank: true, showErrorMessage: true, error: '请填写日期，例如：2026-10-09' };
  ws.getCell('H5').value = 10;
  for (const a of ['B5', 'D5', 'F5', 'H5']) {
    ws.getCell(a).dataValidation = { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], allowBlank: true, showErrorMessage: true, error: '请填写以万元为单位的数字，例如：105' };
  }

  const header = ws.getRow(7);
  TEMPLATE_COLUMNS.forEach((name, i) => {
    const cell = header.getCell(i + 1);
    cell.value = name;
    cell.font = bold;
    cell.fill = fill;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  for (let r = 8; r < 8 + TEMPLATE_ROWS; r++) {
    ws.getCell(`A${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['"产出指标,效益指标,满意度指标"'] };
    ws.getCell(`E${r}`).dataValidation = { type: 'decimal', operator: 'between', formulae: [0, 100], allowBlank: true, showErrorMessage: true, error: '分值请填写 0–100 之间的数字，例如：5' };
  }
  ws.getCell(`A${8 + TEMPLATE_ROWS}`).value = '总分';
  ws.getCell(`A${8 + TEMPLATE_ROWS}`).font = bold;
  ws.getCell(`E${8 + TEMPLATE_ROWS}`).value = { formula: `SUM(E8:E${7 + TEMPLATE_ROWS})+H5`, result: 10 };

  const help = wb.addWorksheet('填写说明');
  help.columns = [{ width: 26 }, { width: 90 }];
  help.addRow(['栏目', '怎么填']).font = bold;
  for (const [name, how] of INSTRUCTIONS) help.addRow([name, how]).alignment = { wrapText: true, vertical: 'top' };
  help.addRow([]);
  help.addRow(['示例', '产出指标 | 数量指标 | 宣传品数量 | ≥15000份 | 10 | 张伟 |（实际完成值空着）']);

  return new Uint8Array(await wb.xlsx.writeBuffer());
}
