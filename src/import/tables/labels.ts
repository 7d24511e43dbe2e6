import { normalize } from '../../domain/scoring/text';

/**
 * Labels are compared after folding width and whitespace and dropping the column letters some templates add
 * (`全年预算数(A)`, `实际完成值（B）`) and units in brackets (`项目资金（万元）`).
 */
export function label(text: string): string {
  return normalize(text)
    .replace(/[(（][A-Za-z/]{1,3}[)）]/g, '')
    .replace(/[(（](?:万元|元|分)[)）]/g, '')
    .replace(/[:：*]$/, '');
}

export type IndicatorColumn = 'level1' | 'level2' | 'name' | 'target' | 'operator' | 'unit' | 'actual' | 'weight' | 'score' | 'reason' | 'owner' | 'applicable' | 'band';

export const INDICATOR_COLUMNS: [IndicatorColumn, (l: string) => boolean][] = [
  ['level1', (l) => l === '一级指标'],
  ['level2', (l) => l === '二级指标'],
  ['name', (l) => l === '三级指标' || l === '指标名称'],
  ['target', (l) => l.startsWith('年度指标值') || l === '指标值' || l === '年度目标值' || l === '目标值'],
  // Sichuan / Yunnan tables split the target into 指标性质 (≧ ═ ≦) | 指标值 | 度量单位.
  ['operator', (l) => l === '指标性质' || l === '运算符'],
  ['unit', (l) => l === '度量单位' || l === '计量单位'],
  ['actual', (l) => l.startsWith('实际完成值') || l === '全年实际值' || l === '完成值' || l === '实际值'],
  ['weight', (l) => l === '分值' || l === '权重'],
  ['score', (l) => l === '得分'],
  ['reason', (l) => l.includes('原因')],
  ['owner', (l) => l === '责任人' || l === '负责人' || l === '填报人'],
  ['applicable', (l) => l === '是否适用' || l === '适用'],
  ['band', (l) => l === '完成档次' || l === '达成情况' || l === '档次'],
];

export const HEADER_FIELDS = {
  name: ['项目名称'],
  department: ['主管部门', '主管单位'],
  implementingUnit: ['实施单位'],
  year: ['年度', '评价年度', '自评年度'],
  deadline: ['截止日期', '填报截止日期', '截止时间'],
} as const;

export const BUDGET_FIELDS = {
  initial: '年初预算数',
  fullYear: '全年预算数',
  executed: '全年执行数',
} as const;

export const BUDGET_WEIGHT_LABELS = ['预算执行率分值', '预算分值', '执行率分值', '预算执行分值'];
export const TOTAL_ROW = (l: string) => l.startsWith('总分') || l === '合计';

/** Every label a header field can carry; a cell holding one of these is never read as another field's value. */
export const KNOWN_LABELS = new Set<string>([
  ...Object.values(HEADER_FIELDS).flat(),
  ...Object.values(BUDGET_FIELDS),
  ...BUDGET_WEIGHT_LABELS,
  '项目资金',
  '年度资金总额',
  '年度总体目标',
  '预期目标',
  '实际完成情况',
]);
