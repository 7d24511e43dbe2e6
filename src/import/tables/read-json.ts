import { evaluationInputSchema } from '../../domain/evaluation';
import type { ReadTableResult, TableError } from './result';

const FIELD_NAMES: Record<string, string> = {
  project: '项目',
  budget: '预算',
  indicators: '指标',
  name: '名称',
  fullYear: '全年预算数',
  executed: '全年执行数',
  initial: '年初预算数',
  target: '年度指标值',
  weight: '分值',
  actual: '实际完成值',
  band: '完成档次',
  level1: '一级指标',
  level2: '二级指标',
};

/** The JSON input of `jixiao score` (README), checked against the schema; errors name the item (第 3 项指标) and field. */
export function readJson(text: string): ReadTableResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, errors: [{ message: `JSON 格式错误：${(e as Error).message}。请检查引号、逗号和括号。` }] };
  }
  const parsed = evaluationInputSchema.safeParse(data);
  if (parsed.success) return { ok: true, evaluation: parsed.data, notes: [] };
  const errors: TableError[] = parsed.error.issues.map((issue) => {
    const path = issue.path.map(String);
    const index = path[0] === 'indicators' && path[1] !== undefined ? Number(path[1]) : null;
    const field = path[path.length - 1] ?? '';
    const where = index != null ? `第 ${index + 1} 项指标` : path.slice(0, -1).map((p) => FIELD_NAMES[p] ?? p).join('.');
    const what = FIELD_NAMES[field] ? `${FIELD_NAMES[field]}（${field}）` : field;
    const missing = issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
    return {
      message: `${where ? `${where}的` : ''}${what}${missing ? '缺失，请补上' : `有误：${issue.message}`}（位置 ${path.join('.')}）`,
    };
  });
  return { ok: false, errors };
}
