import { departmentEvaluationSchema, type DepartmentEvaluation } from '../../domain/department/evaluation';
import type { TableError } from '../tables/result';

/**
 * The 部门整体 JSON input of `jixiao score` (README, "部门整体 JSON"), checked against the schema. Errors name the
 * place as a person reads it: `criteria[1].children[2]` becomes 第 2 个一级指标下第 3 项.
 */
const FIELD_NAMES: Record<string, string> = {
  unit: '单位信息',
  name: '名称',
  figures: '财务数据',
  criteria: '指标',
  weight: '分值',
  score: '得分',
  note: '评分说明',
  statements: '其他位置的数字',
  account: '科目',
  value: '数值',
  where: '位置',
  stated: '表上数字',
  total: '总分',
};

function place(path: PropertyKey[]): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const p = String(path[i]);
    const next = path[i + 1];
    if ((p === 'criteria' || p === 'children') && typeof next === 'number') {
      parts.push(`${p === 'criteria' ? '第' : '下第'} ${next + 1} ${p === 'criteria' ? '个一级指标' : '项'}`);
      i++;
    } else if (typeof path[i] === 'number') parts.push(`第 ${Number(p) + 1} 项`);
    else parts.push(FIELD_NAMES[p] ?? p);
  }
  return parts.join(' ');
}

export function parseDepartmentJson(data: unknown): { ok: true; evaluation: DepartmentEvaluation } | { ok: false; errors: TableError[] } {
  const parsed = departmentEvaluationSchema.safeParse(data);
  if (parsed.success) return { ok: true, evaluation: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => {
      const missing = issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
      return { message: `${place(issue.path)}${missing ? '缺失，请补上' : `有误：${issue.message}`}（位置 ${issue.path.join('.')}）` };
    }),
  };
}

/** True for a JSON value that is meant as a 部门整体 evaluation rather than a 项目支出 table. */
export function isDepartmentJson(data: unknown): boolean {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return false;
  const o = data as Record<string, unknown>;
  return o.kind === '部门整体' || Array.isArray(o.criteria) || (typeof o.unit === 'object' && o.unit !== null && 'figures' in o);
}
