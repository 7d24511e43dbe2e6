import { normalize } from '../scoring/text';

/**
 * Indicator names as people write them: `“三公”经费控制率`, `"三公经费"控制率`, `三公经费控制率（9分）`, `资金使用合规`.
 * `nameKey` folds width, quotes, brackets and a trailing weight so they meet the framework's name.
 */
const ALIASES: Record<string, string> = {
  财政供养人员控制率: '在职人员控制率',
  预算控制率: '预算调整率',
  支出预算调整率: '预算调整率',
  资金使用合规: '资金使用合规性',
  预决算信息公开性和完善性: '预决算信息公开性',
  预决算信息公开: '预决算信息公开性',
  支付进度: '支付进度率',
  公用经费支出控制率: '公用经费控制率',
  政府采购预算执行率: '政府采购执行率',
  服务对象满意度: '社会公众或服务对象满意度',
  社会公众满意度: '社会公众或服务对象满意度',
  重点工作完成率: '重点工作办结率',
};

/** A label's stated weight: `目标设定（6分）` → { name: '目标设定', weight: '6' }. */
export function splitWeight(label: string): { name: string; weight: string | null } {
  const s = label.normalize('NFKC').replace(/\s+/g, ' ').trim();
  const m = /^(.*?)\s*[(（]\s*(\d+(?:\.\d+)?)\s*分?\s*[)）]$/.exec(s) ?? /^(.*?\D)\s*(\d+(?:\.\d+)?)\s*分$/.exec(s);
  return m ? { name: m[1]!.trim(), weight: m[2]! } : { name: s, weight: null };
}

export function nameKey(name: string): string {
  const bare = normalize(splitWeight(name).name)
    .replace(/[“”"'‘’「」『』]/g, '')
    .replace(/^[\d.、①-⑳()（）]+/, '');
  return ALIASES[bare] ?? bare;
}

export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}
