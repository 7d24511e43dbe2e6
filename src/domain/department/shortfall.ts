import { D, type Dec } from '../scoring/decimal';
import { cleanNumber, normalize, NUMBER } from '../scoring/text';

/**
 * What a 评分说明 says about itself: whether it admits a shortfall (`但有少量指标未达到100%`) and which amounts it
 * quotes. A full score whose 说明 admits a shortfall, or a deduction whose 说明 names none, is what a reviewer at the
 * 财政局 sends back.
 */
const SHORTFALL = [
  /未(?:能|全部|完全|按时|按期|及时|按规定)?(?:达到|达成|完成|达标|实现|到位|落实|公开|执行|登记|入账|上缴|报送)/,
  /未达|未及时|未按/,
  /没有(?:全部|完全)?(?:达到|完成|实现)/,
  /未\d+(?:\.\d+)?%/,
  /(?:少量|部分|个别|少数|一些)(?:指标|任务|工作|项目|目标)?(?:未|没有|尚未)/,
  /但(?:仍|还)?(?:有|存在)/,
  /不(?:完全|完整|符合|相符|合规|一致|规范|健全|完善|及时|到位|够|足)|欠缺|差距|滞后|偏低|偏慢/,
  /存在(?:一定|少量|部分)?(?:问题|不足|差距|偏差)/,
  /有待(?:提高|加强|改进|完善)/,
  /扣\s*\d+(?:\.\d+)?\s*分|扣分/,
];

/** The phrase of `text` that admits a shortfall, or null. */
export function admittedShortfall(text: string | null | undefined): string | null {
  if (!text) return null;
  const s = normalize(text);
  for (const re of SHORTFALL) {
    const m = re.exec(s);
    if (m) {
      // Quote a few characters around the match so the warning shows the words as written.
      const start = Math.max(0, m.index - 6);
      return s.slice(start, m.index + m[0].length + 6).replace(/^[，,。；;、]+|[，,。；;、]+$/g, '');
    }
  }
  return null;
}

const AMOUNT = new RegExp(`(${NUMBER})\\s*(万元|人)`, 'g');

/** Amounts a 说明 quotes, by unit: `实际公用经费支出为21.97万元` → [{ value: 21.97, unit: '万元' }]. */
export function quotedAmounts(text: string | null | undefined): Array<{ value: Dec; unit: '万元' | '人' }> {
  if (!text) return [];
  const out: Array<{ value: Dec; unit: '万元' | '人' }> = [];
  for (const m of normalize(text).matchAll(AMOUNT)) out.push({ value: new D(cleanNumber(m[1]!)), unit: m[2] as '万元' | '人' });
  return out;
}
