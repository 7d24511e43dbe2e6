import { tr, type I18nText } from './i18n';
import type { EntryStatus, ItemKind } from '../collection/view';

/** Labels several cards share, so the same thing is called the same everywhere. */
export const L = {
  project: tr('项目', 'Project'),
  department: tr('主管部门', 'Department'),
  unit: tr('实施单位', 'Implementing unit'),
  year: tr('年度', 'Year'),
  budgetInitial: tr('年初预算数', 'Initial budget'),
  budgetFullYear: tr('全年预算数', 'Full-year budget'),
  budgetExecuted: tr('全年执行数', 'Full-year spending'),
  deadline: tr('截止日期', 'Deadline'),
  target: tr('年度指标值', 'Target'),
  actual: tr('实际完成值', 'Actual'),
  weight: tr('分值', 'Weight'),
  score: tr('得分', 'Score'),
  owner: tr('责任人', 'Owner'),
  deviation: tr('偏差原因分析及改进措施', 'Reason for the deviation and remedy'),
  level1: tr('一级指标', 'Level 1'),
  level2: tr('二级指标', 'Level 2'),
  level3: tr('三级指标', 'Indicator'),
  budgetItem: tr('预算执行率', 'Budget execution'),
  tenThousandYuan: tr('万元', '×10k yuan'),
} as const;

const STATUS: Record<EntryStatus, I18nText> = {
  pending: tr('待填报', 'To fill in'),
  submitted: tr('已提交', 'Submitted'),
  approved: tr('已通过', 'Approved'),
  returned: tr('已退回', 'Returned'),
};

const STATUS_ICON: Record<EntryStatus, string> = { pending: '⏳', submitted: '📝', approved: '✅', returned: '↩️' };

export function statusLabel(status: EntryStatus): I18nText {
  return STATUS[status];
}

export function statusIcon(status: EntryStatus): string {
  return STATUS_ICON[status];
}

/** "产出指标 › 数量指标 › 培训人次", or the budget line. */
export function itemPath(row: { kind: ItemKind; level1: string; level2: string; name: string }): string {
  return row.kind === 'budget' ? row.name : [row.level1, row.level2, row.name].filter(Boolean).join(' › ');
}
