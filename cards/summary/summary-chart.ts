import type { ScoreResult } from '../../src/domain/scoring/result';
import type { Element } from '../shared/elements';
import { clip } from '../shared/markdown';

/**
 * 得分 against 分值 per indicator as a card chart (VChart grouped bar). Kept to the spec fields VChart
 * 1.10 and 1.12 both read, since the client's VChart version varies (https://open.feishu.cn/document/feishu-cards/card-json-v2-components/content-components/chart).
 */
export function scoreChart(result: ScoreResult, maxBars: number): Element {
  const rows = [
    { label: '预算执行率', weight: result.budget.weight, score: result.budget.score },
    ...result.indicators.filter((r) => r.applicable).map((r) => ({ label: r.name, weight: r.weight, score: r.score ?? 0 })),
  ].slice(0, maxBars);
  const values = rows.flatMap((r, i) => {
    // the index keeps two indicators with the same short name apart on the axis
    const indicator = `${i}. ${clip(r.label, 8)}`;
    return [
      { indicator, series: '分值', value: r.weight },
      { indicator, series: '得分', value: r.score },
    ];
  });
  return {
    tag: 'chart',
    element_id: 'score_chart',
    aspect_ratio: rows.length > 12 ? '4:3' : '16:9',
    chart_spec: {
      type: 'bar',
      data: [{ id: 'scores', values }],
      xField: ['indicator', 'series'],
      yField: 'value',
      seriesField: 'series',
      color: ['#BBBFC4', '#3370FF'],
      legends: { visible: true, orient: 'top' },
      axes: [{ orient: 'bottom', label: { autoRotate: true, autoLimit: true } }],
      title: { visible: true, text: '得分 / 分值' },
    },
  };
}
