import type { CardJson } from '../../src/transport/contract';
import { markdown } from '../shared/elements';
import { tr } from '../shared/i18n';
import { clip, escapeMd } from '../shared/markdown';

/**
 * The posted summary card after a late entry: the same card redrawn from the current data, with a grey
 * header and a first line saying it changed after publication and that the attached 自评表 / 自评报告
 * are the earlier version (an admin's `@bot 汇总` posts fresh ones).
 */
export function summaryOutdatedCard(current: CardJson, notice: string): CardJson {
  const body = (current.body ?? { elements: [] }) as { elements?: unknown[] };
  const header = (current.header ?? {}) as Record<string, unknown>;
  const banner = markdown(
    tr(
      "<font color='grey'>⚠️ 汇总发布后有变更：{n}\n本卡片已按最新数据更新；已发送的自评表和自评报告是旧版，请管理员 @我 汇总 重新生成。</font>",
      "<font color='grey'>⚠️ Changed after publication: {n}\nThis card shows the current data; the attached files are the earlier version — an admin can @me 汇总 to post new ones.</font>",
      { n: escapeMd(clip(notice, 200)) },
    ),
  );
  return {
    ...current,
    header: { ...header, template: 'grey' },
    body: { ...body, elements: [banner, ...(body.elements ?? [])] },
  };
}
