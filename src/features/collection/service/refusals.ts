import type { EvaluationStatus, ItemView, Refusal, InputField } from './types';

/** The refusals every service shares, worded once. Messages are what the person sees in a toast. */

export function notFound(what: '评价' | '指标'): Refusal {
  return { ok: false, code: 'not_found', message: `找不到这项${what}，它可能已被删除。请在群里发送“进度”查看当前的评价。` };
}

export function notAdmin(): Refusal {
  return { ok: false, code: 'forbidden', message: '只有导入人和管理员可以操作这一步。如需权限，请联系导入人把您加为管理员。' };
}

export function notOwner(ownerLabel: string): Refusal {
  return {
    ok: false,
    code: 'forbidden',
    message: `这一项由 ${ownerLabel} 填写，您不能提交或修改。如需代填，请联系管理员。`,
  };
}

export function wrongStatus(status: EvaluationStatus, doing: string): Refusal {
  const why: Record<EvaluationStatus, string> = {
    draft: '这项评价还没有开始收集',
    collecting: '这项评价正在收集中',
    reviewing: '这项评价正在审核中',
    final: '这项评价已锁定',
  };
  const hint = status === 'final' ? '，需要管理员重新开放后才能修改' : '';
  return { ok: false, code: 'wrong_status', message: `${why[status]}，无法${doing}${hint}。` };
}

export function invalid(field: InputField, message: string): Refusal {
  return { ok: false, code: 'invalid_input', field, message };
}

export function conflict(current: ItemView, who: string | null): Refusal {
  const value = current.value.actual ?? current.value.band ?? '（空）';
  const by = who ? `${who} ` : '';
  return {
    ok: false,
    code: 'conflict',
    current,
    message: `这一项刚被${by}更新（当前值：${value}，状态：${STATUS_LABEL[current.value.status]}），已显示最新内容，请核对后再操作。`,
  };
}

export const STATUS_LABEL: Record<ItemView['value']['status'], string> = {
  pending: '待填写',
  submitted: '已提交',
  approved: '已通过',
  returned: '已退回',
};
