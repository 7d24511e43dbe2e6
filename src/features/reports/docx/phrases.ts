import { formatNumber } from '../numbers';

/** Small Chinese phrasing helpers shared by the report sections. */

export const CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → "（一）" */
export function subHeading(n: number, text: string): string {
  return `（${CHINESE_ORDINALS[n - 1] ?? String(n)}）${text}`;
}

export function wan(amount: number): string {
  return `${formatNumber(amount)}万元`;
}

/** "组织培训次数≥1场" when the target starts with an operator, else "提高群众风险防范意识（非法集资案件下降）". */
export function nameWithTarget(name: string, target: string): string {
  const t = target.trim();
  return startsWithOperator(t) ? `${name}${t}` : `${name}（${t}）`;
}

/** "年度指标值≥1场", "年度指标值12次", "年度指标值为“非法集资案件下降”". */
export function targetPhrase(target: string): string {
  const t = target.trim();
  return startsWithOperator(t) || /^\d/.test(t) ? `年度指标值${t}` : `年度指标值为“${t}”`;
}

function startsWithOperator(t: string): boolean {
  return /^[≥≤><=＞＜≧≦]/.test(t);
}

/** Joins clauses with Chinese enumeration commas: a、b和c. */
export function enumerate(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('、')}和${items[items.length - 1]}`;
}

/** Reports are dated in China Standard Time whatever the server's zone. */
export { chineseDate } from '../../../platform/time';

/** Ends a sentence with a full stop unless the text already ends with punctuation. */
export function sentence(text: string): string {
  const t = text.trim();
  return /[。！？；.!?]$/.test(t) ? t : `${t}。`;
}
