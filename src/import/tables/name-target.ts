import { normalize } from '../../domain/scoring/text';

/**
 * Targets people write into the indicator's name when the 年度指标值 cell is left blank:
 * `资金拨付及时率100%` → 资金拨付及时率 / 100%, `培训人数≥200人` → 培训人数 / ≥200人. Only the last few characters are
 * examined (a figure with its operator and unit is short), which keeps the match linear in the name's length.
 */
const TAIL = /(≥|≤|>|<|=|不低于|不少于|不小于|达到|大于等于|小于等于|不超过|不高于|控制在)?\d+(?:\.\d+)?(%|[^\d%()≥≤<>=,.，。、;；:：]{0,3})$/;
/** Units a figure in a name may carry; anything else (`国道318线养护`) is part of the name. */
const UNITS = new Set(['', '%', '个', '人', '人次', '次', '户', '家', '项', '天', '日', '元', '万元', '公里', '千米', '米', '亩', '吨', '台', '套', '份', '场', '所', '座', '条', '辆', '件', '本', '期', '处', '株', '头', '只', '名', '篇', '批', '宗', '起', '万人', '万株', '平方米']);

/** Names that state an outcome can stand as their own qualitative target (`验收合格`, `资金及时到位`). */
const OUTCOME = /(?:合格|达标|完成|到位|及时|有效|提高|提升|改善|良好|满意|规范|安全|正常|明显|显著|稳定|增强|健全|落实|按时|准确|无事故|零事故|达到要求|符合要求|符合规定|符合标准)$/;

export type NameTarget = { name: string; target: string; how: 'figure' | 'outcome' };

export function targetFromName(rawName: string): NameTarget | null {
  const name = normalize(rawName);
  if (name.length < 3) return null;
  const tail = name.slice(-16);
  const m = TAIL.exec(tail);
  if (m && /\d/.test(m[0]) && (UNITS.has(m[2] ?? '') || m[1])) {
    const head = name.slice(0, name.length - m[0].length);
    // `2019年选派干部人数` keeps its year; a figure needs words before it to be a target rather than a name.
    if (head.length >= 2 && !/\d$/.test(head)) return { name: head, target: m[0], how: 'figure' };
  }
  if (OUTCOME.test(name.slice(-8))) return { name: rawName.trim(), target: rawName.trim(), how: 'outcome' };
  return null;
}
