import { normalize } from '../../domain/scoring/text';

/** Longest cell text worth comparing with a label; longer cells are prose and never a label. */
const LABEL_MAX = 40;

/**
 * Labels are compared after folding width and whitespace and dropping the column letters some templates add
 * (`全年预算数(A)`, `实际完成值（B）`), units in brackets (`项目资金（万元）`) and a trailing colon.
 */
export function label(text: string): string {
  if (text.length > LABEL_MAX * 4) return '';
  return normalize(text)
    .replace(/[(（][A-Za-z/]{1,3}[)）]/g, '')
    .replace(/[(（](?:万元|元|分)[)）]/g, '')
    .replace(/[:：*]$/, '');
}

export type IndicatorColumn =
  | 'level1'
  | 'level2'
  | 'name'
  | 'target'
  | 'operator'
  | 'unit'
  | 'actual'
  | 'weight'
  | 'score'
  | 'reason'
  | 'owner'
  | 'applicable'
  | 'band';

/** Each column of an indicator table, how its header may be written, and what the reader does with it. */
export const INDICATOR_COLUMNS: [IndicatorColumn, (l: string) => boolean, string][] = [
  ['level1', (l) => l === '一级指标' || l === '一级指标名称', '一级指标'],
  ['level2', (l) => l === '二级指标' || l === '二级指标名称', '二级指标'],
  ['name', (l) => l === '三级指标' || l === '三级指标名称' || l === '指标名称' || l === '绩效指标名称', '三级指标名称'],
  [
    'target',
    (l) => l.startsWith('年度指标值') || ['指标值', '年度目标值', '年初目标值', '目标值', '预期指标值', '指标目标值', '年度绩效指标值', '计划值'].includes(l),
    '年度指标值',
  ],
  // Sichuan / Yunnan tables split the target into 指标性质 (≧ ═ ≦) | 指标值 | 度量单位.
  ['operator', (l) => l === '指标性质' || l === '运算符' || l === '指标方向', '指标性质（运算符），与指标值、度量单位合成年度指标值'],
  ['unit', (l) => l === '度量单位' || l === '计量单位' || l === '单位', '度量单位，接在指标值后面'],
  [
    'actual',
    (l) => l.startsWith('实际完成值') || ['全年实际值', '全年完成值', '完成值', '实际值', '实际完成数', '全年实际完成值'].includes(l),
    '实际完成值',
  ],
  ['weight', (l) => ['分值', '权重', '指标分值', '标准分值', '权重分值'].includes(l), '分值（按表上的分数，20% 即 20 分）'],
  ['score', (l) => l === '得分' || l === '自评得分' || l === '评分', '表上的得分（只用于核对）'],
  ['reason', (l) => l.includes('原因'), '偏差原因分析及改进措施'],
  ['owner', (l) => ['责任人', '负责人', '填报人', '数据提供人', '责任科室'].includes(l), '责任人'],
  ['applicable', (l) => l === '是否适用' || l === '适用', '是否适用'],
  ['band', (l) => l === '完成档次' || l === '达成情况' || l === '档次', '完成档次（达成 / 部分达成 / 未达成）'],
];

export const HEADER_FIELDS = {
  name: ['项目名称', '专项资金名称', '资金名称', '项目(资金)名称'],
  department: ['主管部门', '主管单位', '县级主管部门', '主管部门名称', '自治区主管部门', '市县主管部门'],
  implementingUnit: ['实施单位', '项目实施单位', '实施单位(盖章)', '实施单位/项目负责人'],
  year: ['年度', '评价年度', '自评年度'],
  deadline: ['截止日期', '填报截止日期', '截止时间'],
} as const;

/** The amount columns of a budget block, best label first (`调整后预算数` is the Sichuan 全年预算数). */
export const BUDGET_COLUMNS = {
  initial: ['年初预算数', '年初预算', '年初批复预算', '年初预算金额'],
  fullYear: ['全年预算数', '调整后预算数', '调整后预算', '全年预算', '预算数', '年度预算数'],
  executed: ['全年执行数', '预算执行数', '全年执行', '执行数', '实际执行数', '实际支出数', '全年实际支出'],
  weight: ['分值', '权重'],
  rate: ['执行率', '预算执行率'],
  score: ['得分'],
} as const;

export const BUDGET_WEIGHT_LABELS = ['预算执行率分值', '预算分值', '执行率分值', '预算执行分值'];

/** The total line of a budget block. */
export const BUDGET_TOTAL = (l: string): boolean =>
  ['总额', '合计', '小计', '总计'].includes(l) || (l.length <= 12 && (l.endsWith('资金总额') || l.endsWith('资金合计')));

/** A 其中… line: where the money came from, never the total. */
export const BUDGET_SOURCE = (l: string): boolean =>
  l.startsWith('其中') ||
  /财政拨款|结转|其他资金|财政资金|专户|单位资金|一般公共预算|政府性基金|国有资本|非税收入|补助|配套|自筹|基本支出|项目支出|社会投入|银行贷款/.test(l);

/** Headers of the sub-blocks some provinces add (`按收入性质分：`). */
export const BUDGET_GROUP = (l: string): string | null => {
  const m = /^(按(?:收入|支出|资金)(?:性质|来源|类别))分?/.exec(l);
  return m ? m[1]! : null;
};

/** A 总分 / 合计 line at the foot of the indicator table. */
export const TOTAL_ROW = (l: string): boolean =>
  l.startsWith('总分') || ['合计', '得分合计', '总计', '分值合计', '合计得分', '总得分', '综合得分', '自评得分合计', '绩效自评得分'].includes(l);

/** Lines below (or inside) the table that are notes, signatures or the boxes of a report, never indicators. */
export const NOTE_START = /^(?:注|备注|说明|填表说明|指标说明|填报说明)(?:[:：\d一二三、.]|$)/;
// The word must stand alone or be followed by a colon or a value (`项目负责人：王某`), so an indicator named
// `联系电话接通率` or `主要问题整改率` is not taken for a signature or a report box.
export const SIGNATURE_START = /^(?:填报人|填表人|联系电话|联系人|项目负责人|财务负责人|单位负责人|审核人|复核人|填报日期|填表日期|分管领导|单位盖章|负责人)(?:[:：]|$)/;
export const TEXT_BOX = /^(?:评价结论|存在问题|改进措施|其他需要说明的?事项|评价等级|自评等级|绩效等级|自评结论|结论|主要问题|下一步改进措施|改进措施及结果应用方案|偏差大或目标未完成原因分析)(?:[:：]|$)/;

/** The title of a (next) evaluation table on the same sheet. */
export const TABLE_TITLE = (l: string): boolean => l.length <= LABEL_MAX && /自评表(?:[(（][^()（）]*[)）])?$/.test(l);

/** Every label a header field can carry; a cell holding one of these is never read as another field's value. */
export const KNOWN_LABELS = new Set<string>([
  ...Object.values(HEADER_FIELDS).flat(),
  ...Object.values(BUDGET_COLUMNS).flat(),
  ...BUDGET_WEIGHT_LABELS,
  '项目资金',
  '资金情况',
  '年度资金总额',
  '年度总体目标',
  '预期目标',
  '实际完成情况',
  '负责人及电话',
  '项目负责人及电话',
]);
